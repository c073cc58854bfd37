using System;
using System.Threading;

namespace HeyMilo.Diagnostics
{
    /// <summary>
    /// Where engine code (running on thread-pool threads) sends verbose, debug and warning lines: the
    /// running cmdlet hands in its writers for the duration of its call and writes the lines later on the
    /// pipeline thread. A class of delegates rather than an interface, so no type of the cmdlet assembly
    /// implements an engine type (PowerShell reflects over those types before the engine can load).
    /// </summary>
    internal sealed class OperationLogSink
    {
        public OperationLogSink(bool verboseEnabled, bool debugEnabled, Action<string> verbose, Action<string> debug, Action<string> warning)
            : this(verboseEnabled, debugEnabled, verbose, debug, warning, null, null)
        {
        }

        /// <param name="waitStarted">A wait began: its id, activity, status, the ModuleClock time it ends and its length (shown as a countdown).</param>
        /// <param name="waitEnded">The wait with that id is over.</param>
        public OperationLogSink(bool verboseEnabled, bool debugEnabled, Action<string> verbose, Action<string> debug, Action<string> warning,
            Action<int, string, string, DateTimeOffset, TimeSpan>? waitStarted, Action<int>? waitEnded)
        {
            VerboseEnabled = verboseEnabled;
            DebugEnabled = debugEnabled;
            WriteVerbose = verbose;
            WriteDebug = debug;
            WriteWarning = warning;
            WaitStarted = waitStarted;
            WaitEnded = waitEnded;
        }

        public Action<int, string, string, DateTimeOffset, TimeSpan>? WaitStarted { get; }
        public Action<int>? WaitEnded { get; }

        public bool VerboseEnabled { get; }
        public bool DebugEnabled { get; }
        public Action<string> WriteVerbose { get; }
        public Action<string> WriteDebug { get; }
        public Action<string> WriteWarning { get; }

        public void Verbose(string message) => WriteVerbose(message);
        public void Debug(string message) => WriteDebug(message);
        public void Warning(string message) => WriteWarning(message);
    }

    /// <summary>The sink of the call in progress (flows with the async context); without one the lines are dropped.</summary>
    internal static class OperationLog
    {
        private static readonly AsyncLocal<OperationLogSink?> s_current = new AsyncLocal<OperationLogSink?>();

        internal static OperationLogSink? Current => s_current.Value;

        internal static IDisposable Enter(OperationLogSink log)
        {
            var previous = s_current.Value;
            s_current.Value = log;
            return new Scope(previous);
        }

        internal static void Verbose(string message)
        {
            var log = s_current.Value;
            if (log != null && log.VerboseEnabled) log.Verbose(message);
        }

        internal static void Warning(string message) => s_current.Value?.Warning(message);

        private static int s_waitIds;

        /// <summary>
        /// Announces a wait (a rate-limit pause, a retry delay) that ends at <paramref name="until"/> on
        /// ModuleClock; the cmdlet shows it as a progress record counting down until the returned scope is disposed.
        /// </summary>
        internal static IDisposable Wait(string activity, string status, DateTimeOffset until)
        {
            var log = s_current.Value;
            if (log?.WaitStarted is null) return NoScope.Instance;
            var id = Interlocked.Increment(ref s_waitIds);
            log.WaitStarted(id, activity, status, until, until - ModuleClock.Current.GetUtcNow());
            return new WaitScope(log, id);
        }

        private sealed class WaitScope : IDisposable
        {
            private readonly OperationLogSink _log;
            private readonly int _id;
            private int _disposed;

            public WaitScope(OperationLogSink log, int id)
            {
                _log = log;
                _id = id;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0) _log.WaitEnded?.Invoke(_id);
            }
        }

        private sealed class NoScope : IDisposable
        {
            public static readonly NoScope Instance = new NoScope();
            public void Dispose()
            {
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly OperationLogSink? _previous;
            public Scope(OperationLogSink? previous) => _previous = previous;
            public void Dispose() => s_current.Value = _previous;
        }
    }
}

using System;
using System.Threading;

namespace HeyMilo.Transport
{
    /// <summary>
    /// Where transport code (running on thread-pool threads) sends verbose, debug and warning lines.
    /// The running cmdlet installs itself for the duration of its call; the lines are written later on
    /// the pipeline thread. Without a cmdlet (plain library use) the lines are dropped.
    /// </summary>
    internal interface IOperationLog
    {
        bool VerboseEnabled { get; }
        bool DebugEnabled { get; }
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    internal static class OperationLog
    {
        private static readonly AsyncLocal<IOperationLog?> s_current = new AsyncLocal<IOperationLog?>();

        internal static IOperationLog? Current => s_current.Value;

        internal static IDisposable Enter(IOperationLog log)
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

        private sealed class Scope : IDisposable
        {
            private readonly IOperationLog? _previous;
            public Scope(IOperationLog? previous) => _previous = previous;
            public void Dispose() => s_current.Value = _previous;
        }
    }
}

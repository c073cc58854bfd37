using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Session;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Module
{
    /// <summary>
    /// Base of every cmdlet that calls the API. It resolves the session, owns the invocation's
    /// cancellation (Ctrl+C / StopProcessing cancels every request, retry and rate-limit wait), and runs
    /// async client code while pumping its verbose/debug/warning lines onto the pipeline thread — the
    /// only thread that may write to PowerShell streams.
    /// </summary>
    public abstract class MiloCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _inbox = new BlockingCollection<Action>();
        private bool _verbose;
        private bool _debug;

        /// <summary>The session to use; the current session (Connect-Milo) when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public MiloSession? Session { get; set; }

        protected CancellationToken Cancellation => _cancellation.Token;

        private object? _log;   // an OperationLogSink; typed object so loading this type never loads the engine

        private int _pipelineThread;

        protected override void BeginProcessing()
        {
            _pipelineThread = Thread.CurrentThread.ManagedThreadId;
            DebugSwitch.ShowWithoutInquiring(this);
            _verbose = IsEnabled("Verbose", "VerbosePreference") || DebugSwitch.Given(this);
            _debug = IsEnabled("Debug", "DebugPreference");
        }

        /// <summary>
        /// While the returned scope is open, engine code on any thread sends its verbose, debug and warning
        /// lines to this cmdlet; they are written on the pipeline thread by <see cref="Run{T}"/>.
        /// </summary>
        internal IDisposable EnterOperationLog() => OperationLog.Enter(LogSink);

        private OperationLogSink LogSink => (OperationLogSink)(_log ??= new OperationLogSink(_verbose, _debug,
            message => _inbox.Add(() => WriteVerbose(message)),
            message => _inbox.Add(() => WriteDebug(message)),
            message => _inbox.Add(() => WriteWarning(message)),
            (id, activity, status, until, length) => _inbox.Add(() => StartWait(id, activity, status, until, length)),
            id => _inbox.Add(() => EndWait(id))));

        // ---- waits shown as a countdown (pipeline thread only) ----------------------------------------

        /// <summary>The progress bar of the module's waits (rate limit, retry delays): one per cmdlet.</summary>
        private const int WaitActivityId = ProgressIds.Wait;
        private static readonly TimeSpan s_waitRefresh = TimeSpan.FromMilliseconds(500);
        private readonly Dictionary<int, (string Activity, string Status, DateTimeOffset Until)> _waits = new Dictionary<int, (string, string, DateTimeOffset)>();
        private ThrottledProgress? _waitBar;
        private string? _waitActivity;

        /// <summary>This cmdlet's bars, brought up to date when a wait begins and while it lasts.</summary>
        private readonly List<ThrottledProgress> _bars = new List<ThrottledProgress>();

        internal void Track(ThrottledProgress bar) => _bars.Add(bar);

        private void FlushBars()
        {
            foreach (var bar in _bars)
                if (!ReferenceEquals(bar, _waitBar)) bar.Flush();
        }

        private void StartWait(int id, string activity, string status, DateTimeOffset until, TimeSpan length)
        {
            FlushBars();
            _waits[id] = (activity, status, until);
            // The first record says the whole wait, however late the pipeline thread gets to it.
            ShowWait(force: true, announced: (until, length));
        }

        private void EndWait(int id)
        {
            if (!_waits.Remove(id)) return;
            if (_waits.Count == 0)
            {
                _waitBar?.Complete();
                _waitBar = null;
                _waitActivity = null;
            }
            else
            {
                ShowWait(force: true);
            }
        }

        /// <summary>The longest wait in progress, as "Waiting for the rate limit, 41 s", counting down on ModuleClock.</summary>
        private void ShowWait(bool force, (DateTimeOffset Until, TimeSpan Length)? announced = null)
        {
            if (_waits.Count == 0) return;
            var longest = default((string Activity, string Status, DateTimeOffset Until));
            foreach (var w in _waits.Values)
                if (longest.Activity is null || w.Until > longest.Until) longest = w;
            var left = announced is { } a && a.Until == longest.Until ? a.Length : longest.Until - ModuleClock.Current.GetUtcNow();
            var seconds = (int)Math.Max(0, Math.Ceiling(left.TotalSeconds));
            if (_waitBar is null || _waitActivity != longest.Activity)
            {
                _waitBar?.Complete();
                _waitBar = new ThrottledProgress(this, WaitActivityId, longest.Activity);
                _waitActivity = longest.Activity;
                force = true;
            }
            _waitBar.ReportStatus(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}, {1} s ({2})", longest.Activity, seconds, longest.Status), seconds, force);
        }

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>
        /// Runs <paramref name="action"/> on the pipeline thread: at once when called there, else queued for
        /// the <see cref="Run{T}"/> in progress to run while it waits (stream writes, progress).
        /// </summary>
        protected void Post(Action action)
        {
            if (Thread.CurrentThread.ManagedThreadId == _pipelineThread) action();
            else _inbox.Add(action);
        }

        /// <summary>The session for this call, or a terminating error telling the user to connect.</summary>
        protected MiloSession RequireSession()
        {
            var session = Session ?? SessionStore.Current;
            if (session is null) ThrowTerminatingError(MiloErrors.NotConnected());
            if (session!.IsClosed) ThrowTerminatingError(MiloErrors.SessionClosed(session));
            return session;
        }

        /// <summary>Runs async work to completion on the thread pool while this (pipeline) thread writes its messages.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            Task<T> task;
            using (EnterOperationLog())
            {
                task = Task.Run(() => work(_cancellation.Token));
            }
            try
            {
                Pump(task);
            }
            catch
            {
                // The pipeline is going away (a stream write threw): stop the work too.
                _cancellation.Cancel();
                throw;
            }
            if (task.IsCanceled || (task.IsFaulted && _cancellation.IsCancellationRequested && IsCancellation(task.Exception!)))
                throw new PipelineStoppedException();
            if (task.IsFaulted)
            {
                var inner = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
                ExceptionDispatchInfo.Capture(inner).Throw();
            }
            return task.Result;
        }

        /// <summary>
        /// Starts async work on the thread pool and returns at once, for cmdlets that keep several requests in
        /// flight: the work's verbose/warning lines reach this cmdlet, and <c>Run(_ =&gt; task)</c> later waits
        /// for it on the pipeline thread. Disposing the cmdlet (early stop, a terminating error) cancels it.
        /// </summary>
        protected Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
        {
            using (EnterOperationLog())
            {
                var token = _cancellation.Token;
                return Task.Run(() => work(token), token);
            }
        }

        protected void Run(Func<CancellationToken, Task> work) =>
            Run<bool>(async ct =>
            {
                await work(ct).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// Streams an async sequence: each item is handed to the pipeline as it arrives, and the next
        /// one (the next page) is only requested when the pipeline asks for it. When the pipeline stops
        /// (Select-Object -First, Ctrl+C) nothing more is requested.
        /// </summary>
        protected IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
        {
            var enumerator = source.GetAsyncEnumerator(_cancellation.Token);
            try
            {
                while (Run(_ => enumerator.MoveNextAsync().AsTask()))
                    yield return enumerator.Current;
            }
            finally
            {
                // Suspended at a yield, DisposeAsync only runs finally blocks: it completes at once.
                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        /// <summary>
        /// The by-id loop of the cmdlets that act on given ids: for each id (that <paramref name="confirm"/>
        /// lets through) one engine call, then its result is written (by <paramref name="write"/>, or as is);
        /// an API failure is that id's error (the id as TargetObject) and the loop goes on.
        /// </summary>
        /// <param name="ifItMayHaveHappened">For a write: how to check whether it took effect when it may have (see WriteFailure).</param>
        protected void ForEachId<T>(IEnumerable<string> ids, Func<string, CancellationToken, Task<T>> call,
            Func<string, bool>? confirm = null, Action<string, T>? write = null, Func<string, MiloApiException, string?>? ifItMayHaveHappened = null)
        {
            foreach (var id in ids)
            {
                if (confirm != null && !confirm(id)) continue;
                T result;
                try
                {
                    result = Run(ct => call(id, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, id, ifItMayHaveHappened?.Invoke(id, ex));
                    continue;
                }
                if (write != null) write(id, result);
                else WriteObject(result);
            }
        }

        /// <summary>
        /// Works through postings one by one until <paramref name="done"/>; an API failure is that posting's error
        /// and the others go on. With several postings, a bar over them (ProgressIds.InterviewPostings) holds each
        /// posting's own bar: <paramref name="each"/> gets its id as the parent id (-1 with one posting).
        /// </summary>
        internal void ForEachPosting(string[] postingIds, string activity, Func<bool> done, Action<string, int> each)
        {
            var bar = postingIds.Length > 1 ? new ThrottledProgress(this, ProgressIds.InterviewPostings, activity) : null;
            try
            {
                for (var i = 0; i < postingIds.Length && !done(); i++)
                {
                    bar?.Step(i, postingIds.Length, "posting", postingIds[i]);
                    try
                    {
                        each(postingIds[i], bar is null ? -1 : ProgressIds.InterviewPostings);
                    }
                    catch (MiloApiException ex)
                    {
                        WriteFailure(ex, postingIds[i]);
                    }
                }
            }
            finally
            {
                bar?.CompleteQuietly();
            }
        }

        /// <summary>
        /// Feeds <paramref name="items"/> through a bounded window of concurrent fetches and yields each result
        /// in input order; a failed fetch is written as that item's error and the others go on. Progress is
        /// reported per result and completed at the end; an early stop cancels the fetches left.
        /// </summary>
        internal IEnumerable<TOut> InOrder<TIn, TOut>(OrderedFetchWindow<TIn, TOut> window, IEnumerable<TIn> items, ThrottledProgress progress, Func<long?> total, string noun)
            where TIn : class
        {
            long done = 0;
            try
            {
                foreach (var item in items)
                {
                    if (window.IsFull && TakeHead(window, ref done, out var head)) yield return Reported(head, progress, done, total(), noun);
                    window.Start(item);
                }
                while (window.Count > 0)
                    if (TakeHead(window, ref done, out var head)) yield return Reported(head, progress, done, total(), noun);
                progress.Complete();
            }
            finally
            {
                window.Dispose();
                progress.CompleteQuietly();
            }
        }

        private static TOut Reported<TOut>(TOut result, ThrottledProgress progress, long done, long? total, string noun)
        {
            progress.Report(done, total, noun);
            return result;
        }

        private bool TakeHead<TIn, TOut>(OrderedFetchWindow<TIn, TOut> window, ref long done, out TOut result) where TIn : class
        {
            var head = window.TakeHead();
            done++;
            try
            {
                result = Run(_ => head.Value);
                return true;
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, head.Key);
                result = default!;
                return false;
            }
        }

        /// <summary>
        /// Runs work that must not go on after a failure (an export: a partial file must not look complete):
        /// an API or export failure becomes this invocation's terminating error, with <paramref name="target"/>.
        /// </summary>
        protected void Terminating(object? target, Action work)
        {
            try
            {
                work();
            }
            catch (Exception ex) when (ex is HeyMilo.Export.ExportException || ex is MiloApiException)
            {
                ThrowTerminatingError(MiloErrors.FromException(ex, target));
            }
        }

        protected void Terminating(object? target, Func<CancellationToken, Task> work) => Terminating(target, () => Run(work));

        /// <summary>
        /// ShouldProcess for cmdlets with -Force: with <paramref name="force"/> it passes without a prompt (for
        /// unattended runbooks) unless -WhatIf is in effect, which still only reports.
        /// </summary>
        protected bool ShouldProcess(string target, string action, bool force)
        {
            if (force && !WhatIfRequested()) return true;
            return ShouldProcess(target, action);
        }

        protected bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value))
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        /// <summary>Writes a failure as a non-terminating error, or terminates when nothing else can succeed (bad key).</summary>
        /// <param name="ifItMayHaveHappened">For a write: how to check whether it took effect, used when the request may have been carried out.</param>
        protected void WriteFailure(Exception exception, object? target, string? ifItMayHaveHappened = null)
        {
            var record = MiloErrors.FromException(exception, target, ifItMayHaveHappened);
            if (MiloErrors.IsFatal(exception)) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// Runs when PowerShell disposes the cmdlet at the end of its pipeline — also one that was stopped (Ctrl+C,
        /// Select-Object -First) between two input objects, where no other method of the cmdlet runs.
        /// </summary>
        protected virtual void OnPipelineEnd()
        {
        }

        public void Dispose()
        {
            // The cmdlet reports what it must first (an import's rows in flight); then work still running, which
            // no one is left to read (Select-Object -First, a terminating error, Ctrl+C), is stopped rather than
            // left to send more requests.
            try
            {
                OnPipelineEnd();
            }
            finally
            {
                _cancellation.Cancel();
            }
            _cancellation.Dispose();
            _inbox.Dispose();
        }

        private void Pump(Task task)
        {
            var done = new Action(() => { });
            task.ContinueWith(_ => _inbox.Add(done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                while (true)
                {
                    // While a wait is shown, wake up to count it down (the bar itself writes at most twice a second).
                    if (!_inbox.TryTake(out var action, _waits.Count > 0 ? s_waitRefresh : Timeout.InfiniteTimeSpan))
                    {
                        FlushBars();
                        ShowWait(force: false);
                        continue;
                    }
                    if (ReferenceEquals(action, done)) return;
                    action();
                }
            }
            finally
            {
                if (task.IsCompleted) EndAllWaits();
            }
        }

        /// <summary>Work ended (or failed) with a wait still shown: the bar still ends with Completed.</summary>
        private void EndAllWaits()
        {
            if (_waits.Count == 0) return;
            _waits.Clear();
            _waitBar?.CompleteQuietly();
            _waitBar = null;
            _waitActivity = null;
        }

        private static bool IsCancellation(AggregateException exception)
        {
            foreach (var inner in exception.Flatten().InnerExceptions)
                if (!(inner is OperationCanceledException)) return false;
            return true;
        }

        private bool IsEnabled(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var value))
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            var preference = GetVariableValue(preferenceVariable);
            return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }
    }
}

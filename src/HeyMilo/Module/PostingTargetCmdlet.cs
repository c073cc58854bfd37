using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Module
{
    /// <summary>
    /// Base of the cmdlets that act on postings named by -PostingId: ids on the command line, id strings piped,
    /// or posting objects piped (bound by their Id, or PostingId for PostingStatistic objects). The piped object
    /// itself is seen through the hidden -InputObject, so that errors carry it as TargetObject and so that write
    /// cmdlets can refuse an object that is not a posting but names one — an interview, a question or a webhook has a
    /// PostingId too, and archiving the posting an interview belongs to is not what piping an interview means.
    /// What an object is, is <see cref="MiloObjectKinds"/>'s answer, the same one binding gets (<see cref="PipelineInputAttribute"/>).
    /// </summary>
    public abstract class PostingTargetCmdlet : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(Takes, IdOf = MiloObjects.Posting)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.PostingIdCompleter))]
        public string[] PostingId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Postings, and what belongs to one posting: reads (Get-MiloPostingStatistic) act on that posting; writes refuse
        /// it per record (<see cref="Targets"/>) but for statistics, which stand for their posting
        /// (Get-MiloPostingStatistic | Where-Object … | Disable-MiloPosting). Any other object of the module is refused at binding.
        /// </summary>
        private const MiloObjects Takes = MiloObjects.Posting | MiloObjects.OfAPosting;

        /// <summary>The piped object, whatever it is (bound by value next to -PostingId).</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public PSObject? InputObject { get; set; }

        /// <summary>Whether an interview or a question piped in may stand for its posting (reads: yes; writes: no).</summary>
        internal virtual bool AcceptsObjectsOfOtherKinds => false;

        /// <summary>
        /// The postings of this record with what an error about each should carry: the piped object, or the id
        /// typed. A piped object of another kind (by type, or a row by its InterviewId or QuestionId) gets a
        /// HeyMilo.NotAPosting error instead (writes only).
        /// </summary>
        internal IEnumerable<KeyValuePair<string, object>> Targets()
        {
            var piped = InputObject;
            object? target = RequestInput.TargetOf(piped);
            if (target is string) target = null;
            if (target != null && !AcceptsObjectsOfOtherKinds && MiloObjectKinds.Of(piped!) is { Kind: not (MiloObjects.Posting or MiloObjects.Statistic) } other)
            {
                WriteError(MiloErrors.Create(
                    new ArgumentException($"The piped object is {other.Description}, not a posting. {MyInvocation.MyCommand.Name} acts on postings; it does not act on the posting another object belongs to or names."),
                    "NotAPosting", ErrorCategory.InvalidArgument, target,
                    $"Pipe postings (Get-MiloPosting), or name the posting: {MyInvocation.MyCommand.Name} -PostingId $item.PostingId"));
                yield break;
            }
            foreach (var id in PostingId)
                yield return new KeyValuePair<string, object>(id, target ?? id);
        }

        private ThrottledProgress? _progress;
        private long _succeeded;
        private long _failed;
        private long? _total;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Ids typed on the command line are all known now; piped ones are not.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(PostingId))) _total = PostingId.Length;
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            _progress?.Complete();
        }

        /// <summary>
        /// The bulk loop of a write: for each posting of this record, confirm (ShouldProcess), call the API, write
        /// the result; a failure is a per-item error whose TargetObject is the piped posting (or the id typed) and
        /// the next posting goes on. Progress (at most two updates a second) counts what was done and what failed.
        /// </summary>
        internal void ForEachPosting<T>(string doneText, Func<string, bool> confirm, Func<MiloSession, string, CancellationToken, Task<T>> call, Action<T> write)
        {
            var session = RequireSession();
            foreach (var pair in Targets())
            {
                var id = pair.Key;
                if (!confirm(id)) continue;
                T result;
                try
                {
                    result = Run(ct => call(session, id, ct));
                }
                catch (MiloApiException ex)
                {
                    _failed++;
                    WriteFailure(ex, pair.Value);
                    Report(doneText);
                    continue;
                }
                _succeeded++;
                write(result);
                Report(doneText);
            }
        }

        private void Report(string doneText)
        {
            _progress ??= new ThrottledProgress(this, ActivityId(MyInvocation.MyCommand.Name), MyInvocation.MyCommand.Name);
            var noun = $"postings: {_succeeded} {doneText}" + (_failed > 0 ? $", {_failed} failed" : "");
            _progress.Report(_succeeded + _failed, _total, noun);
        }

        /// <summary>A progress activity id of its own for each cmdlet, the same in every process.</summary>
        private static int ActivityId(string name)
        {
            var hash = 0x4D20;
            foreach (var c in name) hash = unchecked(hash * 31 + c);
            return hash & 0x7FFFFFFF;
        }
    }
}

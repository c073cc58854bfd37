using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Streams the interviews (candidates) of postings page by page (GET /api/v2/postings/{id}/candidates),
    /// optionally with each interview's full results fetched a few at a time (-Detailed), or gets the
    /// full results of given interviews (GET /api/v2/interviews/{id}/data).
    /// </summary>
    /// <remarks>
    /// Pipeline binding: Posting objects bind by value (hidden -Posting); objects with posting_id /
    /// PostingId bind -PostingId by property name; Interview and InterviewData objects bind by value
    /// (hidden -InputObject in the ById set), so piping interviews looks each one up by InterviewId
    /// instead of re-listing its posting. -PostingId is therefore not declared Mandatory (a Posting
    /// bound by value leaves it empty); a call with neither fails before any request.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "MiloInterview", DefaultParameterSetName = ByPostingSet, SupportsPaging = true)]
    [OutputType(typeof(Interview), ParameterSetName = new[] { ByPostingSet })]
    [OutputType(typeof(InterviewData), ParameterSetName = new[] { ByIdSet, ByPostingSet })]
    public sealed class GetMiloInterviewCommand : MiloCmdlet
    {
        private const string ByPostingSet = "ByPosting";
        private const string ByIdSet = "ById";
        private const int ProgressActivityId = 0x4D10;
        private const int PostingsActivityId = 0x4D0F;
        private int _parentActivityId = -1;

        private long _consumed;   // items taken from the listings (after -Status), for -First/-Skip across postings
        private int _totalRequested;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("interview_id")]
        [ValidateNotNullOrEmpty]
        public string[] InterviewId { get; set; } = Array.Empty<string>();

        /// <summary>Interview / InterviewData objects from the pipeline (bound by value so they select the ById set).</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public InterviewBase? InputObject { get; set; }

        [Parameter(ParameterSetName = ByPostingSet, ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        /// <summary>Posting objects from Get-MiloPosting, bound by value.</summary>
        [Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        public Posting? Posting { get; set; }

        /// <summary>Only interviews created at or after this time (sent to the API as UTC; a DateTime without offset is local time).</summary>
        [Parameter(ParameterSetName = ByPostingSet)]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Only interviews created at or before this time (inclusive).</summary>
        [Parameter(ParameterSetName = ByPostingSet)]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>
        /// Keep only interviews with these statuses. The API has no status parameter: every interview of
        /// the posting is still listed (and counted against the rate limit) and filtered here.
        /// </summary>
        [Parameter(ParameterSetName = ByPostingSet, HelpMessage = "Filters on the client: the API has no status parameter, so every interview of the posting is still listed (and counted against the rate limit).")]
        [ValidateSet("pending", "in_progress", "evaluating", "completed", "shortlisted", "dismissed", "knocked_out", IgnoreCase = true)]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ByPostingSet)]
        [ValidateRange(1, HeyMiloClient.MaxPageSize)]
        public int PageSize { get; set; } = HeyMiloClient.MaxPageSize;

        /// <summary>Also fetch each listed interview's full results (InterviewData), in list order.</summary>
        [Parameter(ParameterSetName = ByPostingSet)]
        public SwitchParameter Detailed { get; set; }

        /// <summary>
        /// Read through the legacy API: GET /interview/{id} by id, GET /interviews/{posting_id} (page/limit)
        /// by posting. It has no date filters.
        /// </summary>
        [Parameter]
        public SwitchParameter Legacy { get; set; }

        /// <summary>With -Detailed: how many result fetches may be in flight at once.</summary>
        [Parameter(ParameterSetName = ByPostingSet)]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (CreatedAfter is DateTimeOffset after && CreatedBefore is DateTimeOffset before && before < after)
            {
                ThrowTerminatingError(MiloErrors.Create(
                    new ArgumentException($"-CreatedBefore ({HeyMiloClient.ApiTimestamp(before)}) is earlier than -CreatedAfter ({HeyMiloClient.ApiTimestamp(after)}); no interview can match."),
                    "InvalidDateRange", ErrorCategory.InvalidArgument, before, "Swap the two dates, or drop one of them."));
            }
            if (Legacy && (CreatedAfter.HasValue || CreatedBefore.HasValue))
            {
                ThrowTerminatingError(MiloErrors.Create(
                    new ArgumentException("-CreatedAfter and -CreatedBefore are not available with -Legacy: the legacy GET /interviews/{posting_id} has no date filters."),
                    "LegacyFilterUnsupported", ErrorCategory.InvalidArgument, null, "Drop -Legacy to filter on the server, or filter the output: Where-Object CreatedAt -ge $date"));
            }
        }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in InterviewId)
                {
                    InterviewData data;
                    try
                    {
                        data = Run(ct => Legacy ? session.Client.GetLegacyInterviewAsync(id, ct) : session.Client.GetInterviewDataAsync(id, ct));
                    }
                    catch (MiloApiException ex)
                    {
                        WriteFailure(ex, id);
                        continue;
                    }
                    WriteObject(data);
                }
                return;
            }

            var postingIds = Posting != null ? new[] { Posting.Id } : PostingId;
            if (postingIds is null || postingIds.Length == 0)
            {
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name the postings whose interviews to get: -PostingId, or pipe postings from Get-MiloPosting."),
                    "PostingIdRequired", ErrorCategory.InvalidArgument, null, "Get-MiloPosting -First 1 | Get-MiloInterview"));
            }

            // Several postings in one call: a bar over the postings, with each posting's -Detailed bar nested in it.
            var nested = postingIds!.Length > 1;
            _parentActivityId = nested ? PostingsActivityId : -1;
            try
            {
                for (var i = 0; i < postingIds.Length; i++)
                {
                    if (WindowFull) return;
                    var postingId = postingIds[i];
                    if (nested)
                    {
                        WriteProgress(new ProgressRecord(PostingsActivityId, "Get-MiloInterview",
                            string.Format(System.Globalization.CultureInfo.InvariantCulture, "posting {0} of {1}: {2}", i + 1, postingIds.Length, postingId))
                        {
                            PercentComplete = i * 100 / postingIds.Length,
                        });
                    }
                    try
                    {
                        ListPosting(session, postingId);
                    }
                    catch (MiloApiException ex)
                    {
                        WriteFailure(ex, postingId);
                    }
                }
            }
            finally
            {
                if (nested)
                {
                    try
                    {
                        WriteProgress(new ProgressRecord(PostingsActivityId, "Get-MiloInterview", "Done") { RecordType = ProgressRecordType.Completed });
                    }
                    catch (PipelineStoppedException)
                    {
                    }
                }
            }
        }

        private PagingWindow Window => _window ??= PagingWindow.From(PagingParameters);
        private PagingWindow? _window;

        private bool WindowFull => Window.MaxItems is long max && _consumed >= max;

        private void ListPosting(MiloSession session, string postingId)
        {
            var statuses = Status is { Length: > 0 } ? new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase) : null;
            // With a status filter the API cannot know how many items we need, so only ask for fewer without one.
            long? apiMax = statuses is null && Window.MaxItems is long max ? max - _consumed : (long?)null;
            long? total = null;
            var filter = new HeyMiloClient.InterviewFilter { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore };
            Action<long?> onTotal = t =>
            {
                total = t;
                // -IncludeTotalCount: the first posting's count; unknown when -Status filters it here.
                if (Interlocked.Exchange(ref _totalRequested, 1) == 0) Window.SetTotal(statuses is null ? t : null);
            };
            var listing = Legacy
                ? session.Client.ListLegacyInterviewsAsync(postingId, PageSize, apiMax, onTotal, Cancellation)
                : session.Client.ListInterviewsAsync(postingId, filter, PageSize, apiMax, onTotal, Cancellation);

            var selected = Select(Stream(listing), statuses);
            if (!Detailed)
            {
                foreach (var interview in selected)
                {
                    FlushTotal();
                    WriteObject(interview);
                }
                FlushTotal();
                return;
            }

            WriteDetailed(session, postingId, selected, () => total);
        }

        /// <summary>-Status, then -Skip and -First over everything this invocation listed.</summary>
        private IEnumerable<Interview> Select(IEnumerable<Interview> listing, HashSet<string>? statuses)
        {
            foreach (var interview in listing)
            {
                if (statuses != null && !statuses.Contains(interview.Status)) continue;
                if (WindowFull) yield break;
                var position = _consumed++;
                if ((ulong)position < Window.Skip) continue;
                yield return interview;
                if (WindowFull) yield break;
            }
        }

        private void FlushTotal() => Window.FlushTotal(this);

        /// <summary>
        /// Fetches full results for each listed interview with at most ThrottleLimit requests in flight,
        /// writing them in list order: a bounded window of started fetches, the oldest written first.
        /// </summary>
        private void WriteDetailed(MiloSession session, string postingId, IEnumerable<Interview> interviews, Func<long?> total)
        {
            var progress = new ThrottledProgress(this, ProgressActivityId, "Get-MiloInterview -Detailed: posting " + postingId, _parentActivityId);
            var window = new Queue<KeyValuePair<Interview, Task<InterviewData>>>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            long written = 0;
            try
            {
                foreach (var interview in interviews)
                {
                    if (window.Count >= ThrottleLimit) WriteHead(window, progress, ref written, total());
                    window.Enqueue(new KeyValuePair<Interview, Task<InterviewData>>(interview, StartFetch(session, interview.InterviewId, stop.Token)));
                }
                while (window.Count > 0) WriteHead(window, progress, ref written, total());
                FlushTotal();
                progress.Complete();
            }
            finally
            {
                // Early stop (Select-Object -First, Ctrl+C, an error): cancel fetches nobody will read.
                stop.Cancel();
                foreach (var pending in window)
                    pending.Value.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                progress.CompleteQuietly();
            }
        }

        private Task<InterviewData> StartFetch(MiloSession session, string interviewId, CancellationToken token)
        {
            // The fetch runs on the thread pool; its verbose/warning lines reach this cmdlet's stream.
            using (EnterOperationLog())
            {
                return Legacy
                    ? Task.Run(() => session.Client.GetLegacyInterviewAsync(interviewId, token), token)
                    : Task.Run(() => session.Client.GetInterviewDataAsync(interviewId, token), token);
            }
        }

        private void WriteHead(Queue<KeyValuePair<Interview, Task<InterviewData>>> window, ThrottledProgress progress, ref long written, long? total)
        {
            var head = window.Dequeue();
            InterviewData data;
            try
            {
                data = Run(_ => head.Value);
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, head.Key);
                return;
            }
            finally
            {
                written++;
            }
            FlushTotal();
            WriteObject(data);
            progress.Report(written, total, "interviews");
        }
    }
}

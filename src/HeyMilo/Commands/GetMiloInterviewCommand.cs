using System;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Streams the interviews (candidates) of postings page by page (GET /api/v2/postings/{id}/candidates),
    /// optionally with each interview's full results fetched a few at a time (-Detailed), or gets the
    /// full results of given interviews (GET /api/v2/interviews/{id}/data). -Legacy reads through the
    /// legacy API; listing through it has its own parameter set (no date filters), so conflicts fail at binding.
    /// </summary>
    /// <remarks>Pipeline binding: docs/pipeline.md.</remarks>
    [Cmdlet(VerbsCommon.Get, "MiloInterview", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
    [OutputType(typeof(Interview), ParameterSetName = new[] { ByPostingSet, LegacySet })]
    [OutputType(typeof(InterviewData), ParameterSetName = new[] { ByIdSet, ByPostingSet, LegacySet })]
    public sealed class GetMiloInterviewCommand : MiloCmdlet
    {
        private const string ByPostingSet = "ByPosting";
        private const string LegacySet = "LegacyByPosting";
        private const string ByIdSet = "ById";
        private const MiloObjects Takes = MiloObjects.Posting | MiloObjects.Interview | MiloObjects.ImportResult;
        private PagingWindow? _window;

        /// <summary>
        /// Interviews whose results to get. The default set: an object that carries an InterviewId (interviews,
        /// import results, rows of their CSV) binds it before any PostingId it also carries.
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true), Alias("interview_id"), ValidateNotNullOrEmpty]
        public string[] InterviewId { get; set; } = Array.Empty<string>();

        /// <summary>Interviews and import results from the pipeline: in ById they are got by InterviewId; with a listing parameter they are refused, never listed as their posting.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public InterviewBase? InputObject { get; set; }

        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public CandidateImportResult? ImportResult { get; set; }

        /// <summary>
        /// Postings to list. Mandatory in its sets, so that with -Detailed and piped postings PowerShell picks
        /// ByPosting over LegacyByPosting (whose -Legacy no pipeline object can give); postings bind it by Id.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPostingSet, ValueFromPipelineByPropertyName = true), Parameter(Mandatory = true, ParameterSetName = LegacySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id"), ValidateNotNullOrEmpty, ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        [Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(Takes)]
        public Posting? Posting { get; set; }

        /// <summary>Only interviews created at or after / before this time (inclusive; sent as UTC; a DateTime without offset is local time).</summary>
        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedAfter { get; set; }

        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Keep only interviews with these statuses (filtered here: the API has no status parameter).</summary>
        [Parameter(ParameterSetName = ByPostingSet, HelpMessage = "Filters on the client: the API has no status parameter, so every interview of the posting is still listed (and counted against the rate limit).")]
        [Parameter(ParameterSetName = LegacySet), ValidateSet("pending", "in_progress", "evaluating", "completed", "shortlisted", "dismissed", "knocked_out", IgnoreCase = true)]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet), ValidateRange(1, HeyMiloClient.MaxPageSize)]
        public int PageSize { get; set; } = HeyMiloClient.MaxPageSize;

        /// <summary>Also fetch each listed interview's full results (InterviewData), in list order.</summary>
        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet)]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Read through the legacy API: GET /interview/{id} by id, GET /interviews/{posting_id} (page/limit) by posting.</summary>
        [Parameter(ParameterSetName = ByIdSet), Parameter(Mandatory = true, ParameterSetName = LegacySet)]
        public SwitchParameter Legacy { get; set; }

        /// <summary>With -Detailed: how many result fetches may be in flight at once.</summary>
        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet), ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        private PagingWindow Window => _window ??= PagingWindow.From(PagingParameters);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MiloErrors.InvalidDateRange(CreatedAfter, CreatedBefore) is { } invalid) ThrowTerminatingError(invalid);
        }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            var query = new InterviewQuery(session.Client, Legacy)
            {
                Filter = new HeyMiloClient.InterviewFilter { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore },
                Statuses = Status,
                PageSize = PageSize,
            };
            if (ParameterSetName != ByIdSet && (InputObject ?? (object?)ImportResult) is { } interview)
            {
                WriteError(MiloErrors.NotAPosting(interview));
                return;
            }
            var postingIds = Posting != null ? new[] { Posting.Id } : PostingId;
            if (ParameterSetName == ByIdSet ? InterviewId.Length == 0 : postingIds is null || postingIds.Length == 0)
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name the postings whose interviews to get (-PostingId) or the interviews (-InterviewId), or pipe them in."),
                    "PostingIdRequired", ErrorCategory.InvalidArgument, null, "Get-MiloPosting -First 1 | Get-MiloInterview"));
            if (ParameterSetName == ByIdSet) ForEachId(InterviewId, query.GetDataAsync);
            else WriteListings(query, postingIds!);
        }

        private void WriteListings(InterviewQuery query, string[] postingIds)
        {
            // Several postings in one call: a bar over the postings, with each posting's -Detailed bar nested in it.
            var postings = postingIds.Length > 1 ? new ThrottledProgress(this, ProgressIds.InterviewPostings, "Get-MiloInterview") : null;
            try
            {
                for (var i = 0; i < postingIds.Length && !Window.Full; i++)
                {
                    postings?.Step(i, postingIds.Length, "posting", postingIds[i]);
                    try
                    {
                        long? total = null;
                        // With a status filter the API cannot know how many items are needed: ask for fewer only without one.
                        var listing = query.List(postingIds[i], query.Statuses is null ? Window.Remaining : null, t =>
                        {
                            total = t;
                            Window.SetTotal(query.Statuses is null ? t : null);
                        }, Cancellation);
                        var selected = Window.Apply(query.Select(Stream(listing)));
                        if (!Detailed) WriteAll(selected);
                        else WriteAll(InOrder(new OrderedFetchWindow<Interview, InterviewData>((item, ct) => query.GetDataAsync(item.InterviewId, ct), ThrottleLimit, Cancellation, EnterOperationLog),
                            selected, new ThrottledProgress(this, ProgressIds.InterviewDetails, "Get-MiloInterview -Detailed: posting " + postingIds[i], postings is null ? -1 : ProgressIds.InterviewPostings),
                            () => total, "interviews"));
                    }
                    catch (MiloApiException ex)
                    {
                        WriteFailure(ex, postingIds[i]);
                    }
                }
            }
            finally
            {
                postings?.CompleteQuietly();
            }
        }

        private void WriteAll(IEnumerable<object> items)
        {
            foreach (var item in items)
            {
                Window.FlushTotal(this);
                WriteObject(item);
            }
            Window.FlushTotal(this);
        }
    }
}

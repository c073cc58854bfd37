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
        private const string ByPostingSet = "ByPosting", LegacySet = "LegacyByPosting", ByIdSet = "ById";
        private const MiloObjects Takes = MiloObjects.Posting | MiloObjects.Interview | MiloObjects.ImportResult;
        private PagingWindow? _window;

        /// <summary>The default set: an object carrying an InterviewId (interviews, import results, their CSV rows) binds it before its PostingId.</summary>
        [Parameter(Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true), Alias("interview_id"), ValidateNotNullOrEmpty]
        public string[] InterviewId { get; set; } = Array.Empty<string>();

        /// <summary>Interviews and import results piped in: got by InterviewId in ById, refused with a listing parameter.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public InterviewBase? InputObject { get; set; }

        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public CandidateImportResult? ImportResult { get; set; }

        /// <summary>Mandatory in the listing sets, so piped postings with -Detailed pick ByPosting, not LegacyByPosting (its -Legacy no object gives).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPostingSet, ValueFromPipelineByPropertyName = true), Parameter(Mandatory = true, ParameterSetName = LegacySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id"), ValidateNotNullOrEmpty, ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        [Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = LegacySet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public Posting? Posting { get; set; }

        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedAfter { get; set; }
        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Filtered here: the API has no status parameter.</summary>
        [Parameter(ParameterSetName = ByPostingSet, HelpMessage = "Filters on the client: the API has no status parameter, so every interview of the posting is still listed (and counted against the rate limit).")]
        [Parameter(ParameterSetName = LegacySet), ValidateSet("pending", "in_progress", "evaluating", "completed", "shortlisted", "dismissed", "knocked_out", IgnoreCase = true)]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet), ValidateRange(1, HeyMiloClient.MaxPageSize)]
        public int PageSize { get; set; } = HeyMiloClient.MaxPageSize;

        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet)] public SwitchParameter Detailed { get; set; }

        [Parameter(ParameterSetName = ByIdSet), Parameter(Mandatory = true, ParameterSetName = LegacySet)] public SwitchParameter Legacy { get; set; }

        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = LegacySet), ValidateRange(1, 16)] public int ThrottleLimit { get; set; } = 4;

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

        private void WriteListings(InterviewQuery query, string[] postingIds) =>
            ForEachPosting(postingIds, "Get-MiloInterview", () => Window.Full, (postingId, parentId) =>
            {
                long? total = null;
                // With a status filter the API cannot know how many items are needed: ask for fewer only without one.
                var listing = query.List(postingId, query.Statuses is null ? Window.Remaining : null, t =>
                {
                    total = t;
                    Window.SetTotal(query.Statuses is null ? t : null);
                }, Cancellation);
                var selected = Window.Apply(query.Select(Stream(listing)));
                if (!Detailed) WriteAll(selected);
                else WriteAll(InOrder(new OrderedFetchWindow<Interview, InterviewData>((item, ct) => query.GetDataAsync(item.InterviewId, ct), ThrottleLimit, Cancellation, EnterOperationLog),
                    selected, new ThrottledProgress(this, ProgressIds.InterviewDetails, "Get-MiloInterview -Detailed: posting " + postingId, parentId), () => total, "interviews"));
            });

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

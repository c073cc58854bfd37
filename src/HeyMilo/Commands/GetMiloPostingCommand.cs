using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets postings by id, or streams every posting of the workspace page by page
    /// (GET /api/v2/postings, cursor pagination) as the pipeline asks for them; with -Summary, the light
    /// PostingSummary objects (id, title, slug) of GET /api/v2/postings/list. -Legacy lists through the
    /// legacy GET /postings; it has its own parameter set, so -Legacy -Search fails at binding.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloPosting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Posting), ParameterSetName = new[] { ListSet, LegacySet, ByIdSet })]
    [OutputType(typeof(PostingSummary), ParameterSetName = new[] { SummarySet })]
    public sealed class GetMiloPostingCommand : MiloCmdlet
    {
        private const string ListSet = "List";
        private const string LegacySet = "Legacy";
        private const string ByIdSet = "ById";
        private const string SummarySet = "Summary";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        [PipelineInput(MiloObjects.Posting, IdOf = MiloObjects.Posting)]
        public string[] PostingId { get; set; } = Array.Empty<string>();

        /// <summary>Case-insensitive substring of the title.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = SummarySet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LegacySet)]
        [Parameter(ParameterSetName = SummarySet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>List PostingSummary objects (id, title, slug: GET /api/v2/postings/list), lighter than full postings.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
        public SwitchParameter Summary { get; set; }

        /// <summary>List through the legacy API (GET /postings, page/limit); it has no search and no single-posting read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LegacySet)]
        public SwitchParameter Legacy { get; set; }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (ParameterSetName == ByIdSet)
            {
                ForEachId(PostingId, session.Client.GetPostingAsync);
                return;
            }

            var paging = PagingWindow.From(PagingParameters);
            if (ParameterSetName == SummarySet)
            {
                try
                {
                    foreach (var summary in paging.Apply(Stream(session.Client.ListPostingSummariesAsync(Search, PageSize, paging.MaxItems, paging.SetTotal, Cancellation))))
                    {
                        paging.FlushTotal(this);
                        WriteObject(summary);
                    }
                    paging.FlushTotal(this);
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, Search);
                }
                return;
            }
            try
            {
                var postings = Legacy
                    ? session.Client.ListLegacyPostingsAsync(PageSize, paging.MaxItems, paging.SetTotal, Cancellation)
                    : session.Client.ListPostingsAsync(Search, PageSize, paging.MaxItems, paging.SetTotal, Cancellation);
                foreach (var posting in paging.Apply(Stream(postings)))
                {
                    paging.FlushTotal(this);
                    WriteObject(posting);
                }
                paging.FlushTotal(this);
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, Search);
            }
        }
    }
}

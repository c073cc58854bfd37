using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets postings by id, or streams every posting of the workspace page by page
    /// (GET /api/v2/postings, cursor pagination) as the pipeline asks for them. -Legacy lists through the
    /// legacy GET /postings; it has its own parameter set, so -Legacy -Search fails at binding.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloPosting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Posting))]
    public sealed class GetMiloPostingCommand : MiloCmdlet
    {
        private const string ListSet = "List";
        private const string LegacySet = "Legacy";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        [PipelineInput(MiloObjects.Posting, IdOf = MiloObjects.Posting)]
        public string[] PostingId { get; set; } = Array.Empty<string>();

        /// <summary>Case-insensitive substring of the title.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LegacySet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

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

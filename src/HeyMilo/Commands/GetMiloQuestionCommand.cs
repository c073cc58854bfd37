using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Streams a posting's questions and criteria page by page (GET /api/v2/postings/{id}/questions, optionally
    /// of one modality), in the API's order (by modality, then rank), or gets questions by id. Postings piped in
    /// bind -PostingId by their Id; questions piped in bind -PostingId and -QuestionId by name and are read again.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloQuestion", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Question))]
    public sealed class GetMiloQuestionCommand : MiloCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        [PipelineInput(MiloObjects.Posting | MiloObjects.Question, IdOf = MiloObjects.Posting)]
        public string PostingId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("question_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.QuestionIdCompleter))]
        public string[] QuestionId { get; set; } = Array.Empty<string>();

        /// <summary>Only questions of this modality (the API's filter).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags")]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.ModalityCompleter))]
        public string? Modality { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, HeyMiloClient.MaxPageSize)]
        public int PageSize { get; set; } = HeyMiloClient.MaxPageSize;

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in QuestionId)
                {
                    Question question;
                    try
                    {
                        question = Run(ct => session.Client.GetQuestionAsync(PostingId, id, ct));
                    }
                    catch (MiloApiException ex)
                    {
                        WriteFailure(ex, id);
                        continue;
                    }
                    WriteObject(question);
                }
                return;
            }

            var paging = PagingWindow.From(PagingParameters);
            try
            {
                var questions = session.Client.ListQuestionsAsync(PostingId, RequestRules.Modality(Modality), PageSize, paging.MaxItems, paging.SetTotal, Cancellation);
                foreach (var question in paging.Apply(Stream(questions)))
                {
                    paging.FlushTotal(this);
                    WriteObject(question);
                }
                paging.FlushTotal(this);
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, PostingId);
            }
        }
    }
}

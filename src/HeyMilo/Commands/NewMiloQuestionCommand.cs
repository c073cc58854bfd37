using System;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Adds a question or criterion to postings (POST /api/v2/postings/{id}/questions); the modality decides the
    /// kind and which fields apply. A piped question (Get-MiloQuestion) or row (Import-Csv) supplies the fields
    /// not given, so questions copy from one posting to another; a piped posting only names the posting.
    /// Not retried after a 5xx or a timeout: a repeat would add the question twice.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MiloQuestion", DefaultParameterSetName = FieldsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Question))]
    public sealed class NewMiloQuestionCommand : QuestionFieldsCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string InputObjectSet = "InputObject";
        private const string Advice = "Correct the values named in the message; Get-Help New-MiloQuestion -Parameter <name> shows each limit.";

        private QuestionDraft? _draft;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [ValidateSet("voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags")]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.ModalityCompleter))]
        public string? Modality { get; set; }

        /// <summary>The question text, criterion text or tag name.</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>A question to copy, or any object whose properties are question fields; a posting only names the posting.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [PipelineInput(MiloObjects.Posting | MiloObjects.Question)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        public SwitchParameter NotScored { get; set; }

        [Parameter]
        public SwitchParameter IsDealbreaker { get; set; }

        [Parameter]
        public SwitchParameter IsKnockout { get; set; }

        [Parameter]
        public SwitchParameter IsAnswerMandated { get; set; }

        [Parameter]
        public SwitchParameter AllowMultipleFiles { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _draft = new QuestionDraft(BoundFields(RequestRules.CreateQuestion, Advice));
        }

        protected override void ProcessRecord()
        {
            object? target = RequestInput.TargetOf(InputObject);
            PropertyBag? fields = null;
            if (InputObject != null && !QuestionDraft.NamesOnlyThePosting(InputObject.BaseObject))
            {
                if (QuestionDraft.WhyNotAQuestion(InputObject.BaseObject) is string why)
                {
                    WriteError(MiloErrors.Create(new ArgumentException(why), "NotAQuestion", ErrorCategory.InvalidArgument, target,
                        "Pipe questions (Get-MiloQuestion), postings (to name the posting) or rows with Modality and Text properties."));
                    return;
                }
                fields = RequestInput.Properties(InputObject);
            }
            var request = _draft!.Draft(PostingId, fields);
            if (request.Problems.Count > 0)
            {
                WriteError(MiloErrors.InvalidInput(request.Problems, target ?? PostingId, Advice));
                return;
            }
            if (!ShouldProcess(request.Target, request.Action)) return;
            var session = RequireSession();
            Question question;
            try
            {
                question = Run(ct => session.Client.CreateQuestionAsync(PostingId, request.Body, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target ?? PostingId);
                return;
            }
            WriteObject(question);
        }
    }
}

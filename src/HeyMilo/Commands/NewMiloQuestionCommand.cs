using System;
using System.Collections;
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
    public sealed class NewMiloQuestionCommand : MiloCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string InputObjectSet = "InputObject";

        private RequestBody _given = new RequestBody();

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
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        public string? EvaluationCriteria { get; set; }

        [Parameter]
        public string? ScoreOf1 { get; set; }

        [Parameter]
        public string? ScoreOf5 { get; set; }

        [Parameter]
        [ValidateRange(1, 10)]
        public int? ScoreWeight { get; set; }

        [Parameter]
        public SwitchParameter NotScored { get; set; }

        [Parameter]
        public string? QuestionType { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinFollowUps { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MaxFollowUps { get; set; }

        [Parameter]
        public string? AdditionalInstructions { get; set; }

        [Parameter]
        public string? PostProcessingEvaluationCriteria { get; set; }

        [Parameter]
        public string? ExpectedAnswer { get; set; }

        [Parameter]
        public long? ExpectedValue { get; set; }

        [Parameter]
        public SwitchParameter IsDealbreaker { get; set; }

        [Parameter]
        public object? Answer { get; set; }

        [Parameter]
        public SwitchParameter IsKnockout { get; set; }

        [Parameter]
        public IDictionary[]? DropdownValues { get; set; }

        [Parameter]
        public SwitchParameter IsAnswerMandated { get; set; }

        [Parameter]
        public string? McqType { get; set; }

        [Parameter]
        public string? Operator { get; set; }

        [Parameter]
        public string[]? FileTypes { get; set; }

        [Parameter]
        public SwitchParameter AllowMultipleFiles { get; set; }

        [Parameter]
        public double? SliderMin { get; set; }

        [Parameter]
        public double? SliderMax { get; set; }

        [Parameter]
        public double? SliderStep { get; set; }

        [Parameter]
        [ValidateSet("text", "freeform", "date", "number")]
        public string? ResponseFormat { get; set; }

        [Parameter]
        public string? Instructions { get; set; }

        [Parameter]
        public string[]? Options { get; set; }

        [Parameter]
        public IDictionary? StructuredConfig { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var problems = new InputProblems();
            RequestInput.AddBound(_given, RequestRules.CreateQuestion, MyInvocation.BoundParameters, problems);
            if (problems.Count > 0) ThrowTerminatingError(MiloErrors.InvalidInput(problems, null, Advice));
        }

        protected override void ProcessRecord()
        {
            var body = _given.Clone();
            object? target = RequestInput.TargetOf(InputObject);
            var problems = new InputProblems();
            if (InputObject != null && !(target is Posting) && !(target is PostingSummary) && !(target is PostingStatistic))
            {
                if (target is InterviewBase || target is Webhook)
                {
                    WriteError(MiloErrors.Create(new ArgumentException($"The piped object is a {target.GetType().FullName}, not a question or an object of question fields."),
                        "NotAQuestion", ErrorCategory.InvalidArgument, target, "Pipe questions (Get-MiloQuestion), postings (to name the posting) or rows with Modality and Text properties."));
                    return;
                }
                RequestInput.AddDefaults(body, RequestRules.CreateQuestion, RequestInput.Properties(InputObject), Array.Empty<string>(), problems);
            }
            if (!body.Has("modality")) problems.Add("A question needs a modality: give -Modality (voice, sms, form, resume_eligibility, resume_scoring, voice_tags).");
            if (!body.Has("text")) problems.Add("A question needs its text: give -Text.");
            if (problems.Count > 0)
            {
                WriteError(MiloErrors.InvalidInput(problems, target ?? PostingId, Advice));
                return;
            }

            var modality = (string)body.Get("modality")!;
            var text = (string)body.Get("text")!;
            if (!ShouldProcess($"posting {PostingId}", $"Add {modality} question '{Short(text)}'")) return;
            var session = RequireSession();
            Question question;
            try
            {
                question = Run(ct => session.Client.CreateQuestionAsync(PostingId, body, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target ?? PostingId);
                return;
            }
            WriteObject(question);
        }

        private const string Advice = "Correct the values named in the message; Get-Help New-MiloQuestion -Parameter <name> shows each limit.";

        internal static string Short(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}

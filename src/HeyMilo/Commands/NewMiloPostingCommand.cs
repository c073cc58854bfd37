using System;
using System.Collections;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Client.Requests;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Creates postings (POST /api/v2/postings) with their agentic workflow, or from an interview template.
    /// A piped object supplies defaults: a posting from Get-MiloPosting (everything but its slug and deadline,
    /// which identify the original), or any object with the fields as properties (Import-Csv rows); parameters
    /// given win. The piped object is bound by value (-InputObject) rather than each field by property name: a
    /// posting has null fields, which PowerShell's parameter validation would refuse record by record, and the
    /// values are checked against the request schema here instead.
    /// Not retried after a 5xx or a timeout (HeyMilo has no idempotency keys: a repeat could create a second
    /// posting); a 429, which created nothing, is.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MiloPosting", DefaultParameterSetName = FieldsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Posting))]
    public sealed class NewMiloPostingCommand : MiloCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string InputObjectSet = "InputObject";

        private PostingDraft? _draft;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FieldsSet), Parameter(ParameterSetName = InputObjectSet), ValidateNotNullOrEmpty, ValidateLength(3, 200)]
        public string? Title { get; set; }
        /// <summary>A posting, or any object whose properties are posting fields (Title, Description, Workflow, …).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet), PipelineInput(MiloObjects.Posting), ValidateNotNull]
        public PSObject? InputObject { get; set; }
        [Parameter, ValidateNotNull, ValidateLength(0, 50000)] public string? Description { get; set; }
        /// <summary>The steps, in order: step type names, hashtables @{ type; config; questions } or workflow step objects.</summary>
        [Parameter, ValidateNotNull] public object[]? Workflow { get; set; }
        /// <summary>Start from an interview template (mutually exclusive with -Workflow).</summary>
        [Parameter, ValidateNotNullOrEmpty, ArgumentCompleter(typeof(InterviewTemplateIdCompleter))] public string? InterviewTemplateId { get; set; }
        /// <summary>Internal slug.</summary>
        [Parameter, ValidateNotNullOrEmpty] public string? Name { get; set; }
        [Parameter, ValidateNotNullOrEmpty] public string? Language { get; set; }
        [Parameter, ValidateNotNull] public string? InterviewerName { get; set; }
        [Parameter, ValidateNotNull] public string? Instructions { get; set; }
        [Parameter, ValidateNotNull] public string? CompanyOverview { get; set; }
        [Parameter, ValidateNotNull] public string? JobOverview { get; set; }
        [Parameter, ValidateLength(0, 10000)] public string? InterviewProcessOverview { get; set; }
        [Parameter, ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? CompanyOverviewDeliveryMode { get; set; }
        [Parameter, ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? JobOverviewDeliveryMode { get; set; }
        [Parameter, ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? InterviewProcessOverviewDeliveryMode { get; set; }
        [Parameter, ArgumentCompleter(typeof(PhoneNumberIdCompleter))] public string? PhoneNumberId { get; set; }
        [Parameter, ArgumentCompleter(typeof(SenderEmailIdCompleter))] public string? SenderEmailId { get; set; }
        [Parameter, ArgumentCompleter(typeof(EmailTemplateGroupIdCompleter))] public string? EmailTemplateGroupId { get; set; }
        [Parameter, ArgumentCompleter(typeof(DesignTemplateGroupIdCompleter))] public string? DesignTemplateGroupId { get; set; }
        /// <summary>The voice of the AI interviewer: voice_id of the workflow's web_interview steps.</summary>
        [Parameter, ValidateNotNullOrEmpty, ArgumentCompleter(typeof(VoiceIdCompleter))] public string? VoiceId { get; set; }
        [Parameter] public string? RedirectUrl { get; set; }
        [Parameter] public string? SchedulingUrl { get; set; }
        [Parameter] public DateTimeOffset? Deadline { get; set; }
        [Parameter] public SwitchParameter AllowSmsComms { get; set; }
        [Parameter, ValidateRange(0, 5)] public int? MaxRetakes { get; set; }
        [Parameter, ValidateRange(0.0, double.MaxValue)] public double? RetakeCooldownDays { get; set; }
        [Parameter] public SwitchParameter EmailReportToCandidate { get; set; }
        [Parameter, ValidateNotNull] public IDictionary? Metadata { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // What the command line gives is the same for every record: check it once, before anything is sent.
            var problems = new RequestProblems();
            var given = new RequestBody();
            RequestInput.AddBound(given, RequestRules.CreatePosting, MyInvocation.BoundParameters, problems);
            _draft = new PostingDraft(given, Workflow is null ? null : (object?[])RequestInput.Plain(Workflow)!, VoiceId, problems);
            if (problems.Count > 0) ThrowTerminatingError(MiloErrors.InvalidInput(problems, null, Advice));
        }

        protected override void ProcessRecord()
        {
            var target = RequestInput.TargetOf(InputObject);
            if (InputObject != null && PostingDraft.WhyNotAPosting(InputObject.BaseObject) is string why)
            {
                WriteError(MiloErrors.Create(new ArgumentException(why), "NotAPosting", ErrorCategory.InvalidArgument, target,
                    "Pipe postings (Get-MiloPosting) or rows with Title, Description, … properties (Import-Csv)."));
                return;
            }
            var request = _draft!.Draft(InputObject is null ? null : RequestInput.Properties(InputObject), InputObject?.BaseObject is Posting);
            if (request.Problems.Count > 0)
            {
                WriteError(MiloErrors.InvalidInput(request.Problems, target, Advice));
                return;
            }
            if (!ShouldProcess(request.Target, request.Action)) return;
            if (request.Warning != null) WriteWarning(request.Warning);

            var session = RequireSession();
            PostingReceipt receipt;
            try
            {
                receipt = Run(ct => session.Client.CreatePostingAsync(request.Body, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target ?? request.Body.Get("title"));
                return;
            }
            if (receipt.PendingActivation)
                WriteWarning($"The posting {receipt.Posting.Id} comes from an ATS-derived interview template: it is a draft pending activation and takes no candidates from the ATS yet. Run Enable-MiloPosting -PostingId {receipt.Posting.Id} to finalize it and attach its ATS mapping.");
            WriteObject(receipt.Posting);
        }

        private const string Advice = "Correct the values named in the message; Get-Help New-MiloPosting -Parameter <name> shows each limit, and -Parameter Workflow the shape of a step.";
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

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

        /// <summary>The fields a posting from Get-MiloPosting does not pass on: they identify the original.</summary>
        private static readonly string[] s_notCopied = { "name", "deadline" };

        private RequestBody _given = new RequestBody();
        private List<Dictionary<string, object?>>? _workflow;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(3, 200)]
        public string? Title { get; set; }

        /// <summary>A posting, or any object whose properties are posting fields (Title, Description, Workflow, …).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateNotNull]
        [ValidateLength(0, 50000)]
        public string? Description { get; set; }

        /// <summary>The steps, in order: step type names, hashtables @{ type; config; questions } or workflow step objects.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? Workflow { get; set; }

        /// <summary>Start from an interview template (mutually exclusive with -Workflow).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.InterviewTemplateIdCompleter))]
        public string? InterviewTemplateId { get; set; }

        /// <summary>Internal slug.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Language { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? InterviewerName { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Instructions { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? CompanyOverview { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? JobOverview { get; set; }

        [Parameter]
        [ValidateLength(0, 10000)]
        public string? InterviewProcessOverview { get; set; }

        [Parameter]
        [ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? CompanyOverviewDeliveryMode { get; set; }

        [Parameter]
        [ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? JobOverviewDeliveryMode { get; set; }

        [Parameter]
        [ValidateSet("exact_delivery", "summarized_delivery", "reference_only", "silent_reference")]
        public string? InterviewProcessOverviewDeliveryMode { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PhoneNumberIdCompleter))]
        public string? PhoneNumberId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.SenderEmailIdCompleter))]
        public string? SenderEmailId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.EmailTemplateGroupIdCompleter))]
        public string? EmailTemplateGroupId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.DesignTemplateGroupIdCompleter))]
        public string? DesignTemplateGroupId { get; set; }

        /// <summary>The voice of the AI interviewer: voice_id of the workflow's web_interview steps.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.VoiceIdCompleter))]
        public string? VoiceId { get; set; }

        [Parameter]
        public string? RedirectUrl { get; set; }

        [Parameter]
        public string? SchedulingUrl { get; set; }

        [Parameter]
        public DateTimeOffset? Deadline { get; set; }

        [Parameter]
        public SwitchParameter AllowSmsComms { get; set; }

        [Parameter]
        [ValidateRange(0, 5)]
        public int? MaxRetakes { get; set; }

        [Parameter]
        [ValidateRange(0.0, double.MaxValue)]
        public double? RetakeCooldownDays { get; set; }

        [Parameter]
        public SwitchParameter EmailReportToCandidate { get; set; }

        [Parameter]
        [ValidateNotNull]
        public IDictionary? Metadata { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // What the command line gives is the same for every record: check it once, before anything is sent.
            var problems = new InputProblems();
            RequestInput.AddBound(_given, RequestRules.CreatePosting, MyInvocation.BoundParameters, problems);
            if (Workflow != null) _workflow = RequestRules.BuildWorkflow((object?[])RequestInput.Plain(Workflow)!, problems.Items);
            if (VoiceId != null && InterviewTemplateId != null)
                problems.Add("-VoiceId sets the voice_id of the workflow's web_interview step, and with -InterviewTemplateId the template supplies the workflow. Create the posting, then run Set-MiloWorkflowStep -PostingId <id> -Step web_interview -Config @{ voice_id = '<voice>' }.");
            if (Workflow != null && InterviewTemplateId != null)
                problems.Add("-Workflow and -InterviewTemplateId are mutually exclusive: the template supplies the workflow.");
            if (problems.Count > 0)
                ThrowTerminatingError(MiloErrors.InvalidInput(Reason(problems), problems.Items, null, Advice));
        }

        protected override void ProcessRecord()
        {
            var target = RequestInput.TargetOf(InputObject);
            var body = _given.Clone();
            var workflow = _workflow;
            var problems = new InputProblems();
            if (InputObject != null)
            {
                if (InputObject.BaseObject is Question || InputObject.BaseObject is InterviewBase || InputObject.BaseObject is Webhook)
                {
                    WriteError(MiloErrors.Create(new ArgumentException($"The piped object is a {InputObject.BaseObject.GetType().FullName}, not a posting or an object of posting fields."),
                        "NotAPosting", ErrorCategory.InvalidArgument, target, "Pipe postings (Get-MiloPosting) or rows with Title, Description, … properties (Import-Csv)."));
                    return;
                }
                var source = RequestInput.Properties(InputObject);
                var isPosting = InputObject.BaseObject is Posting;
                RequestInput.AddDefaults(body, RequestRules.CreatePosting, source, isPosting ? s_notCopied : Array.Empty<string>(), problems);
                if (workflow is null && !body.Has("interview_template_id") && source.TryGetValue("Workflow", out var steps) && steps != null)
                    workflow = RequestRules.BuildWorkflow(steps is object?[] list ? list : new[] { steps }, problems.Items);
            }

            if (!body.Has("title")) problems.Add("A posting needs a title: give -Title, or pipe an object with a Title property.");
            var template = body.Get("interview_template_id") as string;
            if (workflow != null && template != null)
                problems.Add("A workflow and an interview template are mutually exclusive: the template supplies the workflow.");
            else if (workflow is null && template is null)
                problems.Add("A posting needs its workflow: give -Workflow (for example -Workflow resume, web_interview) or -InterviewTemplateId.");
            if (VoiceId != null && workflow != null) SetVoice(workflow, VoiceId, problems);
            if (problems.Count > 0)
            {
                WriteError(MiloErrors.InvalidInput(Reason(problems), problems.Items, target, Advice));
                return;
            }
            if (workflow != null) body.Set("workflow", workflow);

            var title = (string)body.Get("title")!;
            var what = template != null ? $"Create from interview template {template}" : $"Create with {workflow!.Count} workflow step{(workflow.Count == 1 ? "" : "s")}";
            if (!ShouldProcess($"posting '{title}'", what)) return;
            if (workflow != null && workflow.Count == 0)
                WriteWarning($"The posting '{title}' has an empty workflow: it cannot be activated until it has steps.");

            var session = RequireSession();
            PostingReceipt receipt;
            try
            {
                receipt = Run(ct => session.Client.CreatePostingAsync(body, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target ?? title);
                return;
            }
            if (receipt.PendingActivation)
                WriteWarning($"The posting {receipt.Posting.Id} comes from an ATS-derived interview template: it is a draft pending activation and takes no candidates from the ATS yet. Run Enable-MiloPosting -PostingId {receipt.Posting.Id} to finalize it and attach its ATS mapping.");
            WriteObject(receipt.Posting);
        }

        private const string Advice = "Correct the values named in the message; Get-Help New-MiloPosting -Parameter <name> shows each limit, and -Parameter Workflow the shape of a step.";

        private static string Reason(InputProblems problems) =>
            problems.InMetadata ? "InvalidMetadata" : problems.Items.Any(p => p.IndexOf("workflow", StringComparison.OrdinalIgnoreCase) >= 0 || p.IndexOf("-VoiceId", StringComparison.Ordinal) >= 0) ? "InvalidWorkflow" : "InvalidValue";

        /// <summary>voice_id is a web_interview step setting (WebInterviewConfig); the posting itself has none.</summary>
        private static void SetVoice(List<Dictionary<string, object?>> workflow, string voiceId, InputProblems problems)
        {
            var steps = workflow.Where(s => (string?)s["type"] == "web_interview").ToList();
            if (steps.Count == 0)
            {
                problems.Add("-VoiceId sets the voice_id of the workflow's web_interview step, and the workflow has none.");
                return;
            }
            foreach (var step in steps)
            {
                if (!(step.TryGetValue("config", out var config) && config is Dictionary<string, object?> map))
                    step["config"] = map = new Dictionary<string, object?>(StringComparer.Ordinal);
                map["voice_id"] = voiceId;
            }
        }
    }
}

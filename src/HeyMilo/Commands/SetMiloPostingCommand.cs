using System;
using System.Collections;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Changes postings (PATCH /api/v2/postings/{id}). Only the parameters the caller binds are sent; the API
    /// leaves every other field as it is. -Metadata is the exception to "change what you name": the API replaces
    /// all of a posting's metadata with it. The field parameters are not bound from the pipeline (a piped posting
    /// would otherwise send back every field it has); piped postings only say which postings to change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MiloPosting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Posting))]
    public sealed class SetMiloPostingCommand : PostingTargetCmdlet
    {
        private RequestBody _body = new RequestBody();
        private string _action = string.Empty;

        [Parameter, ValidateNotNullOrEmpty, ValidateLength(3, 200)] public string? Title { get; set; }
        [Parameter, ValidateNotNullOrEmpty, ValidateLength(10, 50000)] public string? Description { get; set; }
        /// <summary>The posting's URL slug.</summary>
        [Parameter, ValidateNotNullOrEmpty, ValidateLength(0, 100)] public string? Name { get; set; }
        [Parameter] public string? Language { get; set; }
        [Parameter, ValidateLength(0, 100)] public string? InterviewerName { get; set; }
        [Parameter, ValidateLength(0, 10000)] public string? Instructions { get; set; }
        [Parameter, ValidateLength(0, 10000)] public string? CompanyOverview { get; set; }
        [Parameter, ValidateLength(0, 10000)] public string? JobOverview { get; set; }
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
        [Parameter] public string? RedirectUrl { get; set; }
        [Parameter] public string? SchedulingUrl { get; set; }
        /// <summary>Sent as ISO 8601 UTC; a DateTime without offset is local time; $null clears it.</summary>
        [Parameter] public DateTimeOffset? Deadline { get; set; }
        [Parameter] public bool? AllowSmsComms { get; set; }
        [Parameter, ValidateRange(0, 5)] public int? MaxRetakes { get; set; }
        [Parameter, ValidateRange(0.0, double.MaxValue)] public double? RetakeCooldownDays { get; set; }
        [Parameter] public bool? EmailReportToCandidate { get; set; }
        /// <summary>Replaces ALL of the posting's metadata (keys not given are removed); @{} removes it all.</summary>
        [Parameter] public IDictionary? Metadata { get; set; }
        /// <summary>Write the changed posting.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Every field parameter comes from the command line, so the body is the same for every posting.
            var problems = new RequestProblems();
            RequestInput.AddBound(_body, RequestRules.UpdatePosting, MyInvocation.BoundParameters, problems);
            if (problems.Count > 0)
                ThrowTerminatingError(MiloErrors.InvalidInput(problems, null, "Correct the values named in the message; Get-Help Set-MiloPosting -Parameter <name> shows each limit."));
            if (_body.Count == 0)
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name at least one field to change (for example -Title, -Deadline or -Metadata). Nothing was sent."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, null, "Get-Help Set-MiloPosting lists the fields a posting has."));
            _action = PostingUpdate.Describe(_body);
        }

        protected override void ProcessRecord() =>
            ForEachPosting("updated",
                id => ShouldProcess($"posting {id}", _action),
                (session, id, ct) => session.Client.UpdatePostingAsync(id, _body, ct),
                posting =>
                {
                    if (PassThru) WriteObject(posting);
                });
    }
}

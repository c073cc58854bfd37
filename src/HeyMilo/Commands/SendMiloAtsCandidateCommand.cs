using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Pushes a candidate to the connected ATS (POST /api/v2/ats/candidates/push): with -AtsCandidateId the
    /// ATS record is updated, without it a new record is created. Interviews piped from Get-MiloInterview supply
    /// their posting, interview id, name (split into first and last name) and email; matches from
    /// Resolve-MiloAtsCandidate supply the ATS, record id, names, email and phone.
    /// </summary>
    /// <remarks>
    /// The push is queued: the output is its receipt (ItemId) unless -Wait, which reads the push status until it
    /// is completed (output: the status) or failed (an AtsPushFailed error), within -TimeoutSec on the module clock.
    /// Never retried after a 5xx, a timeout or a lost connection (a repeat could create the ATS record twice);
    /// only after 429.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Send, "MiloAtsCandidate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AtsPushReceipt), typeof(AtsPushStatus))]
    public sealed class SendMiloAtsCandidateCommand : MiloCmdlet
    {
        private const int ActivityId = ProgressIds.AtsPush;

        /// <summary>The ATS provider: bullhorn or avionte.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true), Alias("ats_name"), ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.AtsNameCompleter))]
        public string AtsName { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true), Alias("posting_id"), ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string? PostingId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true), Alias("interview_id")] public string? InterviewId { get; set; }

        /// <summary>The ATS record to update; without it the push creates a new record.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true), Alias("ats_candidate_id")] public string? AtsCandidateId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true), Alias("first_name")] public string? FirstName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true), Alias("last_name")] public string? LastName { get; set; }

        /// <summary>A full name (an interview's Name), split by the engine unless -FirstName / -LastName say otherwise.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Email { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true), Alias("phone_number")] public string? Phone { get; set; }

        /// <summary>Also create a candidate-to-job link (submission) in the ATS; needs -PostingId or -InterviewId.</summary>
        [Parameter] public SwitchParameter CreateSubmission { get; set; }

        /// <summary>Wait until the push is completed or failed, reading its status with growing pauses (1 s to 10 s).</summary>
        [Parameter] public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for the push to finish.</summary>
        [Parameter, ValidateRange(1, 86400)] public int TimeoutSec { get; set; } = 300;

        /// <summary>The piped object, seen whole so that only candidates (interviews, import results, ingestions, ATS candidates) and rows are pushed: a posting's properties are no candidate.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true), PipelineInput(MiloObjects.Candidate)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var request = AtsPush.Build(new AtsPushInput
            {
                AtsName = AtsName, PostingId = PostingId, InterviewId = InterviewId, AtsCandidateId = AtsCandidateId, FirstName = FirstName,
                LastName = LastName, Name = Name, Email = Email, Phone = Phone, CreateSubmission = CreateSubmission.IsPresent,
            }, out var target, out var invalid);
            if (invalid != null)
            {
                WriteError(invalid.ToErrorRecord());
                return;
            }
            var session = RequireSession();
            var who = AtsPush.Describe(request!);
            if (!ShouldProcess(who, AtsPush.Action(request!))) return;

            AtsPushReceipt receipt;
            try
            {
                receipt = Run(ct => session.Client.PushAtsCandidateAsync(request!, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target);
                return;
            }
            if (AtsPush.NotQueued(receipt, who, target) is { } rejected) WriteError(rejected.ToErrorRecord());
            else if (Wait) WaitFor(session, receipt, who);
            else WriteObject(receipt);
        }

        /// <summary>-Wait: polls on the module clock with a progress bar; completed → the status, failed or timed out → an error.</summary>
        private void WaitFor(MiloSession session, AtsPushReceipt receipt, string who)
        {
            var itemId = receipt.ItemId!;
            var progress = new ThrottledProgress(this, ActivityId, $"Send-MiloAtsCandidate: {who} to {receipt.AtsName}");
            progress.Report("queued as " + itemId);
            AtsPushStatus status;
            try
            {
                status = Run(ct => session.Client.WaitForAtsPushAsync(itemId, TimeSpan.FromSeconds(TimeoutSec),
                    read => Post(() => progress.Report($"{itemId}: {read.Status}")), ct));
            }
            catch (MiloApiException ex)
            {
                progress.Complete();
                WriteFailure(ex, receipt);
                return;
            }
            finally
            {
                progress.CompleteQuietly();
            }
            if (AtsPush.NotCompleted(status, receipt, who, TimeoutSec) is { } problem) WriteError(problem.ToErrorRecord());
            else WriteObject(status);
        }
    }
}

using System;
using System.Globalization;
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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ats_name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.AtsNameCompleter))]
        public string AtsName { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string? PostingId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("interview_id")]
        public string? InterviewId { get; set; }

        /// <summary>The ATS record to update; without it the push creates a new record.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ats_candidate_id")]
        public string? AtsCandidateId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("first_name")]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last_name")]
        public string? LastName { get; set; }

        /// <summary>A full name (an interview's Name): the first word is the first name, the rest the last name, unless -FirstName / -LastName say otherwise.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number")]
        public string? Phone { get; set; }

        /// <summary>Also create a candidate-to-job link (submission) in the ATS; needs -PostingId or -InterviewId.</summary>
        [Parameter]
        public SwitchParameter CreateSubmission { get; set; }

        /// <summary>Wait until the push is completed or failed, reading its status with growing pauses (1 s to 10 s).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for the push to finish.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        protected override void ProcessRecord()
        {
            var request = Validated(out var target);
            if (request is null) return;

            var session = RequireSession();
            var who = Describe(request);
            var action = string.Format(CultureInfo.InvariantCulture, "{0} in {1}{2}",
                request.Candidate.AtsCandidateId is null ? "Create candidate record" : "Update candidate record " + request.Candidate.AtsCandidateId,
                request.AtsName, request.CreateSubmission ? ", with a submission" : string.Empty);
            if (!ShouldProcess(who, action)) return;

            AtsPushReceipt receipt;
            try
            {
                receipt = Run(ct => session.Client.PushAtsCandidateAsync(request, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target);
                return;
            }

            if (string.IsNullOrEmpty(receipt.ItemId))
            {
                WriteError(MiloErrors.Create(new InvalidOperationException($"The push of {who} to {request.AtsName} was not queued ({receipt.Status}): {receipt.Error ?? "no reason given"}."),
                    "AtsPushRejected", ErrorCategory.InvalidResult, target, "Read the reason, correct the candidate's fields and send it again."));
                return;
            }
            if (!Wait)
            {
                WriteObject(receipt);
                return;
            }
            WaitFor(session, receipt, who);
        }

        /// <summary>-Wait: polls on the module clock with a progress bar; completed → the status, failed or timed out → an error.</summary>
        private void WaitFor(MiloSession session, AtsPushReceipt receipt, string who)
        {
            var itemId = receipt.ItemId!;
            var progress = new ThrottledProgress(this, ActivityId, $"Send-MiloAtsCandidate: {who} to {receipt.AtsName}");
            progress.Report("queued as " + itemId);
            AtsPushWaitResult result;
            try
            {
                result = Run(ct => session.Client.WaitForAtsPushAsync(itemId, TimeSpan.FromSeconds(TimeoutSec),
                    status => Post(() => progress.Report($"{itemId}: {status.Status}")), ct));
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

            var status = result.Status;
            if (result.TimedOut)
            {
                WriteError(MiloErrors.Create(
                    new TimeoutException($"The ATS push {itemId} of {who} was still {status.Status} after {TimeoutSec} s."),
                    "AtsPushTimeout", ErrorCategory.OperationTimeout, status,
                    $"It may still finish: Get-MiloAtsPush -ItemId {itemId}. Raise -TimeoutSec to wait longer."));
                return;
            }
            if (status.IsFailed)
            {
                WriteError(MiloErrors.Create(
                    new InvalidOperationException($"The ATS push {itemId} of {who} to {receipt.AtsName} failed: {status.LastError ?? "no reason given"}."),
                    "AtsPushFailed", ErrorCategory.InvalidResult, status,
                    "Check the candidate's fields (an -AtsCandidateId must name a record of that ATS: Resolve-MiloAtsCandidate finds it), then send it again."));
                return;
            }
            WriteObject(status);
        }

        /// <summary>The request body, or null after an error (TargetObject: the offending value) when nothing can be sent.</summary>
        private PushCandidateRequest? Validated(out object target)
        {
            string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

            var first = Clean(FirstName);
            var last = Clean(LastName);
            var name = Clean(Name);
            if (name != null && (first is null || last is null))
            {
                var parts = name.Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
                first ??= parts[0];
                if (parts.Length > 1) last ??= parts[1].Trim();
            }

            var request = new PushCandidateRequest
            {
                AtsName = AtsName.Trim(),
                PostingId = Clean(PostingId),
                InterviewId = Clean(InterviewId),
                CreateSubmission = CreateSubmission.IsPresent,
                Candidate = new PushCandidatePayload
                {
                    AtsCandidateId = Clean(AtsCandidateId),
                    FirstName = first,
                    LastName = last,
                    Email = Clean(Email),
                    Phone = Clean(Phone),
                },
            };
            var candidate = request.Candidate;
            target = (object?)candidate.Email ?? (object?)request.InterviewId ?? (object?)candidate.AtsCandidateId ?? (object?)name ?? AtsName;

            var reason = "InvalidEmail";
            var advice = "Correct the named value and run the command again; nothing was sent.";
            var problem = candidate.Email is null ? null : InteractiveInputRules.CheckEmail(candidate.Email);
            if (problem != null) target = Email!;
            if (problem is null)
            {
                reason = "InvalidCandidate";
                problem = InteractiveInputRules.CheckText(candidate.FirstName, "first_name")
                    ?? InteractiveInputRules.CheckText(candidate.LastName, "last_name")
                    ?? InteractiveInputRules.CheckText(candidate.Phone, "phone");
            }
            if (problem is null && candidate.AtsCandidateId is null && candidate.Email is null && candidate.FirstName is null && candidate.LastName is null && request.InterviewId is null)
            {
                problem = "nothing says who to push: give -InterviewId (or pipe interviews from Get-MiloInterview), -AtsCandidateId, -Email or a name.";
                reason = "AtsCandidateRequired";
                advice = "Get-MiloInterview -PostingId <id> | Send-MiloAtsCandidate -AtsName bullhorn";
            }
            if (problem is null && request.CreateSubmission && request.PostingId is null && request.InterviewId is null)
            {
                problem = "-CreateSubmission links the candidate to the posting's job, so it needs -PostingId or -InterviewId.";
                reason = "SubmissionNeedsPosting";
                advice = "Add -PostingId <id>, or pipe the candidate's interview.";
                target = AtsName;
            }
            if (problem is null) return request;

            WriteError(MiloErrors.Create(new ArgumentException("Send-MiloAtsCandidate: " + problem), reason, ErrorCategory.InvalidArgument, target, advice));
            return null;
        }

        private static string Describe(PushCandidateRequest request)
        {
            var c = request.Candidate;
            var name = string.Join(" ", new[] { c.FirstName, c.LastName }).Trim();
            var who = c.Email ?? (name.Length > 0 ? name : null) ?? c.AtsCandidateId ?? "candidate";
            return request.InterviewId is null ? who : $"{who} (interview {request.InterviewId})";
        }
    }
}

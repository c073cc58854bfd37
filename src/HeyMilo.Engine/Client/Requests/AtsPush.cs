using System;
using System.Globalization;
using HeyMilo.Client.Models;

namespace HeyMilo.Client
{
    /// <summary>What Send-MiloAtsCandidate was given, as typed or bound from a piped object (blank means not given).</summary>
    internal sealed class AtsPushInput
    {
        public string AtsName { get; set; } = string.Empty;
        public string? PostingId { get; set; }
        public string? InterviewId { get; set; }
        public string? AtsCandidateId { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        /// <summary>A full name: the first word is the first name, the rest the last name, unless FirstName / LastName say otherwise.</summary>
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public bool CreateSubmission { get; set; }
    }

    /// <summary>
    /// One ATS push (POST /api/v2/ats/candidates/push) from the user's input to its outcome: the request body
    /// checked before sending, how it is described to the user, and what a receipt or a final status means.
    /// </summary>
    internal static class AtsPush
    {
        /// <summary>
        /// The request body, or null with the <paramref name="problem"/> when nothing can be sent. <paramref name="target"/>:
        /// what an error about this push is about (the email, else the interview, the ATS record, the name, the ATS).
        /// </summary>
        public static PushCandidateRequest? Build(AtsPushInput input, out object target, out CommandProblem? problem)
        {
            var first = Clean(input.FirstName);
            var last = Clean(input.LastName);
            var name = Clean(input.Name);
            if (name != null && (first is null || last is null))
            {
                var parts = name.Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
                first ??= parts[0];
                if (parts.Length > 1) last ??= parts[1].Trim();
            }

            var request = new PushCandidateRequest
            {
                AtsName = input.AtsName.Trim(),
                PostingId = Clean(input.PostingId),
                InterviewId = Clean(input.InterviewId),
                CreateSubmission = input.CreateSubmission,
                Candidate = new PushCandidatePayload
                {
                    AtsCandidateId = Clean(input.AtsCandidateId),
                    FirstName = first,
                    LastName = last,
                    Email = Clean(input.Email),
                    Phone = Clean(input.Phone),
                },
            };
            var candidate = request.Candidate;
            target = (object?)candidate.Email ?? (object?)request.InterviewId ?? (object?)candidate.AtsCandidateId ?? (object?)name ?? input.AtsName;

            var reason = "InvalidEmail";
            var advice = "Correct the named value and run the command again; nothing was sent.";
            var text = candidate.Email is null ? null : InteractiveInputRules.CheckEmail(candidate.Email);
            if (text != null) target = input.Email!;
            if (text is null)
            {
                reason = "InvalidCandidate";
                text = InteractiveInputRules.CheckText(candidate.FirstName, "first_name")
                    ?? InteractiveInputRules.CheckText(candidate.LastName, "last_name")
                    ?? InteractiveInputRules.CheckText(candidate.Phone, "phone");
            }
            if (text is null && candidate.AtsCandidateId is null && candidate.Email is null && candidate.FirstName is null && candidate.LastName is null && request.InterviewId is null)
            {
                text = "nothing says who to push: give -InterviewId (or pipe interviews from Get-MiloInterview), -AtsCandidateId, -Email or a name.";
                reason = "AtsCandidateRequired";
                advice = "Get-MiloInterview -PostingId <id> | Send-MiloAtsCandidate -AtsName bullhorn";
            }
            if (text is null && request.CreateSubmission && request.PostingId is null && request.InterviewId is null)
            {
                text = "-CreateSubmission links the candidate to the posting's job, so it needs -PostingId or -InterviewId.";
                reason = "SubmissionNeedsPosting";
                advice = "Add -PostingId <id>, or pipe the candidate's interview.";
                target = input.AtsName;
            }
            problem = text is null ? null : new CommandProblem(reason, CommandProblemKind.InvalidArgument, "Send-MiloAtsCandidate: " + text, target, advice);
            return problem is null ? request : null;
        }

        /// <summary>Who is pushed, for messages: the email, else the name, else the ATS record id, with the interview.</summary>
        public static string Describe(PushCandidateRequest request)
        {
            var c = request.Candidate;
            var name = string.Join(" ", new[] { c.FirstName, c.LastName }).Trim();
            var who = c.Email ?? (name.Length > 0 ? name : null) ?? c.AtsCandidateId ?? "candidate";
            return request.InterviewId is null ? who : $"{who} (interview {request.InterviewId})";
        }

        /// <summary>What the push does, for ShouldProcess: "Create candidate record in bullhorn, with a submission".</summary>
        public static string Action(PushCandidateRequest request) =>
            string.Format(CultureInfo.InvariantCulture, "{0} in {1}{2}",
                request.Candidate.AtsCandidateId is null ? "Create candidate record" : "Update candidate record " + request.Candidate.AtsCandidateId,
                request.AtsName, request.CreateSubmission ? ", with a submission" : string.Empty);

        /// <summary>Null when the API queued the push (the receipt has an item id), else why not.</summary>
        public static CommandProblem? NotQueued(AtsPushReceipt receipt, string who, object? target) =>
            string.IsNullOrEmpty(receipt.ItemId)
                ? new CommandProblem("AtsPushRejected", CommandProblemKind.InvalidResult,
                    $"The push of {who} to {receipt.AtsName} was not queued ({receipt.Status}): {receipt.Error ?? "no reason given"}.",
                    target, "Read the reason, correct the candidate's fields and send it again.")
                : null;

        /// <summary>Null when the push completed, else why the wait for it ends in an error: it failed, or it was not finished after <paramref name="timeoutSec"/>.</summary>
        public static CommandProblem? NotCompleted(AtsPushStatus status, AtsPushReceipt receipt, string who, int timeoutSec)
        {
            if (!status.IsFinished)
                return new CommandProblem("AtsPushTimeout", CommandProblemKind.OperationTimeout,
                    $"The ATS push {receipt.ItemId} of {who} was still {status.Status} after {timeoutSec} s.", status,
                    $"It may still finish: Get-MiloAtsPush -ItemId {receipt.ItemId}. Raise -TimeoutSec to wait longer.");
            if (status.IsFailed)
                return new CommandProblem("AtsPushFailed", CommandProblemKind.InvalidResult,
                    $"The ATS push {receipt.ItemId} of {who} to {receipt.AtsName} failed: {status.LastError ?? "no reason given"}.", status,
                    "Check the candidate's fields (an -AtsCandidateId must name a record of that ATS: Resolve-MiloAtsCandidate finds it), then send it again.");
            return null;
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}

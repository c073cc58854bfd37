using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Adds one candidate to a posting: POST /api/v2/postings/{id}/candidates (the candidate's interview comes
    /// back at once, as an Interview), or with -Async POST …/candidates/async (a queued ingestion job). For
    /// interactive use and small scripts; Import-MiloCandidate sends CSV files in batches of 100.
    /// The name, email, phone and metadata are checked as the document describes them before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MiloCandidate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Interview), typeof(CandidateIngestion))]
    public sealed class NewMiloCandidateCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        /// <summary>The candidate's full name.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Email { get; set; } = string.Empty;

        /// <summary>E.164 (+12065551234); spaces, dashes, dots and parentheses are dropped and a leading 00 becomes +.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number", "Phone")]
        public string? PhoneNumber { get; set; }

        /// <summary>Key-value pairs stored on the candidate (at most 50 keys of 40 characters, text values of 500).</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Metadata { get; set; }

        /// <summary>Queue the candidate (POST …/candidates/async) and output the ingestion job instead of the interview.</summary>
        [Parameter]
        public SwitchParameter Async { get; set; }

        protected override void ProcessRecord()
        {
            var candidate = Validated();
            if (candidate is null) return;

            var session = RequireSession();
            var what = Async ? "Queue candidate" : "Add candidate";
            if (!ShouldProcess($"posting {PostingId}", $"{what} {candidate.Name} <{candidate.Email}>")) return;

            object created;
            try
            {
                created = Async
                    ? Run(ct => session.Client.QueueCandidateAsync(PostingId, candidate, ct))
                    : (object)Run(ct => session.Client.CreateCandidateAsync(PostingId, candidate, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, candidate.Email);
                return;
            }
            WriteObject(created);
        }

        /// <summary>The request body, or null after writing an InvalidCandidate error whose TargetObject is the bad value.</summary>
        private CandidateIngestItem? Validated()
        {
            var problem = InteractiveInputRules.CheckName(Name);
            object? target = Name;
            if (problem is null)
            {
                problem = InteractiveInputRules.CheckEmail(Email.Trim());
                target = Email;
            }

            string? phone = null;
            if (problem is null && !string.IsNullOrWhiteSpace(PhoneNumber))
            {
                phone = InteractiveInputRules.NormalizePhone(PhoneNumber!, out problem);
                target = PhoneNumber;
            }

            Dictionary<string, string>? metadata = null;
            if (problem is null && Metadata != null)
            {
                metadata = MetadataInput.FromDictionary(Metadata, out problem);
                target = Metadata;
            }

            if (problem != null)
            {
                WriteError(MiloErrors.Create(new System.ArgumentException("New-MiloCandidate: " + problem), "InvalidCandidate", ErrorCategory.InvalidData, target,
                    target is IDictionary ? InteractiveInputRules.MetadataAdvice : "Correct the named value and run the command again; nothing was sent."));
                return null;
            }

            return new CandidateIngestItem
            {
                Name = Name.Trim(),
                Email = Email.Trim(),
                PhoneNumber = phone,
                Metadata = metadata is { Count: > 0 } ? metadata : null,
            };
        }
    }
}

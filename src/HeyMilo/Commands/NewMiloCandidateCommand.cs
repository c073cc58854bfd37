using System.Collections;
using System.Management.Automation;
using HeyMilo.Import;
using HeyMilo.Client.Models;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Adds one candidate to a posting: POST /api/v2/postings/{id}/candidates (the candidate's interview comes
    /// back at once, as an Interview), or with -Async POST …/candidates/async (a queued ingestion job). For
    /// interactive use and small scripts; Import-MiloCandidate sends CSV files in batches of 100.
    /// The name, email, phone and metadata are checked (the engine's SingleCandidate) before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MiloCandidate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Interview), typeof(CandidateIngestion))]
    public sealed class NewMiloCandidateCommand : MiloCmdlet
    {
        private string? _region;

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

        /// <summary>The country a phone number without its country code is read in (libphonenumber), as Import-MiloCandidate -DefaultRegion.</summary>
        [Parameter, ValidatePattern("^([A-Za-z]{2}|Culture)$")]
        public string? DefaultRegion { get; set; }

        /// <summary>Queue the candidate (POST …/candidates/async) and output the ingestion job instead of the interview.</summary>
        [Parameter]
        public SwitchParameter Async { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _region = CandidateOutput.PhoneRegion(this, DefaultRegion);
        }

        /// <summary>The piped object, seen whole so that only rows and candidates (interviews, import results, ingestions, ATS candidates) give a name and an email.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true), PipelineInput(MiloObjects.Candidate)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            string? metadataProblem = null;
            var metadata = Metadata is null ? null : MetadataInput.FromDictionary(Metadata, out metadataProblem);
            var candidate = SingleCandidate.Build(Name, Email, PhoneNumber, _region, (metadata, metadataProblem), Metadata, out var invalid);
            if (invalid != null)
            {
                WriteError(invalid.ToErrorRecord());
                return;
            }

            var session = RequireSession();
            var what = Async ? "Queue candidate" : "Add candidate";
            if (!ShouldProcess($"posting {PostingId}", $"{what} {candidate!.Name} <{candidate.Email}>")) return;

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
    }
}

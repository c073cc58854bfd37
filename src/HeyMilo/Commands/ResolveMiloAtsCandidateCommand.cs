using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Looks a candidate up in the connected ATS by email or by ATS candidate id (POST
    /// /api/v2/ats/candidates/resolve) and writes each matching record. A search: it changes nothing, so it is
    /// retried like a read although it is a POST, and it needs no confirmation.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "MiloAtsCandidate", DefaultParameterSetName = EmailSet)]
    [OutputType(typeof(AtsCandidateMatch))]
    public sealed class ResolveMiloAtsCandidateCommand : MiloCmdlet
    {
        private const string EmailSet = "Email";
        private const string IdSet = "AtsCandidateId";

        /// <summary>The ATS provider: bullhorn or avionte (the ones the API resolves in).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ats_name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.AtsNameCompleter))]
        public string AtsName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Email { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ats_candidate_id")]
        [ValidateNotNullOrEmpty]
        public string AtsCandidateId { get; set; } = string.Empty;

        /// <summary>The piped object, seen whole so that only candidates (interviews, import results, ingestions, ATS candidates, push receipts) and rows are looked up by their email or ATS id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true), PipelineInput(MiloObjects.Candidate | MiloObjects.AtsPushReceipt)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var byEmail = ParameterSetName == EmailSet;
            var email = byEmail ? Email.Trim() : null;
            var atsId = byEmail ? null : AtsCandidateId.Trim();
            object target = byEmail ? Email : AtsCandidateId;
            if (byEmail && InteractiveInputRules.CheckEmail(email) is string problem)
            {
                WriteError(MiloErrors.Create(new ArgumentException("Resolve-MiloAtsCandidate: " + problem), "InvalidEmail", ErrorCategory.InvalidArgument, target,
                    "Pass -Email as an address such as jane.doe@example.com, or search by -AtsCandidateId; nothing was sent."));
                return;
            }

            var session = RequireSession();
            var atsName = AtsName.Trim();
            Client.Models.ResolveCandidateResponse answer;
            try
            {
                answer = Run(ct => session.Client.ResolveAtsCandidateAsync(atsName, email, atsId, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, target);
                return;
            }

            if (!answer.Success)
            {
                WriteError(MiloErrors.Create(new InvalidOperationException($"The {atsName} search for {target} failed: {answer.Error ?? answer.Status ?? "no reason given"}."),
                    "AtsResolveFailed", ErrorCategory.InvalidResult, target, "Run it again later; if it keeps failing, check the ATS connection in HeyMilo."));
                return;
            }
            if (answer.Matches!.Count == 0) WriteVerbose($"No {atsName} candidate matches {target}.");
            foreach (var match in answer.Matches) WriteObject(match);
        }
    }
}

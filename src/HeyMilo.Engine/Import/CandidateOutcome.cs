using System.Collections.Generic;
using HeyMilo.Client.Models;

namespace HeyMilo.Import
{
    /// <summary>What became of one input row.</summary>
    internal enum CandidateOutcomeKind
    {
        /// <summary>Not decided yet: waiting for a batch, or for the answer to one.</summary>
        Pending,
        /// <summary>The API accepted it: <see cref="CandidateOutcome.Ingested"/> has the interview (or the ingestion).</summary>
        Sent,
        /// <summary>Failed local validation; <see cref="CandidateOutcome.Message"/> says why. Never sent.</summary>
        Invalid,
        /// <summary>The API refused this row (422 naming it); <see cref="CandidateOutcome.Error"/> carries only its field errors.</summary>
        Rejected,
        /// <summary>Its request failed as a whole (after retries); <see cref="CandidateOutcome.Error"/> is the failure.</summary>
        Failed,
        /// <summary>Its email came earlier in this import and that row was sent; <see cref="CandidateOutcome.SameEmailAs"/> names it.</summary>
        Skipped,
        /// <summary>Valid, but not sent: held back by -WhatIf or a declined -Confirm, or the import stopped before sending it.</summary>
        NotSent,
        /// <summary>Its request was in flight when the import was stopped: the API may or may not have ingested it.</summary>
        Unknown,
    }

    /// <summary>One input row and what became of it. Final once <see cref="Kind"/> is not Pending.</summary>
    internal sealed class CandidateOutcome
    {
        internal CandidateOutcome(CandidateRow row, CandidateIngestItem? candidate, IReadOnlyDictionary<string, string>? columns = null)
        {
            Row = row;
            Candidate = candidate;
            Columns = columns ?? new Dictionary<string, string>();
        }

        /// <summary>API field → the user's column it came from.</summary>
        public IReadOnlyDictionary<string, string> Columns { get; }

        public CandidateRow Row { get; }
        /// <summary>The candidate as sent (or as it would have been); null for an invalid row.</summary>
        public CandidateIngestItem? Candidate { get; }
        public CandidateOutcomeKind Kind { get; internal set; }
        public IngestedCandidate? Ingested { get; internal set; }
        /// <summary>Invalid: the problem; Skipped: the notice.</summary>
        public string? Message { get; internal set; }
        public MiloApiException? Error { get; internal set; }
        /// <summary>Skipped: the row number sent with the same email.</summary>
        public long? SameEmailAs { get; internal set; }

        public bool IsFinal => Kind != CandidateOutcomeKind.Pending;

        /// <summary>Later rows with this email, waiting for this row's answer.</summary>
        internal List<CandidateOutcome>? Waiting { get; set; }
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace HeyMilo
{
    /// <summary>One row of an interrupted import that got no result or error: what is known of it.</summary>
    public sealed class CandidateImportRowState
    {
        /// <summary>1-based position of the row in the input.</summary>
        public long RowNumber { get; internal set; }
        public string? Name { get; internal set; }
        public string? Email { get; internal set; }
        /// <summary>Sent (the API answered), Unknown (the request was in flight: it may have been ingested), NotSent, Failed or Skipped.</summary>
        public string State { get; internal set; } = string.Empty;
        public string? InterviewId { get; internal set; }
        public string? InterviewUrl { get; internal set; }

        public override string ToString() => $"row {RowNumber} {Email} {State}";
    }
}

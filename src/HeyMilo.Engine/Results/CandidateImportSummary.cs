using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace HeyMilo
{
    /// <summary>What happened to every input row of an Import-MiloCandidate (its -SummaryVariable).</summary>
    public sealed class CandidateImportSummary
    {
        /// <summary>Rows the API accepted (one CandidateImportResult each).</summary>
        public long Sent { get; internal set; }
        /// <summary>Rows reported as errors: local validation, API rejection, or a failed batch.</summary>
        public long Failed { get; internal set; }
        /// <summary>Rows skipped because their email already came earlier in the same import.</summary>
        public long Skipped { get; internal set; }
        /// <summary>Valid rows held back by -WhatIf or declined at -Confirm.</summary>
        public long NotSent { get; internal set; }
        /// <summary>Rows whose request was in flight when the import was stopped: the API may or may not have ingested them.</summary>
        public long Unknown { get; internal set; }
        /// <summary>All input rows read: Sent + Failed + Skipped + NotSent + Unknown.</summary>
        public long Total { get; internal set; }
        /// <summary>The import was stopped (Ctrl+C, Select-Object -First) before every row was answered.</summary>
        public bool Interrupted { get; internal set; }
        /// <summary>
        /// When <see cref="Interrupted"/>: every row read whose result or error could not be written any more, in
        /// input order — sent (the answer had arrived), state unknown, or not sent.
        /// </summary>
        public IReadOnlyList<CandidateImportRowState> Unreported { get; internal set; } = new CandidateImportRowState[0];
        public string? PostingId { get; internal set; }
        public string? IngestionKey { get; internal set; }

        public override string ToString() => $"Sent {Sent}, failed {Failed}, skipped {Skipped} of {Total}";
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace HeyMilo
{
    /// <summary>
    /// Output of Import-MiloCandidate: one per row the API accepted, in input order. What PowerShell shows of it
    /// — and what Export-Csv, ConvertTo-Json and Format-List write — are the properties the cmdlet gives each
    /// object, in mailing-list order: RowNumber, Name, Email, Phone, InterviewId, InterviewUrl, PostingId (or
    /// IngestionKey; with -Async IngestionId and Status instead of the interview), then the -MetadataProperty
    /// columns. The input row stays reachable through <see cref="GetInputObject"/> and the hidden property
    /// InputObject (HeyMilo.Types.ps1xml), which none of those write.
    /// </summary>
    public sealed class CandidateImportResult
    {
        private readonly object? _input;

        internal CandidateImportResult(HeyMilo.Import.CandidateOutcome outcome, HeyMilo.Import.CandidateImportTarget target)
        {
            _input = outcome.Row.Source;
            RowNumber = outcome.Row.Number;
            Name = outcome.Candidate!.Name;
            Email = outcome.Candidate.Email;
            Phone = outcome.Candidate.PhoneNumber;
            InterviewId = outcome.Ingested?.InterviewId;
            InterviewUrl = outcome.Ingested?.InterviewUrl;
            IngestionId = outcome.Ingested?.IngestionId;
            PostingId = target.PostingId;
            IngestionKey = target.IngestionKey;
            Metadata = outcome.Candidate.Metadata;
        }

        // Not public properties: PowerShell's serializers (ConvertTo-Json) reflect over those and would write
        // them all; the cmdlet chooses what to show per import.
        internal long RowNumber { get; }
        internal string Name { get; }
        internal string Email { get; }
        internal string? Phone { get; }
        internal string? InterviewId { get; }
        internal string? InterviewUrl { get; }
        internal string? IngestionId { get; }
        internal string? PostingId { get; }
        internal string? IngestionKey { get; }
        internal IReadOnlyDictionary<string, string>? Metadata { get; }

        /// <summary>The input row as it was piped in (an Import-Csv row, an object, a hashtable).</summary>
        public object? GetInputObject() => _input;

        public override string ToString() => $"{InterviewId ?? IngestionId} {Email}";
    }
}

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

namespace HeyMilo.Client.Models
{
    /// <summary>One candidate as both ingestion APIs take it (v2 CandidateIngestRequest; legacy candidates[] item).</summary>
    internal sealed class CandidateIngestItem
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("email")] public string Email { get; set; } = string.Empty;
        [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
        [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
    }

    /// <summary>POST /api/v2/postings/{id}/candidates/bulk body.</summary>
    internal sealed class BulkCandidateIngestRequest
    {
        [JsonPropertyName("data")] public List<CandidateIngestItem> Data { get; set; } = new List<CandidateIngestItem>();
    }

    internal sealed class BulkIngestCandidateResponseItem
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("interview_id")] public string? InterviewId { get; set; }
        [JsonPropertyName("interview_url")] public string? InterviewUrl { get; set; }
        [JsonPropertyName("metadata")] public Dictionary<string, object?>? Metadata { get; set; }
    }

    /// <summary>Legacy POST /ingest/x/bulk/{url_key} body.</summary>
    internal sealed class LegacyBulkIngestRequest
    {
        [JsonPropertyName("candidates")] public List<CandidateIngestItem> Candidates { get; set; } = new List<CandidateIngestItem>();
        [JsonPropertyName("retake")] public bool Retake { get; set; }
    }

    /// <summary>Legacy POST /ingest/x/{url_key} body: one candidate's fields plus retake.</summary>
    internal sealed class LegacySingleIngestRequest
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("email")] public string Email { get; set; } = string.Empty;
        [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
        [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
        [JsonPropertyName("retake")] public bool Retake { get; set; }
    }

    /// <summary>Legacy ingestion response (single and bulk): {message, ingestion_id, interview_details[]}.</summary>
    internal sealed class LegacyIngestResponse
    {
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("ingestion_id")] public string? IngestionId { get; set; }
        [JsonPropertyName("interview_details")] public List<LegacyInterviewDetail>? InterviewDetails { get; set; }
    }

    internal sealed class LegacyInterviewDetail
    {
        [JsonPropertyName("interview_id")] public string? InterviewId { get; set; }
        [JsonPropertyName("interview_link")] public string? InterviewLink { get; set; }
    }

    /// <summary>What the client hands back per ingested candidate, whichever API took it.</summary>
    internal sealed class IngestedCandidate
    {
        /// <param name="interviewId">Null for a queued (async) ingestion: the interview does not exist yet.</param>
        public IngestedCandidate(string? interviewId, string? interviewUrl, string? ingestionId)
        {
            InterviewId = interviewId;
            InterviewUrl = interviewUrl;
            IngestionId = ingestionId;
        }

        public string? InterviewId { get; }
        public string? InterviewUrl { get; }
        public string? IngestionId { get; }
    }
}

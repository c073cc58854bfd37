using System.Collections.Generic;
using System.Text.Json.Serialization;

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

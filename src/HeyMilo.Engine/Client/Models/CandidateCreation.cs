using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// Output of New-MiloCandidate -Async: the ingestion job the API queued (v2 AsyncIngestResponse), with the
    /// candidate it carries. The document has no operation to follow the job; the interview appears in the
    /// posting (Get-MiloInterview) once it has run.
    /// </summary>
    public sealed class CandidateIngestion
    {
        [JsonPropertyName("ingestion_id")] public string IngestionId { get; set; } = string.Empty;
        /// <summary>The job's status when it was queued ('queued').</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = "queued";
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonIgnore] public string PostingId { get; internal set; } = string.Empty;
        [JsonIgnore] public string Name { get; internal set; } = string.Empty;
        [JsonIgnore] public string Email { get; internal set; } = string.Empty;

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{IngestionId} {Email}";
    }
}

namespace HeyMilo.Client.Models
{
    /// <summary>IngestCandidateResponse: the new (or existing) interview and the full candidate receipt.</summary>
    internal sealed class IngestCandidateResponse
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("interview_id")] public string? InterviewId { get; set; }
        [JsonPropertyName("interview_url")] public string? InterviewUrl { get; set; }
        [JsonPropertyName("posting_id")] public string? PostingId { get; set; }
        [JsonPropertyName("candidate")] public Interview? Candidate { get; set; }
    }
}

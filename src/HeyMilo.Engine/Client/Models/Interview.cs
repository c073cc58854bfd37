using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A candidate in a posting's pipeline (GET /api/v2/postings/{id}/candidates).</summary>
    public sealed class Interview : InterviewBase
    {
        [JsonPropertyName("interview_url")] public string? InterviewUrl { get; set; }
        /// <summary>Per-agent summary metrics (resume, web_interview, sms, form).</summary>
        [JsonPropertyName("agent_summary")] public Dictionary<string, object?>? AgentSummary { get; set; }
        [JsonPropertyName("shortlisted")] public bool Shortlisted { get; set; }
        [JsonPropertyName("dismissed")] public bool Dismissed { get; set; }
        [JsonPropertyName("interviewed_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? InterviewedAt { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
    }

}

namespace HeyMilo.Client.Models
{
    /// <summary>Legacy GET /interviews/export/json answer: {job_id, status, file_url}.</summary>
    internal sealed class LegacyExportJob
    {
        [JsonPropertyName("job_id")] public string? JobId { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("file_url")] public string? FileUrl { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
    }
}

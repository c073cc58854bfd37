using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>Aggregate statistics of one posting (GET /api/v2/postings/{id}/stats, PostingStatsResponse).</summary>
    public sealed class PostingStatistic
    {
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("title")] public string Title { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("total_candidates")] public long TotalCandidates { get; set; }
        /// <summary>Candidates who completed every step of the workflow.</summary>
        [JsonPropertyName("completed_interviews")] public long CompletedInterviews { get; set; }
        /// <summary>Average web-interview score (0–100); null without a web_interview step or before any score.</summary>
        [JsonPropertyName("average_interview_score")] public double? AverageInterviewScore { get; set; }
        /// <summary>Average resume score (0–100); null without a resume step or before any score.</summary>
        [JsonPropertyName("average_resume_score")] public double? AverageResumeScore { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{PostingId} {Title}";
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    public sealed class PostingUrls
    {
        [JsonPropertyName("candidate_url")] public string? CandidateUrl { get; set; }
        [JsonPropertyName("ingestion_url_key")] public string? IngestionUrlKey { get; set; }
        [JsonPropertyName("review_url")] public string? ReviewUrl { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => CandidateUrl ?? ReviewUrl ?? string.Empty;
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>Status of one workflow step for one candidate.</summary>
    public sealed class InterviewStep
    {
        [JsonPropertyName("step_id")] public string StepId { get; set; } = string.Empty;
        [JsonPropertyName("order")] public int Order { get; set; }
        /// <summary>not_started, in_progress, completed, knocked_out.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("started")] public bool Started { get; set; }
        [JsonPropertyName("completed")] public bool Completed { get; set; }
        [JsonPropertyName("knocked_out")] public bool KnockedOut { get; set; }
        [JsonPropertyName("last_updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? LastUpdatedAt { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{Order}:{Status}";
    }
}

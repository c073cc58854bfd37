using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A candidate's progress through the posting's workflow.</summary>
    public sealed class InterviewWorkflow
    {
        [JsonPropertyName("steps")] public InterviewStep[] Steps { get; set; } = Array.Empty<InterviewStep>();
        [JsonPropertyName("all_complete")] public bool AllComplete { get; set; }
        [JsonPropertyName("last_activity_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? LastActivityAt { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => string.Join(", ", Array.ConvertAll(Steps, s => s.ToString()));
    }
}

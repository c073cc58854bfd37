using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// Output of Send-MiloAtsCandidate without -Wait: the push was queued (v2 EnqueuePushResponse), with what
    /// was pushed. Pipe it to Get-MiloAtsPush (ItemId) to follow it.
    /// </summary>
    public sealed class AtsPushReceipt
    {
        /// <summary>The queue item to poll (GET /api/v2/ats/candidates/push/{item_id}).</summary>
        [JsonPropertyName("item_id")] public string? ItemId { get; set; }
        /// <summary>What the API said about the request: 'queued'.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonIgnore] public string AtsName { get; internal set; } = string.Empty;
        [JsonIgnore] public string? PostingId { get; internal set; }
        [JsonIgnore] public string? InterviewId { get; internal set; }
        /// <summary>The ATS record updated; null when the push creates a new record.</summary>
        [JsonIgnore] public string? AtsCandidateId { get; internal set; }
        [JsonIgnore] public string? Email { get; internal set; }
        [JsonIgnore] public bool CreateSubmission { get; internal set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{ItemId} {Status}";
    }
}

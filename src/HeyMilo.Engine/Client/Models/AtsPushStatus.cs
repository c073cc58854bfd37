using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// A queued ATS push as it stands (v2 QueueItemStatus, GET /api/v2/ats/candidates/push/{item_id}):
    /// pending, processing, completed or failed. Completed pushes say in SuccessDetails which ATS record was
    /// created or updated; AtsCandidateId, Action and SubmissionId read it out.
    /// </summary>
    public sealed class AtsPushStatus
    {
        [JsonPropertyName("item_id")] public string ItemId { get; set; } = string.Empty;
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("event_type")] public string? EventType { get; set; }
        [JsonPropertyName("retry_count")] public int RetryCount { get; set; }
        /// <summary>One entry per failed attempt, as the API sends it (attempt, error, occurred_at in the simulator).</summary>
        [JsonPropertyName("failure_instances")] public Dictionary<string, object?>[] FailureInstances { get; set; } = Array.Empty<Dictionary<string, object?>>();
        [JsonPropertyName("success_details")] public Dictionary<string, object?>? SuccessDetails { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The ATS record the push created or updated (success_details.ats_candidate_id).</summary>
        [JsonIgnore] public string? AtsCandidateId => Detail("ats_candidate_id");
        /// <summary>created or updated (success_details.action).</summary>
        [JsonIgnore] public string? Action => Detail("action");
        /// <summary>The candidate-to-job link made with -CreateSubmission (success_details.submission_id).</summary>
        [JsonIgnore] public string? SubmissionId => Detail("submission_id");

        /// <summary>True once the push is completed or failed: its status no longer changes.</summary>
        [JsonIgnore] public bool IsFinished => IsCompleted || IsFailed;
        [JsonIgnore] public bool IsCompleted => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase);
        [JsonIgnore] public bool IsFailed => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);

        /// <summary>The last failure's error text, if any.</summary>
        [JsonIgnore]
        public string? LastError
        {
            get
            {
                if (FailureInstances.Length == 0) return null;
                var last = FailureInstances[FailureInstances.Length - 1];
                foreach (var key in new[] { "error", "message", "reason" })
                    if (last != null && last.TryGetValue(key, out var value) && value != null) return Convert.ToString(value, CultureInfo.InvariantCulture);
                return null;
            }
        }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{ItemId} {Status}";

        private string? Detail(string key) =>
            SuccessDetails != null && SuccessDetails.TryGetValue(key, out var value) && value != null
                ? Convert.ToString(value, CultureInfo.InvariantCulture)
                : null;
    }
}

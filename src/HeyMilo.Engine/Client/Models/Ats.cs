using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An ATS integration of the workspace (v2 AtsConnection, GET /api/v2/ats/connections).</summary>
    public sealed class AtsConnection
    {
        [JsonPropertyName("integration_id")] public string IntegrationId { get; set; } = string.Empty;
        /// <summary>The provider's name, e.g. bullhorn — what -AtsName takes.</summary>
        [JsonPropertyName("ats_provider")] public string AtsProvider { get; set; } = string.Empty;
        /// <summary>'native' or 'kombo'.</summary>
        [JsonPropertyName("source")] public string? Source { get; set; }
        [JsonPropertyName("display_name")] public string? DisplayName { get; set; }
        [JsonPropertyName("is_active")] public bool IsActive { get; set; } = true;
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The provider as -AtsName takes it, so connections pipe into the ATS cmdlets.</summary>
        [JsonIgnore] public string AtsName => AtsProvider;

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => AtsProvider;
    }

    /// <summary>One candidate record of the ATS that matched a resolve (v2 CandidateMatch), with the ATS it is in.</summary>
    public sealed class AtsCandidateMatch
    {
        /// <summary>The ATS searched (the -AtsName of Resolve-MiloAtsCandidate), so a match pipes into Send-MiloAtsCandidate.</summary>
        [JsonIgnore] public string AtsName { get; internal set; } = string.Empty;
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
        [JsonPropertyName("first_name")] public string? FirstName { get; set; }
        [JsonPropertyName("last_name")] public string? LastName { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("email2")] public string? Email2 { get; set; }
        [JsonPropertyName("email3")] public string? Email3 { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
        /// <summary>The record's status in the ATS (e.g. Active, Placed).</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        /// <summary>What matched: ats_candidate_id or email.</summary>
        [JsonPropertyName("match_reason")] public string? MatchReason { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{AtsCandidateId} {FirstName} {LastName}".Trim();
    }

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

namespace HeyMilo.Client.Models
{
    /// <summary>POST /api/v2/ats/candidates/resolve body (ResolveCandidateRequest): email or ats_candidate_id.</summary>
    internal sealed class ResolveCandidateRequest
    {
        [JsonPropertyName("ats_name")] public string AtsName { get; set; } = string.Empty;
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
    }

    /// <summary>ResolveCandidateResponse.</summary>
    internal sealed class ResolveCandidateResponse
    {
        [JsonPropertyName("success")] public bool Success { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
        [JsonPropertyName("matches")] public List<AtsCandidateMatch>? Matches { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
    }

    /// <summary>POST /api/v2/ats/candidates/push body (PushCandidateRequest).</summary>
    internal sealed class PushCandidateRequest
    {
        [JsonPropertyName("ats_name")] public string AtsName { get; set; } = string.Empty;
        [JsonPropertyName("posting_id")] public string? PostingId { get; set; }
        [JsonPropertyName("interview_id")] public string? InterviewId { get; set; }
        [JsonPropertyName("create_submission")] public bool CreateSubmission { get; set; }
        [JsonPropertyName("candidate")] public PushCandidatePayload Candidate { get; set; } = new PushCandidatePayload();
    }

    /// <summary>PushCandidatePayload: ats_candidate_id null (left out) creates a new ATS record.</summary>
    internal sealed class PushCandidatePayload
    {
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
        [JsonPropertyName("first_name")] public string? FirstName { get; set; }
        [JsonPropertyName("last_name")] public string? LastName { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
    }
}

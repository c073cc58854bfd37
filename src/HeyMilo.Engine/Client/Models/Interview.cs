using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// What a candidate's interview row (<see cref="Interview"/>) and its full results
    /// (<see cref="InterviewData"/>) share. It also lets Get-MiloInterview bind either kind of object
    /// from the pipeline by value, so piped interviews are looked up by InterviewId rather than
    /// re-listing their posting.
    /// </summary>
    public abstract class InterviewBase
    {
        [JsonPropertyName("interview_id")] public string InterviewId { get; set; } = string.Empty;
        [JsonPropertyName("candidate_id")] public string? CandidateId { get; set; }
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("email")] public string Email { get; set; } = string.Empty;
        /// <summary>Overall match score 0-100 (null until scored).</summary>
        [JsonPropertyName("score")] public double? Score { get; set; }
        /// <summary>pending, in_progress, evaluating, completed, shortlisted, dismissed, knocked_out (InterviewData may also say not_ready).</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("workflow")] public InterviewWorkflow? Workflow { get; set; }
        [JsonPropertyName("metadata")] public Dictionary<string, object?>? Metadata { get; set; }
        [JsonPropertyName("data")] public Dictionary<string, object?>? Data { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>True when read from the legacy API (GET /interview/{id}, GET /interviews/{posting_id}).</summary>
        [JsonIgnore] public bool Legacy { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        /// <remarks>Built once per object from the fields the API sent, so what a script adds or changes in it stays.</remarks>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{InterviewId} {Name}";
    }

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

    /// <summary>
    /// Full results of one interview across its workflow steps (GET /api/v2/interviews/{id}/data).
    /// A candidate who has not finished is a Status (e.g. not_ready), not an error.
    /// </summary>
    public sealed class InterviewData : InterviewBase
    {
        /// <summary>Voice/video interview results: match_score, highlights, scorecard, transcript, recording URLs…</summary>
        [JsonPropertyName("web_interview")] public Dictionary<string, object?>? WebInterview { get; set; }
        [JsonPropertyName("resume")] public Dictionary<string, object?>? Resume { get; set; }
        [JsonPropertyName("sms")] public Dictionary<string, object?>? Sms { get; set; }
        [JsonPropertyName("form")] public Dictionary<string, object?>? Form { get; set; }
        [JsonPropertyName("cheat_detection")] public Dictionary<string, object?>? CheatDetection { get; set; }
    }

    /// <summary>A candidate's progress through the posting's workflow.</summary>
    public sealed class InterviewWorkflow
    {
        [JsonPropertyName("steps")] public InterviewStep[] Steps { get; set; } = Array.Empty<InterviewStep>();
        [JsonPropertyName("all_complete")] public bool AllComplete { get; set; }
        [JsonPropertyName("last_activity_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? LastActivityAt { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => string.Join(", ", Array.ConvertAll(Steps, s => s.ToString()));
    }

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

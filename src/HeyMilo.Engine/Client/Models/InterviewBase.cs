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
}

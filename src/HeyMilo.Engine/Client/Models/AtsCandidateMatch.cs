using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
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
}

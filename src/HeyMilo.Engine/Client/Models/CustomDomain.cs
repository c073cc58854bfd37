using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A custom domain for interview links (CustomDomainResponse).</summary>
    public sealed class CustomDomain
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("domain")] public string Domain { get; set; } = string.Empty;
        /// <summary>What the domain's CNAME record must point at.</summary>
        [JsonPropertyName("cname_target")] public string CnameTarget { get; set; } = string.Empty;
        /// <summary>pending, active or error.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("active")] public bool Active { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Domain;
    }
}

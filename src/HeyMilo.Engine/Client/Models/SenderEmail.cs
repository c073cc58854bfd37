using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An address candidates' emails are sent from (SenderEmailResponse).</summary>
    public sealed class SenderEmail
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The part before the @.</summary>
        [JsonPropertyName("email_prefix")] public string EmailPrefix { get; set; } = string.Empty;
        [JsonPropertyName("domain")] public string Domain { get; set; } = string.Empty;
        [JsonPropertyName("full_email")] public string FullEmail { get; set; } = string.Empty;
        /// <summary>The sending (email) domain's id; not one of Get-MiloDomain's interview-link domains.</summary>
        [JsonPropertyName("domain_id")] public string DomainId { get; set; } = string.Empty;
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => FullEmail;
    }
}

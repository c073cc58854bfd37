using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An email template (EmailTemplateResponse).</summary>
    public sealed class EmailTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The email type, e.g. WEB_INTERVIEW_INVITATION, RESUME_NUDGE, REPORT_READY_EMAIL.</summary>
        [JsonPropertyName("template_key")] public string TemplateKey { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("subject")] public string Subject { get; set; } = string.Empty;
        /// <summary>The HTML body, with {{variable}} placeholders.</summary>
        [JsonPropertyName("content")] public string Content { get; set; } = string.Empty;
        [JsonPropertyName("blackout_period")] public BlackoutPeriod? BlackoutPeriod { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An email template group (EmailTemplateGroupResponse): which template sends each email type, and from which sender.</summary>
    public sealed class EmailTemplateGroup
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>Email type (template_key) → email template id.</summary>
        [JsonPropertyName("template_mappings")] public Dictionary<string, string> TemplateMappings { get; set; } = new Dictionary<string, string>();
        [JsonPropertyName("sender_email_id")] public string? SenderEmailId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }
}

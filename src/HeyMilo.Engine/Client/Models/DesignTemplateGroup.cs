using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A design template group (DesignTemplateGroupResponse): a brand kit, one design template per page type.</summary>
    public sealed class DesignTemplateGroup
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>Page type → design template id.</summary>
        [JsonPropertyName("template_mappings")] public Dictionary<string, string> TemplateMappings { get; set; } = new Dictionary<string, string>();
        [JsonPropertyName("is_default")] public bool IsDefault { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }
}

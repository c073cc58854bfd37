using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A design template (DesignTemplateResponse): the look of one candidate-facing page type.</summary>
    public sealed class DesignTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>welcome_page, status_page, interview_complete_page or interview_page.</summary>
        [JsonPropertyName("template_type")] public string TemplateType { get; set; } = string.Empty;
        /// <summary>Colours, fonts, texts and images; the shape varies by TemplateType.</summary>
        [JsonPropertyName("design_config")] public Dictionary<string, object?> DesignConfig { get; set; } = new Dictionary<string, object?>();
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }
}

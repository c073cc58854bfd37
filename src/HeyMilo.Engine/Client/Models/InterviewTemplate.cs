using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An interview template (InterviewTemplateResponse): a blueprint posting whose workflow new postings copy.</summary>
    public sealed class InterviewTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The code ATS integrations use (letters, digits and dashes, at most 32).</summary>
        [JsonPropertyName("template_code")] public string TemplateCode { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>The blueprint posting (Get-MiloPosting -PostingId).</summary>
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
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

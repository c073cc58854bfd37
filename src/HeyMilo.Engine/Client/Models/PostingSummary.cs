using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A posting as GET /api/v2/postings/list gives it (PostingSummary): only its id, title and slug.</summary>
    public sealed class PostingSummary
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("title")] public string Title { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{Id} {Title}";
    }
}

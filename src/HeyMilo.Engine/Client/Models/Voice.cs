using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A voice of the AI interviewer (VoiceResponse).</summary>
    public sealed class Voice
    {
        /// <summary>The registry id (wrv-…), what -VoiceId takes.</summary>
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>elevenlabs, cartesia or lmnt.</summary>
        [JsonPropertyName("provider")] public string Provider { get; set; } = string.Empty;
        [JsonPropertyName("provider_voice_id")] public string ProviderVoiceId { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>BCP-47 language code.</summary>
        [JsonPropertyName("language")] public string? Language { get; set; }
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        /// <summary>male, female or neutral.</summary>
        [JsonPropertyName("gender")] public string? Gender { get; set; }
        [JsonPropertyName("preview_url")] public string? PreviewUrl { get; set; }
        /// <summary>Provider-defined labels (accent, age, style…).</summary>
        [JsonPropertyName("labels")] public Dictionary<string, object?> Labels { get; set; } = new Dictionary<string, object?>();
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }
}

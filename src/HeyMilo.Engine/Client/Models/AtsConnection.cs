using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>An ATS integration of the workspace (v2 AtsConnection, GET /api/v2/ats/connections).</summary>
    public sealed class AtsConnection
    {
        [JsonPropertyName("integration_id")] public string IntegrationId { get; set; } = string.Empty;
        /// <summary>The provider's name, e.g. bullhorn — what -AtsName takes.</summary>
        [JsonPropertyName("ats_provider")] public string AtsProvider { get; set; } = string.Empty;
        /// <summary>'native' or 'kombo'.</summary>
        [JsonPropertyName("source")] public string? Source { get; set; }
        [JsonPropertyName("display_name")] public string? DisplayName { get; set; }
        [JsonPropertyName("is_active")] public bool IsActive { get; set; } = true;
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The provider as -AtsName takes it, so connections pipe into the ATS cmdlets.</summary>
        [JsonIgnore] public string AtsName => AtsProvider;

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => AtsProvider;
    }
}

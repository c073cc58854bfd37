using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A phone number of the workspace for calls and SMS (PhoneNumberResponse).</summary>
    public sealed class PhoneNumber
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The number in E.164 form (the API's phone_number).</summary>
        [JsonPropertyName("phone_number")] public string Number { get; set; } = string.Empty;
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        [JsonPropertyName("active")] public bool Active { get; set; }
        [JsonPropertyName("date_provisioned"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? DateProvisioned { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Number;
    }
}

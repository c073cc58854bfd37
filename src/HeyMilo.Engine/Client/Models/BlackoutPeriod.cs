using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>Hours in which an email is held back (BlackoutPeriod).</summary>
    public sealed class BlackoutPeriod
    {
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }
        /// <summary>IANA time zone, e.g. America/New_York.</summary>
        [JsonPropertyName("timezone")] public string Timezone { get; set; } = string.Empty;
        [JsonPropertyName("start_hour")] public int StartHour { get; set; }
        /// <summary>0 to 24 (24 = midnight).</summary>
        [JsonPropertyName("end_hour")] public int EndHour { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() =>
            (Enabled ? "" : "(off) ") + StartHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00-" +
            EndHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00 " + Timezone;
    }
}

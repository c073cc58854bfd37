using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeyMilo.Client.Json
{
    /// <summary>The API sends timestamps as Unix seconds (integer or float); PowerShell users want DateTimeOffset.</summary>
    internal sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    return FromSeconds(reader.GetDouble());
                case JsonTokenType.String:
                    var text = reader.GetString();
                    if (string.IsNullOrWhiteSpace(text)) return null;
                    if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                        return FromSeconds(seconds);
                    if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                        return parsed;
                    throw new JsonException($"'{text}' is not a Unix timestamp.");
                default:
                    throw new JsonException($"Unexpected {reader.TokenType} where a Unix timestamp was expected.");
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is DateTimeOffset v) writer.WriteNumberValue(v.ToUnixTimeSeconds());
            else writer.WriteNullValue();
        }

        internal static DateTimeOffset FromSeconds(double seconds) =>
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d));
    }
}

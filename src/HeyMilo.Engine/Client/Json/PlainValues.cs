using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeyMilo.Client.Json
{
    /// <summary>
    /// Free-form JSON (metadata, step configs, results) surfaces as plain .NET values —
    /// Dictionary, object[], string, long, double, bool — so no System.Text.Json type
    /// appears in the module's public objects.
    /// </summary>
    internal static class PlainValues
    {
        public static object? From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in element.EnumerateObject()) map[p.Name] = From(p.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray()) list.Add(From(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var l) ? l : element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        public static Dictionary<string, object?> FromExtension(Dictionary<string, JsonElement>? extension)
        {
            var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (extension is null) return map;
            foreach (var pair in extension) map[pair.Key] = From(pair.Value);
            return map;
        }

        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture)); break;
                case DateTime dt: writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture)); break;
                case System.Collections.IDictionary dict:
                    writer.WriteStartObject();
                    foreach (System.Collections.DictionaryEntry e in dict)
                    {
                        writer.WritePropertyName(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, e.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case System.Collections.IEnumerable seq:
                    writer.WriteStartArray();
                    foreach (var item in seq) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    /// <summary>Reads any JSON object into a Dictionary of plain values and writes one back.</summary>
    internal sealed class PlainDictionaryConverter : JsonConverter<Dictionary<string, object?>>
    {
        public override Dictionary<string, object?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new JsonException("Expected a JSON object.");
            return (Dictionary<string, object?>)PlainValues.From(doc.RootElement)!;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, object?> value, JsonSerializerOptions options) =>
            PlainValues.Write(writer, value);
    }

    /// <summary>Reads any JSON value into plain .NET values (for fields whose shape varies).</summary>
    internal sealed class PlainObjectConverter : JsonConverter<object?>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            return PlainValues.From(doc.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) =>
            PlainValues.Write(writer, value);
    }
}

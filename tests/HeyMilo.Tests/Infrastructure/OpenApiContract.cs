using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// heymilo-openapi-v2.json, the truth the simulator's answers are held to: schema look-ups and a
    /// checker for required properties, JSON types, const and enum values, recursively.
    /// </summary>
    internal static class OpenApiContract
    {
        private static readonly Lazy<JsonDocument> s_spec = new(() =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "..", "shared", "api", "heymilo-openapi-v2.json"))));

        public static JsonElement Spec => s_spec.Value.RootElement;

        public static JsonElement Schema(string name) => Spec.GetProperty("components").GetProperty("schemas").GetProperty(name);

        public static JsonElement Operation(string method, string specPath) =>
            Spec.GetProperty("paths").GetProperty(specPath).GetProperty(method.ToLowerInvariant());

        public static JsonElement ResponseSchema(string method, string specPath, int status) =>
            Operation(method, specPath).GetProperty("responses").GetProperty(status.ToString()).GetProperty("content").GetProperty("application/json").GetProperty("schema");

        /// <summary>The content types the document gives for a response.</summary>
        public static IReadOnlyList<string> ResponseContentTypes(string method, string specPath, int status) =>
            Operation(method, specPath).GetProperty("responses").GetProperty(status.ToString()).GetProperty("content").EnumerateObject().Select(p => p.Name).ToList();

        /// <summary>A query parameter's schema, or null when the operation has no such parameter.</summary>
        public static JsonElement? QueryParameter(string method, string specPath, string name)
        {
            if (!Operation(method, specPath).TryGetProperty("parameters", out var parameters)) return null;
            foreach (var p in parameters.EnumerateArray())
                if (p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == name) return p.GetProperty("schema");
            return null;
        }

        /// <summary>The 'quoted' values a property's description lists, for the enums the document writes in prose.</summary>
        public static IReadOnlyList<string> QuotedValues(string schemaName, string property) =>
            Regex.Matches(Schema(schemaName).GetProperty("properties").GetProperty(property).GetProperty("description").GetString()!, "'([^']+)'")
                .Select(m => m.Groups[1].Value).ToList();

        public static JsonElement Resolve(JsonElement schema)
        {
            while (schema.TryGetProperty("$ref", out var reference))
            {
                var node = Spec;
                foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part);
                schema = node;
            }
            return schema;
        }

        /// <summary>What is wrong with <paramref name="value"/> under <paramref name="schema"/>; empty when it fits.</summary>
        public static List<string> Problems(JsonElement schema, JsonElement value)
        {
            var problems = new List<string>();
            Check(schema, value, "$", problems);
            return problems;
        }

        /// <summary>Required properties present, JSON types, const and enum as documented, recursively (anyOf: one branch must fit).</summary>
        public static void Check(JsonElement schema, JsonElement value, string at, List<string> problems)
        {
            schema = Resolve(schema);
            if (schema.TryGetProperty("anyOf", out var anyOf))
            {
                var branches = anyOf.EnumerateArray().Select(branch =>
                {
                    var found = new List<string>();
                    Check(branch, value, at, found);
                    return found;
                }).ToList();
                if (branches.All(b => b.Count > 0)) problems.Add($"{at}: fits none of anyOf ({string.Join("; ", branches.SelectMany(b => b))})");
                return;
            }
            if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && !TypeFits(type.GetString()!, value))
            {
                problems.Add($"{at}: expected {type.GetString()}, got {value.ValueKind}");
                return;
            }
            if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
                problems.Add($"{at}: expected const {constant.GetRawText()}, got {value.GetRawText()}");
            if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
                problems.Add($"{at}: {value.GetRawText()} is not one of {values.GetRawText()}");
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (schema.TryGetProperty("required", out var required))
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _)) problems.Add($"{at}: required '{name}' is missing");
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        if (value.TryGetProperty(property.Name, out var child)) Check(property.Value, child, at + "." + property.Name, problems);
            }
            else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            {
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(items, item, $"{at}[{i++}]", problems);
            }
        }

        private static bool TypeFits(string type, JsonElement value) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => true,
        };
    }
}

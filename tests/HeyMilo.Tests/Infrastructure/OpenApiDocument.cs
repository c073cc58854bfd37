using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// heymilo-openapi-v2.json and the one JSON-schema checker for it, for requests the tests send and answers
    /// the simulator gives: every test that holds a shape to the document goes through here, so a fix to how
    /// a keyword is read lands once. It knows the subset the document uses: $ref, anyOf, oneOf, const, enum,
    /// type, required, properties, additionalProperties, items, min/maxItems, min/maxLength, minimum/maximum
    /// (no allOf; nullable is OpenAPI 3.1's anyOf [..., {"type": "null"}]).
    /// </summary>
    public static class OpenApiDocument
    {
        private static readonly Lazy<JsonDocument> s_document = new(() =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "..", "shared", "api", "heymilo-openapi-v2.json"))));

        public static JsonElement Root => s_document.Value.RootElement;

        public static JsonElement Operation(string method, string specPath) =>
            Root.GetProperty("paths").GetProperty(specPath).GetProperty(method.ToLowerInvariant());

        public static JsonElement? RequestSchema(string method, string specPath) =>
            Operation(method, specPath).TryGetProperty("requestBody", out var body)
                ? body.GetProperty("content").GetProperty("application/json").GetProperty("schema")
                : null;

        /// <summary>The documented schema of an answer with this status, or null when the operation documents no such status.</summary>
        public static JsonElement? ResponseSchema(string method, string specPath, int status) =>
            Operation(method, specPath).GetProperty("responses").TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response)
                ? response.GetProperty("content").GetProperty("application/json").GetProperty("schema")
                : null;

        public static JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

        /// <summary>The content types the document gives for a response.</summary>
        public static IReadOnlyList<string> ResponseContentTypes(string method, string specPath, int status) =>
            Operation(method, specPath).GetProperty("responses").GetProperty(status.ToString(CultureInfo.InvariantCulture)).GetProperty("content")
                .EnumerateObject().Select(p => p.Name).ToList();

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

        /// <summary>
        /// Asserts that an answer has the documented shape of its status, completely (<see cref="Check"/> with
        /// complete: true). A status the operation does not document must be declared
        /// (<paramref name="undocumented"/>) and is held to APIErrorResponse.
        /// </summary>
        public static void AssertAnswer(string method, string specPath, int status, JsonElement answer, bool undocumented = false)
        {
            var schema = ResponseSchema(method, specPath, status);
            if (schema is null)
            {
                Assert.True(undocumented, $"{method} {specPath} documents no {status} answer");
                schema = Schema("APIErrorResponse");
            }
            var problems = Check(schema.Value, answer, complete: true);
            Assert.True(problems.Count == 0,
                $"{method} {specPath} -> {status} does not have the documented shape:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}{answer.GetRawText()}");
        }

        /// <summary>Problems of a request body against its operation's request schema (complete: false); the operation must document a body.</summary>
        public static List<string> RequestProblems(string method, string specPath, JsonElement body)
        {
            var schema = RequestSchema(method, specPath);
            Assert.True(schema.HasValue, $"{method} {specPath} documents no request body");
            return Check(schema!.Value, body, complete: false);
        }

        /// <summary>
        /// Problems of <paramref name="value"/> against <paramref name="schema"/>. For an answer
        /// (<paramref name="complete"/>) every documented property must be there and no other: a shape
        /// the simulator sends is the whole documented shape. For a request only required ones must,
        /// and a property the document does not declare is a problem too.
        /// </summary>
        public static List<string> Check(JsonElement schema, JsonElement value, bool complete)
        {
            var problems = new List<string>();
            Check(schema, value, "$", complete, problems);
            return problems;
        }

        /// <summary>The schema a $ref (or a chain of them) points at; any other schema as it is.</summary>
        public static JsonElement Resolve(JsonElement schema)
        {
            while (schema.TryGetProperty("$ref", out var reference))
            {
                var node = Root;
                foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part);
                schema = node;
            }
            return schema;
        }

        private static void Check(JsonElement schema, JsonElement value, string at, bool complete, List<string> problems)
        {
            schema = Resolve(schema);
            foreach (var combinator in new[] { "anyOf", "oneOf" })
            {
                if (!schema.TryGetProperty(combinator, out var branches)) continue;
                var results = branches.EnumerateArray().Select(branch =>
                {
                    var found = new List<string>();
                    Check(branch, value, at, complete, found);
                    return found;
                }).ToList();
                var fitting = results.Count(r => r.Count == 0);
                if (fitting == 0) problems.Add($"{at}: fits none of {combinator} ({string.Join("; ", results.SelectMany(r => r))})");
                else if (combinator == "oneOf" && fitting > 1) problems.Add($"{at}: fits {fitting} branches of oneOf");
                return;
            }
            if (schema.TryGetProperty("const", out var constant) && !JsonEquals(constant, value))
                problems.Add($"{at}: expected the constant {constant.GetRawText()}, got {value.GetRawText()}");
            if (schema.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => JsonEquals(c, value)))
                problems.Add($"{at}: {value.GetRawText()} is not one of {choices.GetRawText()}");
            if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && !TypeFits(type.GetString()!, value))
            {
                problems.Add($"{at}: expected {type.GetString()}, got {value.ValueKind} {Short(value)}");
                return;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    CheckObject(schema, value, at, complete, problems);
                    break;
                case JsonValueKind.Array:
                    var count = value.GetArrayLength();
                    if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32()) problems.Add($"{at}: {count} items, fewer than {minItems}");
                    if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32()) problems.Add($"{at}: {count} items, more than {maxItems}");
                    if (schema.TryGetProperty("items", out var items))
                    {
                        var i = 0;
                        foreach (var item in value.EnumerateArray()) Check(items, item, $"{at}[{i++}]", complete, problems);
                    }
                    break;
                case JsonValueKind.String:
                    var length = value.GetString()!.Length;
                    if (schema.TryGetProperty("minLength", out var minLength) && length < minLength.GetInt32()) problems.Add($"{at}: {length} characters, fewer than {minLength}");
                    if (schema.TryGetProperty("maxLength", out var maxLength) && length > maxLength.GetInt32()) problems.Add($"{at}: {length} characters, more than {maxLength}");
                    break;
                case JsonValueKind.Number:
                    var number = value.GetDouble();
                    if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble()) problems.Add($"{at}: {number} is below the minimum {minimum}");
                    if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble()) problems.Add($"{at}: {number} is above the maximum {maximum}");
                    break;
            }
        }

        private static void CheckObject(JsonElement schema, JsonElement value, string at, bool complete, List<string> problems)
        {
            var declared = schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                : new Dictionary<string, JsonElement>();
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) problems.Add($"{at}: required '{name}' is missing");
            if (complete)
                foreach (var name in declared.Keys)
                    if (!value.TryGetProperty(name, out _) && !(required.ValueKind == JsonValueKind.Array && required.EnumerateArray().Any(r => r.GetString() == name)))
                        problems.Add($"{at}: documented property '{name}' is missing");
            var extra = schema.TryGetProperty("additionalProperties", out var additional) ? additional : (JsonElement?)null;
            foreach (var property in value.EnumerateObject())
            {
                if (declared.TryGetValue(property.Name, out var propertySchema))
                    Check(propertySchema, property.Value, at + "." + property.Name, complete, problems);
                else if (extra is { ValueKind: JsonValueKind.Object } extraSchema)
                    Check(extraSchema, property.Value, $"{at}[\"{property.Name}\"]", complete, problems);
                else if (extra is not { ValueKind: JsonValueKind.True } && declared.Count > 0)
                    problems.Add($"{at}: '{property.Name}' is not a documented property");
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

        private static bool JsonEquals(JsonElement a, JsonElement b) =>
            a.ValueKind == b.ValueKind && (a.ValueKind == JsonValueKind.Number ? a.GetDouble() == b.GetDouble() : a.GetRawText() == b.GetRawText());

        private static string Short(JsonElement value)
        {
            var text = value.GetRawText();
            return text.Length > 60 ? text[..60] + "…" : text;
        }
    }
}

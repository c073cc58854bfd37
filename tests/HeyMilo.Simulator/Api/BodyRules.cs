using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>What a field of a request body may hold, as heymilo-openapi-v2.json declares it.</summary>
internal enum FieldKind
{
    Text,
    Int,
    Num,
    Bool,
    /// <summary>Key-value metadata: string values, at most 50 keys of 40 characters, values of 500.</summary>
    Metadata,
    /// <summary>An object of anything (additionalProperties: true).</summary>
    Map,
    StringList,
    /// <summary>A list of string-to-string maps (dropdown_values).</summary>
    StringMapList,
    /// <summary>No declared type (answer).</summary>
    Any,
}

/// <summary>One field's rule. Nullable: the document's anyOf [..., null].</summary>
internal sealed record FieldRule(string Name, FieldKind Kind, bool Nullable = true, bool Required = false,
    int? MinLength = null, int? MaxLength = null, double? Minimum = null, double? Maximum = null, string[]? Enum = null);

/// <summary>
/// Request validation in the FastAPI/pydantic manner: each problem is a 422 detail {loc, msg, type}.
/// Types are checked strictly (a JSON string is not an integer), so a client that sends the wrong JSON
/// type finds out here rather than from the real API's coercion.
/// </summary>
internal static class BodyRules
{
    public const int MetadataMaxKeys = 50;
    public const int MetadataMaxKeyLength = 40;
    public const int MetadataMaxValueLength = 500;

    public static readonly string[] DeliveryModes = { "exact_delivery", "summarized_delivery", "reference_only", "silent_reference" };

    public static object[] At(object[] at, params object[] more) => at.Concat(more).ToArray();

    /// <summary>Checks every rule against <paramref name="body"/>; fields without a rule are ignored (pydantic's default).</summary>
    public static void Check(JsonObject body, IEnumerable<FieldRule> rules, object[] at, List<ValidationProblem> problems)
    {
        foreach (var rule in rules)
        {
            if (!body.TryGetPropertyValue(rule.Name, out var value))
            {
                if (rule.Required) problems.Add(new(At(at, rule.Name), "Field required", "missing"));
                continue;
            }
            CheckValue(rule, value, At(at, rule.Name), problems);
        }
    }

    public static void CheckValue(FieldRule rule, JsonNode? value, object[] loc, List<ValidationProblem> problems)
    {
        if (value is null)
        {
            if (!rule.Nullable) problems.Add(TypeProblem(rule.Kind, loc));
            return;
        }
        switch (rule.Kind)
        {
            case FieldKind.Text:
                if (!IsString(value, out var text)) { problems.Add(TypeProblem(rule.Kind, loc)); return; }
                if (rule.Enum is { } allowed && !allowed.Contains(text))
                    problems.Add(new(loc, "Input should be " + Choices(allowed), "literal_error"));
                if (rule.MinLength is int min && text.Length < min)
                    problems.Add(new(loc, $"String should have at least {min} character{(min == 1 ? "" : "s")}", "string_too_short"));
                if (rule.MaxLength is int max && text.Length > max)
                    problems.Add(new(loc, $"String should have at most {max} character{(max == 1 ? "" : "s")}", "string_too_long"));
                return;
            case FieldKind.Int:
                if (!IsNumber(value, out var whole)) { problems.Add(TypeProblem(rule.Kind, loc)); return; }
                if (Math.Floor(whole) != whole) { problems.Add(new(loc, "Input should be a valid integer, got a number with a fractional part", "int_from_float")); return; }
                Bounds(rule, whole, loc, problems);
                return;
            case FieldKind.Num:
                if (!IsNumber(value, out var number)) { problems.Add(TypeProblem(rule.Kind, loc)); return; }
                Bounds(rule, number, loc, problems);
                return;
            case FieldKind.Bool:
                if (value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) problems.Add(TypeProblem(rule.Kind, loc));
                return;
            case FieldKind.Metadata:
                Metadata(value, loc, problems);
                return;
            case FieldKind.Map:
                if (value is not JsonObject) problems.Add(TypeProblem(rule.Kind, loc));
                return;
            case FieldKind.StringList:
                if (value is not JsonArray list) { problems.Add(TypeProblem(rule.Kind, loc)); return; }
                for (var i = 0; i < list.Count; i++)
                    if (!IsString(list[i], out _)) problems.Add(new(At(loc, i), "Input should be a valid string", "string_type"));
                return;
            case FieldKind.StringMapList:
                if (value is not JsonArray maps) { problems.Add(TypeProblem(rule.Kind, loc)); return; }
                for (var i = 0; i < maps.Count; i++)
                {
                    if (maps[i] is not JsonObject map) { problems.Add(new(At(loc, i), "Input should be a valid dictionary", "dict_type")); continue; }
                    foreach (var (key, item) in map)
                        if (!IsString(item, out _)) problems.Add(new(At(loc, i, key), "Input should be a valid string", "string_type"));
                }
                return;
            case FieldKind.Any:
                return;
        }
    }

    /// <summary>The document's metadata rule: string values; up to 50 keys, each key max 40 chars, each value max 500 chars.</summary>
    public static void Metadata(JsonNode? value, object[] loc, List<ValidationProblem> problems)
    {
        if (value is not JsonObject metadata)
        {
            problems.Add(new(loc, "Input should be a valid dictionary", "dict_type"));
            return;
        }
        if (metadata.Count > MetadataMaxKeys) problems.Add(new(loc, $"Metadata can have at most {MetadataMaxKeys} keys", "value_error"));
        foreach (var (key, item) in metadata)
        {
            if (key.Length > MetadataMaxKeyLength) problems.Add(new(At(loc, key), $"Metadata keys can be at most {MetadataMaxKeyLength} characters", "value_error"));
            if (!IsString(item, out var s)) problems.Add(new(At(loc, key), "Input should be a valid string", "string_type"));
            else if (s.Length > MetadataMaxValueLength) problems.Add(new(At(loc, key), $"Metadata values can be at most {MetadataMaxValueLength} characters", "value_error"));
        }
    }

    public static string Choices(IReadOnlyList<string> allowed) =>
        allowed.Count == 1 ? $"'{allowed[0]}'" : string.Join(", ", allowed.Take(allowed.Count - 1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";

    public static bool IsString(JsonNode? node, out string text)
    {
        text = "";
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out text!);
    }

    public static bool IsNumber(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        // A value parsed from JSON converts directly; one the simulator made (a long, an int) through its JSON text.
        return v.TryGetValue(out number) || double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>ISO-8601 as the document's deadline examples ('2025-03-15T00:00:00Z'); a date or a naive time is UTC.</summary>
    public static bool TryIso8601(string text, out long unixSeconds)
    {
        unixSeconds = 0;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return false;
        unixSeconds = at.ToUnixTimeSeconds();
        return true;
    }

    private static void Bounds(FieldRule rule, double value, object[] loc, List<ValidationProblem> problems)
    {
        if (rule.Minimum is double min && value < min)
            problems.Add(new(loc, $"Input should be greater than or equal to {Format(min)}", "greater_than_equal"));
        if (rule.Maximum is double max && value > max)
            problems.Add(new(loc, $"Input should be less than or equal to {Format(max)}", "less_than_equal"));
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static ValidationProblem TypeProblem(FieldKind kind, object[] loc) => kind switch
    {
        FieldKind.Text => new(loc, "Input should be a valid string", "string_type"),
        FieldKind.Int => new(loc, "Input should be a valid integer", "int_type"),
        FieldKind.Num => new(loc, "Input should be a valid number", "float_type"),
        FieldKind.Bool => new(loc, "Input should be a valid boolean", "bool_type"),
        FieldKind.Metadata or FieldKind.Map => new(loc, "Input should be a valid dictionary", "dict_type"),
        FieldKind.StringList or FieldKind.StringMapList => new(loc, "Input should be a valid list", "list_type"),
        _ => new(loc, "Input should not be null", "value_error"),
    };
}

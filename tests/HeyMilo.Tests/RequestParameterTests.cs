using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The write cmdlets' parameters against the request schemas of heymilo-openapi-v2.json: every property of the
    /// schema is a parameter (PascalCase of its name), of a fitting type, with exactly the schema's enum, range and
    /// length as ValidateSet, ValidateRange and ValidateLength; and a parameter that is not a property is one the
    /// cmdlet needs for itself (ids, -PassThru, …). A field added to the document, or a limit changed, fails here.
    /// </summary>
    public sealed class RequestParameterTests : MiloTestBase
    {
        private static readonly string[] Common = { "Session", "WhatIf", "Confirm", "InputObject" };

        public static IEnumerable<object[]> Cases() => new[]
        {
            new object[] { "New-MiloPosting", "CreatePostingRequest", new[] { "VoiceId" } },
            new object[] { "Set-MiloPosting", "UpdatePostingRequest", new[] { "PostingId", "PassThru" } },
            new object[] { "New-MiloQuestion", "CreateQuestionRequest", new[] { "PostingId" } },
            new object[] { "Set-MiloQuestion", "UpdateQuestionRequest", new[] { "PostingId", "QuestionId", "PassThru" } },
            new object[] { "Set-MiloWorkflowStep", "UpdateWorkflowStepRequest", new[] { "PostingId", "Step", "PassThru" } },
            new object[] { "Set-MiloQuestionOrder", "ReorderQuestionsRequest", new[] { "PostingId", "PassThru" } },
        };

        /// <summary>Where a property is not simply its PascalCase name.</summary>
        private static string ParameterFor(string property) => property == "order" ? "QuestionId" : Pascal(property);

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));

        private CommandInfo Command(string name) => (CommandInfo)Run($"Get-Command -Name {name}").ThrowIfTerminating().Output.Single().BaseObject;

        [Theory]
        [MemberData(nameof(Cases))]
        public void Every_schema_property_is_a_parameter_with_the_schemas_limits(string cmdlet, string schemaName, string[] own)
        {
            var command = Command(cmdlet);
            var schema = OpenApiDocument.Schema(schemaName);
            var failures = new List<string>();
            var properties = schema.GetProperty("properties").EnumerateObject().ToList();
            foreach (var property in properties)
            {
                var name = ParameterFor(property.Name);
                if (!command.Parameters.TryGetValue(name, out var parameter))
                {
                    failures.Add($"{cmdlet}: {schemaName}.{property.Name} has no parameter -{name}");
                    continue;
                }
                var (type, facets) = Flatten(property.Value);
                if (!TypeFits(type, facets, parameter.ParameterType)) failures.Add($"{cmdlet} -{name}: {parameter.ParameterType.Name} for a JSON {type}");

                var set = parameter.Attributes.OfType<ValidateSetAttribute>().SingleOrDefault();
                var choices = facets.TryGetValue("enum", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).OrderBy(x => x).ToArray() : null;
                if (!Same(choices, set?.ValidValues.OrderBy(x => x).ToArray()))
                    failures.Add($"{cmdlet} -{name}: ValidateSet {Show(set?.ValidValues)}, the document's enum {Show(choices)}");

                var range = parameter.Attributes.OfType<ValidateRangeAttribute>().SingleOrDefault();
                double? min = facets.TryGetValue("minimum", out var mn) ? mn.GetDouble() : null;
                double? max = facets.TryGetValue("maximum", out var mx) ? mx.GetDouble() : null;
                if (range is null ? (min != null || max != null)
                    : !(Equals(min, Number(range.MinRange)) && (max is null ? IsUnbounded(range.MaxRange) : Equals(max, Number(range.MaxRange)))))
                    failures.Add($"{cmdlet} -{name}: ValidateRange {range?.MinRange}..{range?.MaxRange}, the document {min}..{max}");

                var length = parameter.Attributes.OfType<ValidateLengthAttribute>().SingleOrDefault();
                int? minLength = facets.TryGetValue("minLength", out var ml) ? ml.GetInt32() : null;
                int? maxLength = facets.TryGetValue("maxLength", out var xl) ? xl.GetInt32() : null;
                if (length is null ? (minLength != null || maxLength != null)
                    : !(length.MinLength == (minLength ?? 0) && length.MaxLength == maxLength))
                    failures.Add($"{cmdlet} -{name}: ValidateLength {length?.MinLength}..{length?.MaxLength}, the document {minLength}..{maxLength}");

                var required = schema.TryGetProperty("required", out var r) && r.EnumerateArray().Any(x => x.GetString() == property.Name);
                if (required && !parameter.ParameterSets.Values.Any(s => s.IsMandatory) && name != "Workflow")
                    failures.Add($"{cmdlet} -{name}: {schemaName} requires {property.Name}, the parameter is mandatory in no parameter set");
            }

            var expected = properties.Select(p => ParameterFor(p.Name)).Concat(own).Concat(Common).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var extra in command.Parameters.Keys.Where(k => !PSCmdlet.CommonParameters.Contains(k) && !PSCmdlet.OptionalCommonParameters.Contains(k) && !expected.Contains(k)))
                failures.Add($"{cmdlet} -{extra}: neither a property of {schemaName} nor one of the cmdlet's own parameters");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        /// <summary>The schema of a property without its anyOf-null wrapper: its type and facets.</summary>
        private static (string Type, Dictionary<string, JsonElement> Facets) Flatten(JsonElement schema)
        {
            if (schema.TryGetProperty("anyOf", out var anyOf))
            {
                var branches = anyOf.EnumerateArray().Where(b => !(b.TryGetProperty("type", out var t) && t.GetString() == "null")).ToList();
                if (branches.Count == 1) schema = branches[0];
                else return ("any", new Dictionary<string, JsonElement>());
            }
            var facets = schema.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            var type = facets.TryGetValue("type", out var typeValue) ? typeValue.GetString()! : "any";
            return (type, facets);
        }

        private static bool TypeFits(string type, Dictionary<string, JsonElement> facets, Type parameter)
        {
            var t = Nullable.GetUnderlyingType(parameter) ?? parameter;
            switch (type)
            {
                case "string": return t == typeof(string) || t == typeof(DateTimeOffset);
                case "integer": return t == typeof(int) || t == typeof(long);
                case "number": return t == typeof(double);
                case "boolean": return t == typeof(bool) || t == typeof(SwitchParameter);
                case "object": return t == typeof(IDictionary);
                case "array":
                    var items = facets["items"];
                    if (items.TryGetProperty("type", out var it) && it.GetString() == "string") return t == typeof(string[]);
                    if (items.TryGetProperty("type", out it) && it.GetString() == "object") return t == typeof(IDictionary[]);
                    return t == typeof(object[]); // workflow: a oneOf of step shapes
                default: return t == typeof(object);
            }
        }

        private static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);

        private static bool IsUnbounded(object? value) => value is int i ? i == int.MaxValue : value is long l ? l == long.MaxValue : value is double d && d == double.MaxValue;

        private static bool Same(string[]? a, string[]? b) => (a is null && b is null) || (a != null && b != null && a.SequenceEqual(b));

        private static string Show(IEnumerable<string>? values) => values is null ? "none" : "{" + string.Join(", ", values) + "}";
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using HeyMilo.Client.Json;

namespace HeyMilo.Client.Requests
{
    /// <summary>The JSON type of a request field, as heymilo-openapi-v2.json declares it.</summary>
    internal enum FieldKind
    {
        Text,
        Integer,
        Number,
        Boolean,
        /// <summary>An ISO 8601 date-time string on the wire (deadline); a DateTime or DateTimeOffset in PowerShell.</summary>
        Timestamp,
        /// <summary>An object of string values (metadata). Limits are checked by the module (CandidateRows.CheckMetadata).</summary>
        StringMap,
        /// <summary>A free-form object (additionalProperties: true).</summary>
        Map,
        StringList,
        /// <summary>A list of objects of string values (dropdown_values).</summary>
        StringMapList,
        /// <summary>Any JSON value (answer).</summary>
        Any,
    }

    /// <summary>One property of a request schema: its wire name, JSON type and the constraints the document gives.</summary>
    internal sealed class FieldRule
    {
        public FieldRule(string name, FieldKind kind, bool Required = false, bool Nullable = true, int? MinLength = null, int? MaxLength = null,
            double? Minimum = null, double? Maximum = null, string[]? Choices = null)
        {
            Name = name;
            Kind = kind;
            this.Required = Required;
            this.Nullable = Nullable;
            this.MinLength = MinLength;
            this.MaxLength = MaxLength;
            this.Minimum = Minimum;
            this.Maximum = Maximum;
            this.Choices = Choices;
            PropertyName = Pascal(name);
        }

        /// <summary>The wire (snake_case) name.</summary>
        public string Name { get; }
        /// <summary>The PascalCase name: the cmdlet parameter and the model property (score_of_1 → ScoreOf1).</summary>
        public string PropertyName { get; }
        public FieldKind Kind { get; }
        public bool Required { get; }
        /// <summary>Whether JSON null is allowed (it clears the field in an update).</summary>
        public bool Nullable { get; }
        public int? MinLength { get; }
        public int? MaxLength { get; }
        public double? Minimum { get; }
        public double? Maximum { get; }
        /// <summary>The enum values, or null.</summary>
        public string[]? Choices { get; }

        public static string Pascal(string snake)
        {
            var sb = new StringBuilder(snake.Length);
            var upper = true;
            foreach (var c in snake)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.ToString();
        }

        public override string ToString() => Name;
    }

    /// <summary>
    /// The properties of an object the caller piped or nested (a posting, a question, a CSV row, a
    /// PSCustomObject), case-insensitive. Unlike a hashtable the user typed, its properties that no request
    /// field names are ignored rather than reported: such objects carry ids, timestamps and other read-only fields.
    /// </summary>
    internal sealed class PropertyBag : Dictionary<string, object?>
    {
        public PropertyBag()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>The value under the PascalCase or the wire name of <paramref name="rule"/>; null, missing and "" are all "not given".</summary>
        public bool TryGet(FieldRule rule, out object? value)
        {
            if ((TryGetValue(rule.PropertyName, out value) && !IsNothing(value)) || (TryGetValue(rule.Name, out value) && !IsNothing(value)))
                return true;
            value = null;
            return false;
        }

        private static bool IsNothing(object? value) => value is null || (value is string s && s.Length == 0);
    }

    /// <summary>A request body built field by field: only the fields set are sent, a field set to null is sent as null.</summary>
    internal sealed class RequestBody
    {
        private readonly List<KeyValuePair<string, object?>> _fields = new List<KeyValuePair<string, object?>>();

        public int Count => _fields.Count;

        public IEnumerable<string> Names
        {
            get
            {
                foreach (var pair in _fields) yield return pair.Key;
            }
        }

        public bool Has(string name) => IndexOf(name) >= 0;

        public object? Get(string name)
        {
            var i = IndexOf(name);
            return i < 0 ? null : _fields[i].Value;
        }

        public void Set(string name, object? value)
        {
            var i = IndexOf(name);
            if (i >= 0) _fields[i] = new KeyValuePair<string, object?>(name, value);
            else _fields.Add(new KeyValuePair<string, object?>(name, value));
        }

        public void Remove(string name)
        {
            var i = IndexOf(name);
            if (i >= 0) _fields.RemoveAt(i);
        }

        /// <summary>
        /// Checks a plain value against <paramref name="rule"/> and sets what goes on the wire, or adds the problem
        /// naming <paramref name="label"/> (metadata problems are filed as such).
        /// </summary>
        public void Add(FieldRule rule, object? value, string label, RequestProblems problems)
        {
            if (rule.Kind == FieldKind.StringMap && value != null)
            {
                var metadata = problems.Check(ProblemKind.Metadata, list => MetadataRule.ToWire(value, label, list));
                if (metadata is null) return;
                value = metadata;
            }
            if (RequestRules.TryConvert(rule, value, label, problems.Items, out var wire)) Set(rule.Name, wire);
        }

        /// <summary>
        /// Adds the fields of <paramref name="rules"/> this body does not have yet from the properties of a piped
        /// object (PascalCase or wire names; null and empty values are not given), except those in <paramref name="skip"/>.
        /// </summary>
        public void AddDefaults(IEnumerable<FieldRule> rules, PropertyBag source, ICollection<string> skip, RequestProblems problems)
        {
            foreach (var rule in rules)
            {
                if (Has(rule.Name) || skip.Contains(rule.Name) || !source.TryGet(rule, out var value)) continue;
                Add(rule, value, "property " + rule.PropertyName + " of the input object", problems);
            }
        }

        public RequestBody Clone()
        {
            var copy = new RequestBody();
            copy._fields.AddRange(_fields);
            return copy;
        }

        public byte[] ToUtf8()
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var field in _fields)
                {
                    writer.WritePropertyName(field.Key);
                    PlainValues.Write(writer, field.Value);
                }
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private int IndexOf(string name)
        {
            for (var i = 0; i < _fields.Count; i++)
                if (string.Equals(_fields[i].Key, name, StringComparison.Ordinal)) return i;
            return -1;
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HeyMilo.Client.Requests;

namespace HeyMilo.Module
{
    /// <summary>What is wrong with a cmdlet's input, collected before anything is sent.</summary>
    internal sealed class InputProblems
    {
        public List<string> Items { get; } = new List<string>();
        /// <summary>Whether a problem is about metadata (reported as HeyMilo.InvalidMetadata rather than HeyMilo.InvalidValue).</summary>
        public bool InMetadata { get; set; }
        public int Count => Items.Count;
        public void Add(string problem) => Items.Add(problem);
        public string Reason => InMetadata ? "InvalidMetadata" : "InvalidValue";
        public override string ToString() => string.Join(" ", Items);
    }

    /// <summary>
    /// Turns what cmdlets are given — bound parameters, piped objects, hashtables — into request bodies: values
    /// become plain .NET values for the engine (no PowerShell types cross), each is checked against the request
    /// schema (<see cref="RequestRules"/>), and only the fields given are sent.
    /// </summary>
    internal static class RequestInput
    {
        private const int MaxDepth = 16;

        /// <summary>
        /// Adds every field of <paramref name="rules"/> whose parameter was bound (its name in
        /// <paramref name="bound"/>, as in MyInvocation.BoundParameters) to <paramref name="body"/>.
        /// </summary>
        public static void AddBound(RequestBody body, IEnumerable<FieldRule> rules, IDictionary<string, object> bound, InputProblems problems)
        {
            foreach (var rule in rules)
            {
                if (!bound.TryGetValue(rule.PropertyName, out var value)) continue;
                Add(body, rule, Plain(value), "-" + rule.PropertyName, problems);
            }
        }

        /// <summary>
        /// Adds the fields of <paramref name="rules"/> that <paramref name="body"/> does not have yet from the
        /// properties of a piped object (PascalCase or wire names; null and empty values are not given).
        /// </summary>
        public static void AddDefaults(RequestBody body, IEnumerable<FieldRule> rules, PropertyBag source, ICollection<string> skip, InputProblems problems)
        {
            foreach (var rule in rules)
            {
                if (body.Has(rule.Name) || skip.Contains(rule.Name) || !source.TryGet(rule, out var value)) continue;
                Add(body, rule, value, "property " + rule.PropertyName + " of the input object", problems);
            }
        }

        private static void Add(RequestBody body, FieldRule rule, object? value, string label, InputProblems problems)
        {
            if (rule.Kind == FieldKind.StringMap && value != null)
            {
                var metadata = Metadata(value, label, problems);
                if (metadata is null) return;
                value = metadata;
            }
            if (RequestRules.TryConvert(rule, value, label, problems.Items, out var wire)) body.Set(rule.Name, wire);
        }

        /// <summary>
        /// Metadata as the API takes it: text values (numbers, booleans and dates become their invariant text),
        /// within the limits the document gives (CandidateRows.CheckMetadata: 50 keys, keys ≤ 40 and values ≤ 500
        /// characters). Null values and nested hashtables or lists are refused rather than guessed at.
        /// </summary>
        public static Dictionary<string, string>? Metadata(object? value, string label, InputProblems problems)
        {
            var before = problems.Items.Count;
            var metadata = Metadata(value, label, problems.Items);
            if (problems.Items.Count > before) problems.InMetadata = true;
            return metadata;
        }

        private static Dictionary<string, string>? Metadata(object? value, string label, List<string> problems)
        {
            if (!(Plain(value) is IDictionary map))
            {
                problems.Add($"{label} must be a hashtable of text values, not {RequestRules.Describe(Plain(value))}.");
                return null;
            }
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var item = entry.Value;
                string text;
                switch (item)
                {
                    case string s: text = s; break;
                    case bool b: text = b ? "true" : "false"; break;
                    case DateTimeOffset dto: text = dto.ToString("o", CultureInfo.InvariantCulture); break;
                    case DateTime dt: text = dt.ToString("o", CultureInfo.InvariantCulture); break;
                    case IFormattable number when !(item is Enum): text = number.ToString(null, CultureInfo.InvariantCulture); break;
                    case Enum e: text = e.ToString(); break;
                    default:
                        problems.Add($"{label}: the value of '{key}' must be text, not {RequestRules.Describe(item)}.");
                        return null;
                }
                if (pairs.ContainsKey(key))
                {
                    problems.Add($"{label} has the key '{key}' twice.");
                    return null;
                }
                pairs[key] = text;
            }
            var problem = CandidateRows.CheckMetadata(pairs);
            if (problem != null)
            {
                problems.Add(label + " " + problem);
                return null;
            }
            return pairs;
        }

        /// <summary>
        /// A PowerShell value as plain .NET values: PSObject wrappers unwrapped, hashtables as dictionaries (what
        /// the user typed, checked strictly), lists as object[], switches as bool, and any other object — a
        /// PSCustomObject, a CSV row, a HeyMilo posting or question — as a <see cref="PropertyBag"/> of its properties.
        /// </summary>
        public static object? Plain(object? value) => Plain(value, 0);

        /// <summary>
        /// What an error about a piped object carries as TargetObject: the object itself, or its PSObject when it
        /// is a PSCustomObject or a CSV row (their properties live on the wrapper, not on the base object).
        /// </summary>
        public static object? TargetOf(PSObject? piped) =>
            piped is null ? null : piped.BaseObject is PSCustomObject ? piped : piped.BaseObject;

        /// <summary>The properties of a piped object (PropertyBag), whatever it is.</summary>
        public static PropertyBag Properties(PSObject input)
        {
            if (Plain(input) is PropertyBag bag) return bag;
            var properties = new PropertyBag();
            if (input.BaseObject is IDictionary map)
                foreach (DictionaryEntry entry in map) properties[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value);
            return properties;
        }

        private static object? Plain(object? value, int depth)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject) return Bag(wrapped, depth);
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string _:
                case bool _:
                case char _:
                case DateTime _:
                case DateTimeOffset _:
                case decimal _:
                    return value;
                case SwitchParameter s: return s.IsPresent;
                case Enum e: return e.ToString();
                case Guid g: return g.ToString();
                case Uri u: return u.OriginalString;
            }
            if (value.GetType().IsPrimitive) return value;
            if (depth >= MaxDepth) return null;
            if (value is IDictionary map)
            {
                var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry entry in map) result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value, depth + 1);
                return result;
            }
            if (value is IEnumerable items)
            {
                var list = new List<object?>();
                foreach (var item in items) list.Add(Plain(item, depth + 1));
                return list.ToArray();
            }
            return Bag(PSObject.AsPSObject(value), depth);
        }

        private static PropertyBag Bag(PSObject source, int depth)
        {
            var bag = new PropertyBag();
            foreach (var property in source.Properties)
            {
                if (!property.IsGettable) continue;
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }
                bag[property.Name] = Plain(value, depth + 1);
            }
            return bag;
        }
    }
}

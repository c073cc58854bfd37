using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HeyMilo.Client.Requests;

namespace HeyMilo.Module
{
    /// <summary>
    /// Turns what cmdlets are given — bound parameters, piped objects, hashtables — into request bodies: values
    /// become plain .NET values for the engine (no PowerShell types cross), each is checked against the request
    /// schema (<see cref="RequestRules"/>, <see cref="RequestBody.Add"/>), and only the fields given are sent.
    /// </summary>
    internal static class RequestInput
    {
        private const int MaxDepth = 16;

        /// <summary>
        /// Adds every field of <paramref name="rules"/> whose parameter was bound (its name in
        /// <paramref name="bound"/>, as in MyInvocation.BoundParameters) to <paramref name="body"/>.
        /// </summary>
        public static void AddBound(RequestBody body, IEnumerable<FieldRule> rules, IDictionary<string, object> bound, RequestProblems problems)
        {
            foreach (var rule in rules)
            {
                if (!bound.TryGetValue(rule.PropertyName, out var value)) continue;
                body.Add(rule, Plain(value), "-" + rule.PropertyName, problems);
            }
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
            // Another library's object below the top is its text: its property graph may have no end (a FileInfo's
            // Directory.Root.Root…, walked to MaxDepth, is billions of reads that Ctrl+C cannot interrupt).
            if (depth > 0 && !IsModuleType(value.GetType())) return value.ToString();
            return Bag(PSObject.AsPSObject(value), depth);
        }

        private static bool IsModuleType(Type type) =>
            type.Assembly == typeof(Posting).Assembly || type.Assembly == typeof(RequestInput).Assembly;

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

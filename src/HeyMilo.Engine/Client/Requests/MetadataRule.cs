using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// Metadata as the API takes it: text values (numbers, booleans and dates become their invariant text),
    /// within the limits the document gives (CandidateReader.CheckMetadata: 50 keys, keys ≤ 40 and values ≤ 500
    /// characters). Null values and nested hashtables or lists are refused rather than guessed at.
    /// </summary>
    internal static class MetadataRule
    {
        /// <summary>The wire metadata for a plain value (a dictionary), or null with the problem added.</summary>
        public static Dictionary<string, string>? ToWire(object? value, string label, List<string> problems)
        {
            if (!(value is IDictionary map))
            {
                problems.Add($"{label} must be a hashtable of text values, not {RequestRules.Describe(value)}.");
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
            var problem = HeyMilo.Import.CandidateReader.CheckMetadata(pairs);
            if (problem != null)
            {
                problems.Add(label + " " + problem);
                return null;
            }
            return pairs;
        }
    }
}

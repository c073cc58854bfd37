using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HeyMilo.Import;

namespace HeyMilo.Module
{
    /// <summary>
    /// Reads one input row of a candidate cmdlet (an Import-Csv row, a PSCustomObject, a hashtable, any .NET
    /// object) into the engine's plain <see cref="CandidateRow"/>: its columns in order, each value as the
    /// string PowerShell would make of it. Everything else about rows (aliases, checks) is the engine's.
    /// </summary>
    internal static class CandidateRows
    {
        public static CandidateRow Read(PSObject row, long number) => new CandidateRow(number, Cells(row), row);

        /// <summary>The rows of one input object: itself, or, given as -InputObject $rows (not <paramref name="piped"/>), each element, as if piped.</summary>
        public static IEnumerable<PSObject> Rows(PSObject input, bool piped)
        {
            if (piped || !(input.BaseObject is IEnumerable many) || input.BaseObject is IDictionary || input.BaseObject is string)
            {
                yield return input;
                yield break;
            }
            foreach (var element in many)
                if (element != null) yield return PSObject.AsPSObject(element);
        }

        /// <summary>Any value as the trimmed string the API stores (PowerShell's own conversion: invariant culture).</summary>
        public static string AsString(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is null) return string.Empty;
            var text = value as string ?? LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
            return text.Trim();
        }

        /// <summary>Dictionary keys, or the object's properties (a property whose getter throws is left out).</summary>
        private static List<KeyValuePair<string, string>> Cells(PSObject row)
        {
            var cells = new List<KeyValuePair<string, string>>();
            if (row.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    cells.Add(new KeyValuePair<string, string>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, AsString(entry.Value)));
                return cells;
            }
            foreach (var property in row.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue; // a property whose getter throws is not a column we can use
                }
                cells.Add(new KeyValuePair<string, string>(property.Name, AsString(value)));
            }
            return cells;
        }
    }
}

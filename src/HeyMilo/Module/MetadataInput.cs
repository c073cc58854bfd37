using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HeyMilo.Client;

namespace HeyMilo.Module
{
    /// <summary>
    /// Metadata as PowerShell users give it — a hashtable (-Metadata), named columns of a piped row
    /// (-MetadataProperty), or every column of an Import-Csv row but its interview id — turned into the text
    /// pairs the API takes. The pairs' values and limits are checked by the engine's
    /// <see cref="InteractiveInputRules"/>; this class only unwraps PowerShell's objects.
    /// </summary>
    internal static class MetadataInput
    {
        /// <summary>The columns that carry a row's interview id (-InterviewId and its alias): never metadata.</summary>
        private static readonly string[] s_idColumns = { "InterviewId", "interview_id" };

        /// <summary>The pairs of a hashtable (values: text, numbers and booleans as text); null with <paramref name="problem"/> when one cannot be sent.</summary>
        public static Dictionary<string, string>? FromDictionary(IDictionary dictionary, out string? problem)
        {
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                var value = InteractiveInputRules.MetadataValue(key, Unwrap(entry.Value), out problem);
                if (value is null) return null;
                pairs[key] = value;
            }
            problem = InteractiveInputRules.CheckMetadata(pairs);
            return problem is null ? pairs : null;
        }

        /// <summary>
        /// What Set-MiloInterviewMetadata reads of one piped row (null: nothing piped): the named
        /// <paramref name="columns"/>, or every column but the interview id when none are named and there is no
        /// -Metadata (<paramref name="hasFixed"/>) — an Import-Csv row, [pscustomobject] or hashtable only. Cells are
        /// trimmed; blank and null cells are left out (the API cannot remove one key; Remove-MiloInterviewMetadata
        /// removes them all). A named column the row lacks is reported once per invocation in <paramref name="warning"/>.
        /// </summary>
        public static MetadataCells ReadCells(PSObject? row, IReadOnlyList<string> columns, bool hasFixed, HashSet<string> missingReported, out string? warning)
        {
            warning = null;
            var isRow = row != null && (row.BaseObject is PSCustomObject || row.BaseObject is IDictionary);
            if (columns.Count == 0 && (hasFixed || !isRow)) return MetadataCells.NotRead(row?.BaseObject.GetType().FullName);
            if (row is null) return MetadataCells.NoRowPiped();
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in Cells(row, columns, missingReported, ref warning))
            {
                var unwrapped = Unwrap(value);
                if (unwrapped is null) continue;
                var text = InteractiveInputRules.MetadataValue(name, unwrapped, out var problem);
                if (text is null) return MetadataCells.Invalid(problem!);
                text = text.Trim();
                if (text.Length > 0) pairs[name] = text;
            }
            return MetadataCells.Read(pairs);
        }

        private static IEnumerable<(string Name, object? Value)> Cells(PSObject row, IReadOnlyList<string> columns, HashSet<string> missingReported, ref string? warning)
        {
            var cells = new List<(string, object?)>();
            var dictionary = row.BaseObject as IDictionary;
            if (columns.Count == 0)
            {
                if (dictionary != null)
                {
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                        if (!IsIdColumn(key)) cells.Add((key, entry.Value));
                    }
                }
                else
                {
                    foreach (var property in row.Properties)
                    {
                        if (IsIdColumn(property.Name) || !property.IsGettable) continue;
                        cells.Add((property.Name, Value(property)));
                    }
                }
                return cells;
            }

            foreach (var column in columns)
            {
                object? value = null;
                var found = false;
                if (dictionary != null)
                {
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (!string.Equals(Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture), column, StringComparison.OrdinalIgnoreCase)) continue;
                        value = entry.Value;
                        found = true;
                        break;
                    }
                }
                else if (row.Properties[column] is PSPropertyInfo property)
                {
                    value = Value(property);
                    found = true;
                }
                if (found) cells.Add((column, value));
                else if (missingReported.Add(column))
                    warning = $"The input has no column '{column}' named in -MetadataProperty; rows without it are sent without that key.";
            }
            return cells;
        }

        private static bool IsIdColumn(string name)
        {
            foreach (var id in s_idColumns)
                if (string.Equals(name, id, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static object? Value(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null; // a property whose getter throws is no cell we can use
            }
        }

        private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
    }
}

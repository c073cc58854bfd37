using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace HeyMilo.BuildTool.Manifest
{
    /// <summary>
    /// A PowerShell data file (.psd1) read the way Import-PowerShellDataFile reads it: PowerShell's own parser
    /// (<see cref="Parser.ParseFile"/>), the first hashtable literal, and each value through
    /// <see cref="Ast.SafeGetValue()"/>, which evaluates constants only (strings, numbers, arrays, nested
    /// hashtables, $true/$false/$null) and runs nothing. So comments, either kind of quotes, here-strings,
    /// arrays over several lines with or without commas, and quoted keys all read as PowerShell reads them.
    /// Each value keeps its line, so an error can point at it.
    /// </summary>
    internal sealed class DataFile
    {
        private readonly Dictionary<string, (object? Value, int Line)> _values;

        private DataFile(string path, int line, Dictionary<string, (object? Value, int Line)> values)
        {
            Path = path;
            Line = line;
            _values = values;
        }

        /// <summary>The file, as errors name it.</summary>
        public string Path { get; }

        /// <summary>The line of this hashtable's '@{'.</summary>
        public int Line { get; }

        public IEnumerable<string> Keys => _values.Keys;

        /// <summary>Reads the file; null (with the errors added) when it does not parse or holds no hashtable.</summary>
        public static DataFile? Read(string path, DiagnosticBag diagnostics)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            foreach (var error in errors)
                diagnostics.Add(path, error.Extent.StartLineNumber, Codes.Manifest, "Not a valid PowerShell data file: " + error.Message);
            if (errors.Length > 0) return null;
            if (!(ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) is HashtableAst table))
            {
                diagnostics.Add(path, 1, Codes.Manifest, "Not a PowerShell data file: it holds no hashtable (@{ ... }).");
                return null;
            }
            var before = diagnostics.Items.Count;
            var file = FromAst(path, table, diagnostics);
            return diagnostics.Items.Count > before ? null : file;
        }

        private static DataFile FromAst(string path, HashtableAst table, DiagnosticBag diagnostics)
        {
            var values = new Dictionary<string, (object? Value, int Line)>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in table.KeyValuePairs)
            {
                var line = pair.Item1.Extent.StartLineNumber;
                string key;
                object? value;
                try
                {
                    key = pair.Item1 is StringConstantExpressionAst constant ? constant.Value : Convert.ToString(pair.Item1.SafeGetValue(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    var expression = (pair.Item2 as PipelineAst)?.GetPureExpression();
                    if (expression == null)
                    {
                        diagnostics.Add(path, pair.Item2.Extent.StartLineNumber, Codes.Manifest, "The value of '" + key + "' is not a constant expression.");
                        continue;
                    }
                    value = expression is HashtableAst nested ? FromAst(path, nested, diagnostics) : expression.SafeGetValue();
                }
                catch (InvalidOperationException e)
                {
                    // SafeGetValue refuses variables (other than $true, $false, $null), commands and the like.
                    diagnostics.Add(path, pair.Item2.Extent.StartLineNumber, Codes.Manifest,
                        "Only constants are allowed in a data file (strings, numbers, arrays, hashtables): " + e.Message);
                    continue;
                }
                if (values.ContainsKey(key))
                    diagnostics.Add(path, line, Codes.Manifest, "Duplicate key '" + key + "'.");
                values[key] = (value, line);
            }
            return new DataFile(path, table.Extent.StartLineNumber, values);
        }

        public bool Contains(string key) => _values.ContainsKey(key);

        /// <summary>The line of a key, or of this hashtable when the key is absent.</summary>
        public int LineOf(string key) => _values.TryGetValue(key, out var entry) ? entry.Line : Line;

        public object? this[string key] => _values.TryGetValue(key, out var entry) ? entry.Value : null;

        /// <summary>A string value; null when absent; an error when it is something else.</summary>
        public string? String(string key, DiagnosticBag diagnostics)
        {
            var value = this[key];
            if (value == null || value is string) return (string?)value;
            diagnostics.Add(Path, LineOf(key), Codes.Manifest, "'" + key + "' must be a string, not " + Describe(value) + ".");
            return null;
        }

        /// <summary>A string or an array of strings (PowerShell accepts either wherever a list is expected); empty when absent.</summary>
        public IReadOnlyList<string> Strings(string key, DiagnosticBag diagnostics)
        {
            var value = this[key];
            if (value == null) return Array.Empty<string>();
            if (value is string single) return new[] { single };
            if (value is object[] array && array.All(item => item is string)) return array.Cast<string>().ToList();
            diagnostics.Add(Path, LineOf(key), Codes.Manifest, "'" + key + "' must be a string or an array of strings, not " + Describe(value) + ".");
            return Array.Empty<string>();
        }

        /// <summary>A nested hashtable; null when absent; an error when it is something else.</summary>
        public DataFile? Table(string key, DiagnosticBag diagnostics)
        {
            var value = this[key];
            if (value == null || value is DataFile) return (DataFile?)value;
            diagnostics.Add(Path, LineOf(key), Codes.Manifest, "'" + key + "' must be a hashtable (@{ ... }), not " + Describe(value) + ".");
            return null;
        }

        private static string Describe(object value) => value switch
        {
            object[] _ => "an array",
            Hashtable _ => "a hashtable",
            DataFile _ => "a hashtable",
            _ => "a " + value.GetType().Name,
        };
    }
}

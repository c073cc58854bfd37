using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using HeyMilo.Client.Models;

namespace HeyMilo.Module
{
    /// <summary>
    /// Reads one input row of Import-MiloCandidate (an Import-Csv row, a PSCustomObject, a hashtable,
    /// any .NET object) into a candidate, and checks it the way the API would, before anything is sent.
    /// Column names match case-insensitively and ignoring spaces, '_' and '-', so "Full Name",
    /// "full_name" and "FullName" are the same column.
    /// </summary>
    internal sealed class CandidateRows
    {
        public const int MaxMetadataKeys = 50;
        public const int MaxMetadataKeyLength = 40;
        public const int MaxMetadataValueLength = 500;

        private static readonly string[] s_name = { "name", "fullname", "candidatename" };
        private static readonly string[] s_firstName = { "firstname", "givenname" };
        private static readonly string[] s_lastName = { "lastname", "surname", "familyname" };
        private static readonly string[] s_email = { "email", "emailaddress", "mail" };
        private static readonly string[] s_phone = { "phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone" };
        private static readonly Regex s_e164 = new Regex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant);

        private readonly IReadOnlyList<string> _metadataColumns;
        private readonly IReadOnlyDictionary<string, string> _fixedMetadata;
        private readonly HashSet<string> _missingColumnsReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public CandidateRows(IReadOnlyList<string> metadataColumns, IReadOnlyDictionary<string, string> fixedMetadata)
        {
            _metadataColumns = metadataColumns;
            _fixedMetadata = fixedMetadata;
        }

        /// <summary>
        /// The candidate of this row, or the reason it cannot be sent (a message naming the row and the field).
        /// <paramref name="warning"/> reports, once per column, a -MetadataProperty column the row lacks.
        /// </summary>
        public CandidateIngestItem? Read(PSObject row, long rowNumber, out string? error, out string? warning)
        {
            error = null;
            warning = null;
            var columns = Columns(row);

            var name = First(columns, s_name);
            if (name.Length == 0)
            {
                var first = First(columns, s_firstName);
                var last = First(columns, s_lastName);
                name = (first + " " + last).Trim();
            }
            if (name.Length == 0)
            {
                error = Row(rowNumber, "name", "is required (a Name, Full Name, or First Name/Last Name column).");
                return null;
            }

            if (BrokenText(name))
            {
                error = Row(rowNumber, "name", BrokenTextProblem);
                return null;
            }

            var email = First(columns, s_email);
            if (email.Length == 0)
            {
                error = Row(rowNumber, "email", "is required (an Email, E-mail or Email Address column).");
                return null;
            }
            if (BrokenText(email))
            {
                error = Row(rowNumber, "email", BrokenTextProblem);
                return null;
            }
            if (!IsEmail(email))
            {
                error = Row(rowNumber, "email", $"'{email}' is not an email address.");
                return null;
            }

            string? phone = null;
            var rawPhone = First(columns, s_phone);
            if (rawPhone.Length > 0)
            {
                phone = NormalizePhone(rawPhone);
                if (phone is null)
                {
                    error = Row(rowNumber, "phone_number", $"'{rawPhone}' is not a phone number in international form (E.164, e.g. +12065551234): include the country code.");
                    return null;
                }
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in _metadataColumns)
            {
                if (!TryColumn(row, columns, column, out var value))
                {
                    if (_missingColumnsReported.Add(column))
                        warning = string.Format(CultureInfo.InvariantCulture,
                            "Row {0} has no column '{1}' named in -MetadataProperty; rows without it are sent without that metadata key.", rowNumber, column);
                    continue;
                }
                var text = AsString(value);
                if (text.Length > 0) metadata[column] = text;
            }
            foreach (var pair in _fixedMetadata) metadata[pair.Key] = pair.Value;

            var problem = CheckMetadata(metadata);
            if (problem != null)
            {
                error = Row(rowNumber, "metadata", problem);
                return null;
            }

            return new CandidateIngestItem
            {
                Name = name,
                Email = email,
                PhoneNumber = phone,
                Metadata = metadata.Count > 0 ? metadata : null,
            };
        }

        /// <summary>Null when the metadata fits the API's limits, else what is wrong.</summary>
        public static string? CheckMetadata(IReadOnlyDictionary<string, string> metadata)
        {
            if (metadata.Count > MaxMetadataKeys)
                return $"has {metadata.Count} keys; at most {MaxMetadataKeys} are allowed.";
            foreach (var pair in metadata)
            {
                if (pair.Key.Length == 0) return "has an empty key.";
                if (BrokenText(pair.Key) || BrokenText(pair.Value)) return $"key '{pair.Key}' {BrokenTextProblem}";
                if (pair.Key.Length > MaxMetadataKeyLength)
                    return $"key '{pair.Key}' is {pair.Key.Length} characters long; at most {MaxMetadataKeyLength} are allowed.";
                if (pair.Value.Length > MaxMetadataValueLength)
                    return $"value of '{pair.Key}' is {pair.Value.Length} characters long; at most {MaxMetadataValueLength} are allowed.";
            }
            return null;
        }

        private const string BrokenTextProblem =
            "contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji); it would reach the API as U+FFFD, not as given.";

        /// <summary>
        /// True when the text holds an unpaired surrogate. JSON (UTF-8) cannot carry one: the writer
        /// replaces it with U+FFFD, so the API would store a different name or email than the row has.
        /// </summary>
        public static bool BrokenText(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(c)) return true;
            }
            return false;
        }

        /// <summary>One '@', a non-empty local part, a domain with a dot inside it, no whitespace.</summary>
        public static bool IsEmail(string email)
        {
            var at = email.IndexOf('@');
            if (at <= 0 || at != email.LastIndexOf('@')) return false;
            foreach (var c in email)
                if (char.IsWhiteSpace(c)) return false;
            var domain = email.Substring(at + 1);
            var dot = domain.IndexOf('.');
            return dot > 0 && !domain.EndsWith(".", StringComparison.Ordinal);
        }

        /// <summary>E.164 or null: drops spaces, dashes, dots and parentheses; a leading 00 becomes +.</summary>
        public static string? NormalizePhone(string phone)
        {
            var sb = new StringBuilder(phone.Length);
            foreach (var c in phone)
            {
                if (char.IsWhiteSpace(c) || c == '-' || c == '.' || c == '(' || c == ')') continue;
                sb.Append(c);
            }
            var text = sb.ToString();
            if (text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text.Substring(2);
            return s_e164.IsMatch(text) ? text : null;
        }

        /// <summary>Any value as the trimmed string the API stores (PowerShell's own conversion: invariant culture).</summary>
        public static string AsString(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is null) return string.Empty;
            var text = value as string ?? LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
            return text.Trim();
        }

        public static string Normalize(string column)
        {
            var sb = new StringBuilder(column.Length);
            foreach (var c in column)
            {
                if (char.IsWhiteSpace(c) || c == '_' || c == '-') continue;
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        private static string Row(long rowNumber, string field, string problem) =>
            string.Format(CultureInfo.InvariantCulture, "Row {0}: '{1}' {2}", rowNumber, field, problem);

        /// <summary>The row's columns by normalized name (first one wins) — dictionary keys or object properties.</summary>
        private static Dictionary<string, object?> Columns(PSObject row)
        {
            var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (row.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Normalize(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    if (!columns.ContainsKey(key)) columns[key] = entry.Value;
                }
                return columns;
            }
            foreach (var property in row.Properties)
            {
                var key = Normalize(property.Name);
                if (columns.ContainsKey(key)) continue;
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue; // a property whose getter throws is not a column we can use
                }
                columns[key] = value;
            }
            return columns;
        }

        private static string First(Dictionary<string, object?> columns, string[] aliases)
        {
            foreach (var alias in aliases)
            {
                if (columns.TryGetValue(alias, out var value))
                {
                    var text = AsString(value);
                    if (text.Length > 0) return text;
                }
            }
            return string.Empty;
        }

        /// <summary>A -MetadataProperty column: its exact name (case-insensitive) first, then the normalized one.</summary>
        private static bool TryColumn(PSObject row, Dictionary<string, object?> columns, string name, out object? value)
        {
            if (row.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = entry.Value;
                        return true;
                    }
                }
            }
            else if (row.Properties[name] is PSPropertyInfo property)
            {
                try
                {
                    value = property.Value;
                    return true;
                }
                catch (GetValueException)
                {
                }
            }
            return columns.TryGetValue(Normalize(name), out value);
        }
    }
}

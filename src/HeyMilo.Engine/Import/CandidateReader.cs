using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HeyMilo.Client.Models;

namespace HeyMilo.Import
{
    /// <summary>What reading one row gave: the candidate to send, or why the row cannot be sent.</summary>
    internal sealed class CandidateRead
    {
        private CandidateRead(CandidateIngestItem? candidate, string? problem, string? warning)
        {
            Candidate = candidate;
            Problem = problem;
            Warning = warning;
        }

        public CandidateIngestItem? Candidate { get; }
        /// <summary>Why the row is invalid (a message naming the row and the field), when Candidate is null.</summary>
        public string? Problem { get; }
        /// <summary>Something the user should know that does not stop the row (a -MetadataProperty column it lacks).</summary>
        public string? Warning { get; }

        public static CandidateRead Valid(CandidateIngestItem candidate, string? warning) => new CandidateRead(candidate, null, warning);
        public static CandidateRead Invalid(string problem, string? warning) => new CandidateRead(null, problem, warning);
    }

    /// <summary>
    /// Turns one row into a candidate and checks it the way the API would, before anything is sent: the one
    /// place that knows the column aliases, the email and phone rules and the metadata limits. Any cmdlet
    /// taking candidate rows (Import-MiloCandidate, a single-candidate cmdlet) uses it. Not thread-safe: one
    /// reader per invocation (it remembers which missing metadata columns it already reported).
    /// </summary>
    internal sealed class CandidateReader
    {
        public const int MaxMetadataKeys = 50;
        public const int MaxMetadataKeyLength = 40;
        public const int MaxMetadataValueLength = 500;

        private static readonly Regex s_e164 = new Regex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant);

        private readonly IReadOnlyList<string> _metadataColumns;
        private readonly IReadOnlyDictionary<string, string> _fixedMetadata;
        private readonly HashSet<string> _missingColumnsReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public CandidateReader(IReadOnlyList<string> metadataColumns, IReadOnlyDictionary<string, string> fixedMetadata)
        {
            _metadataColumns = metadataColumns;
            _fixedMetadata = fixedMetadata;
        }

        public CandidateRead Read(CandidateRow row)
        {
            var columns = Columns(row);
            string? warning = null;
            var number = row.Number;

            var name = First(columns, CandidateColumns.Name);
            if (name.Length == 0)
            {
                var first = First(columns, CandidateColumns.FirstName);
                var last = First(columns, CandidateColumns.LastName);
                name = (first + " " + last).Trim();
            }
            if (name.Length == 0) return Invalid(number, "name", "is required (a Name, Full Name, or First Name/Last Name column).");
            if (BrokenText(name)) return Invalid(number, "name", BrokenTextProblem);

            var email = First(columns, CandidateColumns.Email);
            if (email.Length == 0) return Invalid(number, "email", "is required (an Email, E-mail or Email Address column).");
            if (BrokenText(email)) return Invalid(number, "email", BrokenTextProblem);
            if (!IsEmail(email)) return Invalid(number, "email", $"'{email}' is not an email address.");

            string? phone = null;
            var rawPhone = First(columns, CandidateColumns.Phone);
            if (rawPhone.Length > 0)
            {
                phone = NormalizePhone(rawPhone);
                if (phone is null)
                    return Invalid(number, "phone_number", $"'{rawPhone}' is not a phone number in international form (E.164, e.g. +12065551234): include the country code.");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in _metadataColumns)
            {
                if (!TryColumn(row, columns, column, out var value))
                {
                    if (_missingColumnsReported.Add(column))
                        warning = string.Format(CultureInfo.InvariantCulture,
                            "Row {0} has no column '{1}' named in -MetadataProperty; rows without it are sent without that metadata key.", number, column);
                    continue;
                }
                if (value.Length > 0) metadata[column] = value;
            }
            foreach (var pair in _fixedMetadata) metadata[pair.Key] = pair.Value;

            var problem = CheckMetadata(metadata);
            if (problem != null) return CandidateRead.Invalid(Message(number, "metadata", problem), warning);

            return CandidateRead.Valid(new CandidateIngestItem
            {
                Name = name,
                Email = email,
                PhoneNumber = phone,
                Metadata = metadata.Count > 0 ? metadata : null,
            }, warning);

            CandidateRead Invalid(long n, string field, string text) => CandidateRead.Invalid(Message(n, field, text), warning);
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

        private static string Message(long rowNumber, string field, string problem) =>
            string.Format(CultureInfo.InvariantCulture, "Row {0}: '{1}' {2}", rowNumber, field, problem);

        /// <summary>The row's cells by normalized column name (the first of a name wins).</summary>
        private static Dictionary<string, string> Columns(CandidateRow row)
        {
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in row.Cells)
            {
                var key = CandidateColumns.Normalize(cell.Key);
                if (!columns.ContainsKey(key)) columns[key] = (cell.Value ?? string.Empty).Trim();
            }
            return columns;
        }

        /// <summary>The first alias with a non-blank value.</summary>
        private static string First(Dictionary<string, string> columns, IReadOnlyList<string> aliases)
        {
            foreach (var alias in aliases)
            {
                if (columns.TryGetValue(CandidateColumns.Normalize(alias), out var value) && value.Length > 0) return value;
            }
            return string.Empty;
        }

        /// <summary>A -MetadataProperty column: its exact name (case-insensitive) first, then the normalized one.</summary>
        private static bool TryColumn(CandidateRow row, Dictionary<string, string> columns, string name, out string value)
        {
            foreach (var cell in row.Cells)
            {
                if (string.Equals(cell.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = (cell.Value ?? string.Empty).Trim();
                    return true;
                }
            }
            return columns.TryGetValue(CandidateColumns.Normalize(name), out value!);
        }
    }
}

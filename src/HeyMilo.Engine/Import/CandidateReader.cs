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
        private CandidateRead(CandidateIngestItem? candidate, string? problem, string? warning, IReadOnlyDictionary<string, string>? columns = null)
        {
            Candidate = candidate;
            Problem = problem;
            Warning = warning;
            Columns = columns ?? new Dictionary<string, string>();
        }

        /// <summary>API field (name, email, phone_number) → the user's column it came from, to name it in messages.</summary>
        public IReadOnlyDictionary<string, string> Columns { get; }

        public CandidateIngestItem? Candidate { get; }
        /// <summary>Why the row is invalid (a message naming the row and the field), when Candidate is null.</summary>
        public string? Problem { get; }
        /// <summary>Something the user should know that does not stop the row (a -MetadataProperty column it lacks).</summary>
        public string? Warning { get; }

        public static CandidateRead Valid(CandidateIngestItem candidate, string? warning, IReadOnlyDictionary<string, string>? columns = null) => new CandidateRead(candidate, null, warning, columns);
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
        private readonly string? _defaultRegion;

        /// <param name="defaultRegion">The ISO 3166 region a phone without a country code is read in (libphonenumber), or null: E.164 only.</param>
        public CandidateReader(IReadOnlyList<string> metadataColumns, IReadOnlyDictionary<string, string> fixedMetadata, string? defaultRegion = null)
        {
            _metadataColumns = metadataColumns;
            _fixedMetadata = fixedMetadata;
            _defaultRegion = defaultRegion;
        }

        public CandidateRead Read(CandidateRow row)
        {
            var columns = Columns(row);
            string? warning = null;
            var number = row.Number;
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);

            var (nameColumn, name) = First(columns, CandidateColumns.Name);
            if (name.Length == 0)
            {
                var (firstColumn, first) = First(columns, CandidateColumns.FirstName);
                var (lastColumn, last) = First(columns, CandidateColumns.LastName);
                name = (first + " " + last).Trim();
                nameColumn = firstColumn ?? lastColumn;
            }
            if (name.Length == 0)
                return Invalid(string.Format(CultureInfo.InvariantCulture, "no name: the row has no value in a name column ({0}), nor in {1} / {2}.",
                    CandidateColumns.Describe(CandidateColumns.Name), CandidateColumns.Describe(CandidateColumns.FirstName), CandidateColumns.Describe(CandidateColumns.LastName)));
            if (BrokenText(name)) return Invalid($"column '{nameColumn}' {BrokenTextProblem}");
            sources["name"] = nameColumn!;

            var (emailColumn, email) = First(columns, CandidateColumns.Email);
            if (email.Length == 0)
                return Invalid($"no email: the row has no value in an email column ({CandidateColumns.Describe(CandidateColumns.Email)}).");
            if (BrokenText(email)) return Invalid($"column '{emailColumn}' {BrokenTextProblem}");
            if (InvisibleCharacter(email) is string invisible)
                return Invalid($"column '{emailColumn}': '{email}' is not an email address: it contains an invisible or control character ({invisible}).");
            if (!IsEmail(email)) return Invalid($"column '{emailColumn}': '{email}' is not an email address.");
            sources["email"] = emailColumn!;

            string? phone = null;
            var (phoneColumn, rawPhone) = First(columns, CandidateColumns.Phone);
            if (rawPhone.Length > 0)
            {
                phone = NormalizePhone(rawPhone);
                if (phone is null && _defaultRegion is null)
                    return Invalid($"column '{phoneColumn}': '{rawPhone}' is not a phone number in international form (E.164, e.g. +12065551234): include the country code, or name the country of national numbers with -DefaultRegion (e.g. -DefaultRegion US).");
                if (phone is null)
                {
                    phone = NationalPhoneNumbers.ToE164(rawPhone, _defaultRegion!, out var reason);
                    if (phone is null)
                        return Invalid($"column '{phoneColumn}': '{rawPhone}' is not a valid phone number of {_defaultRegion} or in international form: {reason}.");
                }
                sources["phone_number"] = phoneColumn!;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in _metadataColumns)
            {
                if (!TryColumn(row, columns, column, out var value))
                {
                    if (_missingColumnsReported.Add(column))
                        warning = string.Format(CultureInfo.InvariantCulture,
                            "Data row {0} has no column '{1}' named in -MetadataProperty; rows without it are sent without that metadata key.", number, column);
                    continue;
                }
                if (value.Length > 0) metadata[column] = value;
            }
            foreach (var pair in _fixedMetadata) metadata[pair.Key] = pair.Value;

            var problem = CheckMetadata(metadata);
            if (problem != null) return Invalid("metadata " + problem);

            return CandidateRead.Valid(new CandidateIngestItem
            {
                Name = name,
                Email = email,
                PhoneNumber = phone,
                Metadata = metadata.Count > 0 ? metadata : null,
            }, warning, sources);

            CandidateRead Invalid(string text) => CandidateRead.Invalid(Message(number, text), warning);
        }

        /// <summary>"U+200B" for the first zero-width (format) or control character of the text, or null.</summary>
        public static string? InvisibleCharacter(string text)
        {
            foreach (var c in text)
            {
                if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
            return null;
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

        /// <summary>Rows are numbered as data rows: the first row under a CSV header is data row 1 (line 2 of the file).</summary>
        private static string Message(long rowNumber, string problem) =>
            string.Format(CultureInfo.InvariantCulture, "Data row {0}: {1}", rowNumber, problem);

        /// <summary>The row's cells by normalized column name (the first of a name wins), with the column's own name.</summary>
        private static Dictionary<string, KeyValuePair<string, string>> Columns(CandidateRow row)
        {
            var columns = new Dictionary<string, KeyValuePair<string, string>>(StringComparer.Ordinal);
            foreach (var cell in row.Cells)
            {
                var key = CandidateColumns.Normalize(cell.Key);
                if (!columns.ContainsKey(key)) columns[key] = new KeyValuePair<string, string>(cell.Key, (cell.Value ?? string.Empty).Trim());
            }
            return columns;
        }

        /// <summary>The first alias with a non-blank value: the user's column name and the value.</summary>
        private static (string? Column, string Value) First(Dictionary<string, KeyValuePair<string, string>> columns, IReadOnlyList<string> aliases)
        {
            foreach (var alias in aliases)
            {
                if (columns.TryGetValue(CandidateColumns.Normalize(alias), out var cell) && cell.Value.Length > 0) return (cell.Key, cell.Value);
            }
            return (null, string.Empty);
        }

        /// <summary>A -MetadataProperty column: its exact name (case-insensitive) first, then the normalized one.</summary>
        private static bool TryColumn(CandidateRow row, Dictionary<string, KeyValuePair<string, string>> columns, string name, out string value)
        {
            foreach (var cell in row.Cells)
            {
                if (string.Equals(cell.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = (cell.Value ?? string.Empty).Trim();
                    return true;
                }
            }
            var found = columns.TryGetValue(CandidateColumns.Normalize(name), out var normalized);
            value = normalized.Value ?? string.Empty;
            return found;
        }
    }
}

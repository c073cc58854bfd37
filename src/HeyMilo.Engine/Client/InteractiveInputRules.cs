using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HeyMilo.Client
{
    /// <summary>
    /// Checks of what a user types for ONE request — New-MiloCandidate's name, email, phone and metadata,
    /// Set-MiloInterviewMetadata's pairs, the ATS cmdlets' emails — against the v2 document's schemas and
    /// the limits its descriptions state, so bad input fails with a clear message before anything is sent.
    /// Each check returns null when the input is fine, else what is wrong (a sentence naming the field).
    /// </summary>
    /// <remarks>
    /// INTERIM DUPLICATE, to be merged: Import-MiloCandidate's row checks live in
    /// src/HeyMilo/Module/CandidateRows.cs (MaxMetadata* constants, CheckMetadata, IsEmail, BrokenText,
    /// NormalizePhone) and are being moved into an engine service on another branch. The rules here are the
    /// same rules, written again so this branch does not touch the import: when that service lands, these
    /// members should become calls into it (or it should absorb <see cref="MetadataValue"/>, which the
    /// import does not have: the import reads CSV cells, which are always text).
    /// </remarks>
    internal static class InteractiveInputRules
    {
        /// <summary>"Up to 50 keys, each key max 40 chars, each value max 500 chars. All values must be strings." (MetadataRequest, CandidateIngestRequest.metadata)</summary>
        public const int MaxMetadataKeys = 50;
        public const int MaxMetadataKeyLength = 40;
        public const int MaxMetadataValueLength = 500;

        private static readonly Regex s_e164 = new Regex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant);

        /// <summary>The sentence users see for every metadata problem, as RecommendedAction.</summary>
        public static readonly string MetadataAdvice = string.Format(CultureInfo.InvariantCulture,
            "Give at most {0} keys of at most {1} characters, each with a text value of at most {2} characters.",
            MaxMetadataKeys, MaxMetadataKeyLength, MaxMetadataValueLength);

        /// <summary>Null when <paramref name="name"/> is a usable candidate name (required, not blank).</summary>
        public static string? CheckName(string? name, string field = "name")
        {
            if (name is null || name.Trim().Length == 0) return $"'{field}' is required and cannot be blank.";
            if (BrokenText(name)) return $"'{field}' {BrokenTextProblem}";
            return null;
        }

        /// <summary>Null when <paramref name="email"/> looks like an email address: one '@', a local part, a domain with a dot inside it, no whitespace.</summary>
        public static string? CheckEmail(string? email, string field = "email")
        {
            if (email is null || email.Length == 0) return $"'{field}' is required.";
            if (BrokenText(email)) return $"'{field}' {BrokenTextProblem}";
            if (!IsEmail(email)) return $"'{field}' '{email}' is not an email address.";
            return null;
        }

        /// <summary>
        /// The phone number in E.164 (spaces, dashes, dots and parentheses dropped; a leading 00 becomes +),
        /// or null with <paramref name="problem"/> saying why it cannot be one.
        /// </summary>
        public static string? NormalizePhone(string phone, out string? problem, string field = "phone_number")
        {
            var sb = new StringBuilder(phone.Length);
            foreach (var c in phone)
            {
                if (char.IsWhiteSpace(c) || c == '-' || c == '.' || c == '(' || c == ')') continue;
                sb.Append(c);
            }
            var text = sb.ToString();
            if (text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text.Substring(2);
            if (s_e164.IsMatch(text))
            {
                problem = null;
                return text;
            }
            problem = $"'{field}' '{phone}' is not a phone number in international form (E.164, e.g. +12065551234): include the country code.";
            return null;
        }

        /// <summary>
        /// One metadata value as the API stores it: text. Strings are sent as they are; numbers, booleans,
        /// characters, GUIDs and enum values as their invariant-culture text (5 → "5", $true → "True"), since
        /// that is what a PowerShell user means by @{ score = 5 }. Anything else — null, a date (no one
        /// format is right), a hashtable, an array, any other object — is refused rather than guessed at.
        /// The caller unwraps PowerShell's PSObject first.
        /// </summary>
        public static string? MetadataValue(string key, object? value, out string? problem)
        {
            problem = null;
            switch (value)
            {
                case string s:
                    return s;
                case char c:
                    return c.ToString();
                case bool b:
                    return b ? "True" : "False";
                case Guid g:
                    return g.ToString();
                case Enum e:
                    return e.ToString();
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case float _:
                case double _:
                case decimal _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                case null:
                    problem = $"metadata value of '{key}' is null; every value must be text (leave the key out instead).";
                    return null;
                default:
                    problem = $"metadata value of '{key}' is a {value.GetType().FullName}; every value must be text (or a number or boolean, sent as text).";
                    return null;
            }
        }

        /// <summary>Null when the pairs fit the API's metadata limits, else what is wrong.</summary>
        public static string? CheckMetadata(IReadOnlyDictionary<string, string> metadata)
        {
            if (metadata.Count > MaxMetadataKeys)
                return $"metadata has {metadata.Count} keys; at most {MaxMetadataKeys} are allowed.";
            foreach (var pair in metadata)
            {
                if (pair.Key.Trim().Length == 0) return "metadata has an empty key.";
                if (BrokenText(pair.Key) || BrokenText(pair.Value)) return $"metadata key '{pair.Key}' {BrokenTextProblem}";
                if (pair.Key.Length > MaxMetadataKeyLength)
                    return $"metadata key '{pair.Key}' is {pair.Key.Length} characters long; at most {MaxMetadataKeyLength} are allowed.";
                if (pair.Value.Length > MaxMetadataValueLength)
                    return $"metadata value of '{pair.Key}' is {pair.Value.Length} characters long; at most {MaxMetadataValueLength} are allowed.";
            }
            return null;
        }

        /// <summary>Null when <paramref name="text"/> (an optional free-text field) can be sent as given.</summary>
        public static string? CheckText(string? text, string field) =>
            text != null && BrokenText(text) ? $"'{field}' {BrokenTextProblem}" : null;

        private const string BrokenTextProblem =
            "contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji); it would reach the API as U+FFFD, not as given.";

        /// <summary>True when the text holds an unpaired surrogate, which JSON (UTF-8) cannot carry.</summary>
        private static bool BrokenText(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(c)) return true;
            }
            return false;
        }

        private static bool IsEmail(string email)
        {
            var at = email.IndexOf('@');
            if (at <= 0 || at != email.LastIndexOf('@')) return false;
            foreach (var c in email)
                if (char.IsWhiteSpace(c)) return false;
            var domain = email.Substring(at + 1);
            var dot = domain.IndexOf('.');
            return dot > 0 && !domain.EndsWith(".", StringComparison.Ordinal);
        }
    }
}

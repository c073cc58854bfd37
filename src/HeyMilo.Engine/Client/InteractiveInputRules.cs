using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HeyMilo.Import;

namespace HeyMilo.Client
{
    /// <summary>
    /// Checks of what a user types for ONE request — New-MiloCandidate's name, email, phone and metadata,
    /// Set-MiloInterviewMetadata's pairs, the ATS cmdlets' emails — against the v2 document's schemas and
    /// the limits its descriptions state, so bad input fails with a clear message before anything is sent.
    /// Each check returns null when the input is fine, else what is wrong (a sentence naming the field).
    /// </summary>
    /// <remarks>
    /// The rules themselves (metadata limits, email shape, E.164, broken text) are stated once, in
    /// <see cref="HeyMilo.Import.CandidateReader"/>, which the CSV import uses: these checks word them for
    /// one field instead of one row, and add <see cref="MetadataValue"/> for typed values (CSV cells are text).
    /// </remarks>
    internal static class InteractiveInputRules
    {
        /// <summary>"Up to 50 keys, each key max 40 chars, each value max 500 chars. All values must be strings." (MetadataRequest, CandidateIngestRequest.metadata)</summary>
        public const int MaxMetadataKeys = CandidateReader.MaxMetadataKeys;
        public const int MaxMetadataKeyLength = CandidateReader.MaxMetadataKeyLength;
        public const int MaxMetadataValueLength = CandidateReader.MaxMetadataValueLength;


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
            var normalized = CandidateReader.NormalizePhone(phone);
            problem = normalized is null
                ? $"'{field}' '{phone}' is not a phone number in international form (E.164, e.g. +12065551234): include the country code, or name the country of a national number with -DefaultRegion (e.g. -DefaultRegion US)."
                : null;
            return normalized;
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
            if (metadata.Keys.Any(k => k.Trim().Length == 0)) return "metadata has an empty key.";
            return CandidateReader.CheckMetadata(metadata) is string problem ? "metadata " + problem : null;
        }

        /// <summary>Null when <paramref name="text"/> (an optional free-text field) can be sent as given.</summary>
        public static string? CheckText(string? text, string field) =>
            text != null && BrokenText(text) ? $"'{field}' {BrokenTextProblem}" : null;

        private const string BrokenTextProblem =
            "contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji); it would reach the API as U+FFFD, not as given.";

        private static bool BrokenText(string text) => CandidateReader.BrokenText(text);

        private static bool IsEmail(string email) => CandidateReader.IsEmail(email) && CandidateReader.InvisibleCharacter(email) is null;
    }
}

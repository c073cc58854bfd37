using System;
using System.Collections.Generic;
using System.Globalization;
using PhoneNumbers;

namespace HeyMilo.Import
{
    /// <summary>
    /// Phone numbers written the way a country writes them — "(206) 555-1234" — to E.164, with Google's
    /// libphonenumber metadata (libphonenumber-csharp). A class of its own so that PhoneNumbers.dll (and its
    /// metadata) loads only when an import names a default region and a row's phone is not already E.164.
    /// </summary>
    internal static class NationalPhoneNumbers
    {
        private static readonly Lazy<PhoneNumberUtil> s_util = new Lazy<PhoneNumberUtil>(PhoneNumberUtil.GetInstance);

        /// <summary>Whether libphonenumber knows the region (a two-letter ISO 3166 code such as US, GB, DE).</summary>
        public static bool IsKnownRegion(string region) => s_util.Value.GetSupportedRegions().Contains(region.ToUpperInvariant());

        /// <summary>
        /// -DefaultRegion as the upper-case ISO 3166 code libphonenumber knows ("Culture": the region of
        /// <paramref name="culture"/>), or null with the UnknownRegion <paramref name="problem"/> (Target: what was given).
        /// </summary>
        public static string? DefaultRegion(string given, CultureInfo culture, out CommandProblem? problem)
        {
            var region = given;
            problem = null;
            if (string.Equals(given, "Culture", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    region = new RegionInfo(culture.Name).TwoLetterISORegionName;
                }
                catch (ArgumentException)
                {
                    region = string.Empty;
                }
                if (region.Length != 2)
                    problem = UnknownRegion($"The current culture '{culture.Name}' names no country, so -DefaultRegion Culture has no region to read phone numbers in.",
                        given, "Name the country with its two-letter code, e.g. -DefaultRegion US.");
            }
            if (problem is null && !IsKnownRegion(region))
                problem = UnknownRegion($"'{region}' is not a country code libphonenumber knows.", given, "Use a two-letter ISO 3166 code, e.g. US, GB, DE, FR.");
            return problem is null ? region.ToUpperInvariant() : null;
        }

        private static CommandProblem UnknownRegion(string message, string given, string advice) =>
            new CommandProblem("UnknownRegion", CommandProblemKind.InvalidArgument, message, given, advice);

        /// <summary>The E.164 form of <paramref name="phone"/> read in <paramref name="region"/>, or null with the reason it is not a valid number.</summary>
        public static string? ToE164(string phone, string region, out string? reason)
        {
            var util = s_util.Value;
            PhoneNumbers.PhoneNumber parsed;
            try
            {
                parsed = util.Parse(phone, region.ToUpperInvariant());
            }
            catch (NumberParseException ex)
            {
                reason = Describe(ex.ErrorType);
                return null;
            }
            if (!util.IsValidNumber(parsed))
            {
                reason = util.IsPossibleNumber(parsed)
                    ? $"it is not a number in use in {region.ToUpperInvariant()} (libphonenumber: invalid number)"
                    : $"it has the wrong number of digits for {region.ToUpperInvariant()} (libphonenumber: {util.IsPossibleNumberWithReason(parsed)})";
                return null;
            }
            reason = null;
            return util.Format(parsed, PhoneNumberFormat.E164);
        }

        private static string Describe(ErrorType error)
        {
            switch (error)
            {
                case ErrorType.INVALID_COUNTRY_CODE: return "its country code is not one libphonenumber knows";
                case ErrorType.NOT_A_NUMBER: return "it is not a phone number";
                case ErrorType.TOO_SHORT_AFTER_IDD:
                case ErrorType.TOO_SHORT_NSN: return "it is too short";
                case ErrorType.TOO_LONG: return "it is too long";
                default: return "libphonenumber cannot read it (" + error + ")";
            }
        }
    }
}

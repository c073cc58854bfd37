using System;
using System.Collections.Generic;
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

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace HeyMilo.Transport
{
    /// <summary>Every line the module logs passes through here: secrets become "***".</summary>
    internal static class Redactor
    {
        public const string Mask = "***";

        private static readonly Regex s_secretFields = new Regex(
            "(\"(?:[a-z_\\-]*api[_\\-]?key|x-api-key|token|access_token|refresh_token|secret|client_secret|password|authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // Credentials in free text (an error message that quotes a header or a query string).
        private static readonly Regex s_bearer = new Regex(
            @"\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex s_secretPairs = new Regex(
            @"\b((?:[a-z_\-]*api[_\-]?key|access_token|refresh_token|token|client_secret|secret|password)\s*=\s*)[^&\s""',;]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static string Redact(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var secret in secrets)
            {
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4)
                    result = result.Replace(secret, Mask);
            }
            result = s_secretFields.Replace(result, m => m.Groups[1].Value + "\"" + Mask + "\"");
            result = s_bearer.Replace(result, m => m.Groups[1].Value + " " + Mask);
            return s_secretPairs.Replace(result, m => m.Groups[1].Value + Mask);
        }
    }
}

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

        public static string Redact(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var secret in secrets)
            {
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4)
                    result = result.Replace(secret, Mask);
            }
            return s_secretFields.Replace(result, m => m.Groups[1].Value + "\"" + Mask + "\"");
        }
    }
}

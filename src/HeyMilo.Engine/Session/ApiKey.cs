using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace HeyMilo.Session
{
    /// <summary>Everything done with the key in plain text: reveal it for the header, fingerprint it, hash it for the rate-limit registry.</summary>
    internal static class ApiKey
    {
        public static SecureString FromPlainText(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public static bool IsEmpty(SecureString key) => key.Length == 0 || WithPlainText(key, s => s.Trim().Length == 0);

        /// <summary>"****abcd": at most the last four characters, none for short keys.</summary>
        public static string Fingerprint(SecureString key) =>
            WithPlainText(key, s => s.Length >= 12 ? "****" + s.Substring(s.Length - 4) : "****");

        /// <summary>SHA-256 of the key: identifies it in process-wide tables without keeping it.</summary>
        public static string Id(SecureString key) =>
            WithPlainText(key, s =>
            {
                using var sha = SHA256.Create();
                return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(s))).Replace("-", string.Empty);
            });

        /// <summary>
        /// The one place the key leaves its SecureString: the transport calls it to set X-API-KEY (and to
        /// know what to redact); nothing else keeps the returned string.
        /// </summary>
        public static string Reveal(SecureString key)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(key);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        private static T WithPlainText<T>(SecureString key, Func<string, T> use) => use(Reveal(key));
    }
}

using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace HeyMilo.Session
{
    /// <summary>The few things ever done with the key outside the transport: fingerprint it and hash it for the rate-limit registry.</summary>
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

        private static T WithPlainText<T>(SecureString key, Func<string, T> use)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(key);
                return use(Marshal.PtrToStringUni(ptr) ?? string.Empty);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The rate-limit headers the module reads, in one place (the API documents that they exist but not
    /// their names; see docs/api-choices.md): X-RateLimit-Limit, X-RateLimit-Remaining,
    /// X-RateLimit-Reset (seconds until reset, or a Unix time when larger than 10^9), the IETF
    /// RateLimit-* equivalents, and Retry-After (seconds or an HTTP date).
    /// </summary>
    internal static class RateLimitHeaders
    {
        private const long UnixTimeThreshold = 1_000_000_000;

        public static int? Limit(HttpResponseMessage response) => Int(response, "X-RateLimit-Limit", "RateLimit-Limit");

        public static int? Remaining(HttpResponseMessage response) => Int(response, "X-RateLimit-Remaining", "RateLimit-Remaining");

        public static TimeSpan? ResetIn(HttpResponseMessage response, DateTimeOffset now)
        {
            var raw = First(response, "X-RateLimit-Reset", "RateLimit-Reset");
            if (raw is null || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
                return null;
            if (value > UnixTimeThreshold)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000));
                return at > now ? at - now : TimeSpan.Zero;
            }
            return TimeSpan.FromSeconds(value);
        }

        public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header is null)
            {
                // Some servers send a value that the typed parser rejects (e.g. "1.5"); read it raw.
                var raw = First(response, "Retry-After");
                if (raw != null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var secs) && secs >= 0)
                    return TimeSpan.FromSeconds(secs);
                return null;
            }
            if (header.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
            return null;
        }

        /// <summary>
        /// The one rule for how long the server asked the client to wait: Retry-After when the response has
        /// one; else, on a 429 or when the window has no requests left (remaining 0), the time until the
        /// rate-limit window resets. Null: the server asked for no pause.
        /// </summary>
        public static TimeSpan? ServerRequestedPause(HttpResponseMessage response, DateTimeOffset now)
        {
            if (RetryAfter(response, now) is TimeSpan retryAfter) return retryAfter;
            var exhausted = (int)response.StatusCode == 429 || Remaining(response) is int r && r <= 0;
            return exhausted && ResetIn(response, now) is TimeSpan reset && reset > TimeSpan.Zero ? reset : (TimeSpan?)null;
        }

        /// <summary>Whether the response asks every caller of the key to pause (a 429, or no requests left in the window).</summary>
        public static bool PausesTheKey(HttpResponseMessage response) =>
            (int)response.StatusCode == 429 || Remaining(response) is int r && r <= 0;

        public static string? RequestId(HttpResponseMessage response) =>
            First(response, "X-Request-Id", "Request-Id", "X-Correlation-Id");

        private static int? Int(HttpResponseMessage response, params string[] names)
        {
            var raw = First(response, names);
            return raw != null && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        }

        private static string? First(HttpResponseMessage response, params string[] names)
        {
            foreach (var name in names)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    var value = values.FirstOrDefault();
                    if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
                }
            }
            return null;
        }
    }
}

using System;
using HeyMilo.Transport;

namespace HeyMilo.Session
{
    /// <summary>Connect-Milo's parameters as transport settings: the base URIs it may send the key to, the limits and timeouts.</summary>
    internal static class ConnectionOptions
    {
        /// <summary>
        /// <paramref name="uri"/> as a base URI ending in '/', without query or fragment; null with the problem when the
        /// key must not go there: not absolute http(s), or http:// to a host that is not loopback (the bundled simulator).
        /// </summary>
        public static Uri? BaseUri(Uri uri, string parameter, out CommandProblem? problem)
        {
            problem = null;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                problem = new CommandProblem("InvalidBaseUri", CommandProblemKind.InvalidArgument,
                    $"-{parameter} '{uri}' is not an absolute http(s) URI.", uri, "Pass a URI such as https://api.heymilo.ai.");
            else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                problem = new CommandProblem("InsecureBaseUri", CommandProblemKind.SecurityError,
                    $"-{parameter} '{uri}' uses http://: the API key would travel unencrypted. http:// is allowed only for loopback hosts (the bundled simulator).",
                    uri, "Use an https:// URI.");
            if (problem != null) return null;
            var text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        /// <summary>The whole call may take at least 10 minutes, and twice every attempt's timeout.</summary>
        public static TransportSettings Settings(Uri baseUri, Uri legacyBaseUri, int requestsPerMinute, int maxRetries, int timeoutSec, int maxRateLimitWaitSec) =>
            new TransportSettings
            {
                BaseUri = baseUri,
                LegacyBaseUri = legacyBaseUri,
                RequestsPerMinute = requestsPerMinute,
                MaxRetries = maxRetries,
                AttemptTimeout = TimeSpan.FromSeconds(timeoutSec),
                TotalTimeout = TimeSpan.FromSeconds(Math.Max(600, timeoutSec * (maxRetries + 1) * 2)),
                MaxRateLimitWait = TimeSpan.FromSeconds(maxRateLimitWaitSec),
            };
    }
}

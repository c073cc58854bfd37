using System.Net.Http;

namespace HeyMilo.Transport
{
    /// <summary>Per-request facts the handlers need, carried on the request message.</summary>
    internal static class RequestOptions
    {
        private const string IdempotentKey = "HeyMilo.Idempotent";
        private const string StreamingKey = "HeyMilo.Streaming";
        private const string AttemptKey = "HeyMilo.Attempt";

        public static void SetIdempotent(HttpRequestMessage request, bool value) => request.Properties[IdempotentKey] = value;

        /// <summary>
        /// Whether sending the request twice cannot do the work twice. Safe methods always are; an
        /// unsafe method is only when its call site says so (see docs/transport.md).
        /// </summary>
        public static bool IsIdempotent(HttpRequestMessage request)
        {
            if (request.Properties.TryGetValue(IdempotentKey, out var v) && v is bool b) return b;
            return request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options;
        }

        public static void SetStreaming(HttpRequestMessage request) => request.Properties[StreamingKey] = true;

        public static bool IsStreaming(HttpRequestMessage request) =>
            request.Properties.TryGetValue(StreamingKey, out var v) && v is bool b && b;

        public static int NextAttempt(HttpRequestMessage request)
        {
            var attempt = request.Properties.TryGetValue(AttemptKey, out var v) && v is int n ? n + 1 : 1;
            request.Properties[AttemptKey] = attempt;
            return attempt;
        }

        public static string Describe(HttpRequestMessage request) =>
            request.Method.Method + " " + (request.RequestUri?.PathAndQuery ?? string.Empty);
    }
}

using System;
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
        /// The one rule for which HTTP methods are idempotent (RFC 9110 9.2.2): GET, HEAD, OPTIONS, TRACE,
        /// PUT and DELETE. POST and PATCH are not, unless a call site says so for a call the API makes
        /// idempotent (see docs/transport.md).
        /// </summary>
        public static bool IsIdempotentMethod(HttpMethod method)
        {
            switch (method.Method.ToUpperInvariant())
            {
                case "GET":
                case "HEAD":
                case "OPTIONS":
                case "TRACE":
                case "PUT":
                case "DELETE":
                // Every PATCH of the API sets the fields sent to the values sent: a repeat changes nothing more.
                // POST is off the list: a call site marks a POST idempotent only when a repeat cannot create a
                // second thing (activate, archive, reorder, candidate ingestion without retake).
                case "PATCH":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether sending the request twice cannot do the work twice: what its call site said
        /// (<see cref="ApiCall.Idempotent"/>), else the method's rule.
        /// </summary>
        public static bool IsIdempotent(HttpRequestMessage request)
        {
            if (request.Properties.TryGetValue(IdempotentKey, out var v) && v is bool b) return b;
            return IsIdempotentMethod(request.Method);
        }

        private const string ReachedKey = "HeyMilo.MayHaveReachedServer";

        /// <summary>
        /// Set as an attempt is handed to the network, cleared again when the server answers that it did not
        /// act (3xx/4xx, 429) or the connection was never opened. What is left after the last attempt becomes
        /// <see cref="MiloApiException.MayHaveReachedServer"/>.
        /// </summary>
        public static void SetMayHaveReachedServer(HttpRequestMessage request, bool value) => request.Properties[ReachedKey] = value;

        public static bool MayHaveReachedServer(HttpRequestMessage request) =>
            request.Properties.TryGetValue(ReachedKey, out var v) && v is bool b && b;

        /// <summary>Whether a failure shows the request never left this machine: the connection was refused, the name did not resolve, TLS failed.</summary>
        public static bool NeverConnected(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is System.Security.Authentication.AuthenticationException) return true;
                if (e is System.Net.Sockets.SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.HostNotFound:
                        case System.Net.Sockets.SocketError.HostUnreachable:
                        case System.Net.Sockets.SocketError.NetworkUnreachable:
                        case System.Net.Sockets.SocketError.NoData:
                        case System.Net.Sockets.SocketError.TryAgain:
                        case System.Net.Sockets.SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }
            return false;
        }

        private const string AttemptStartedKey = "HeyMilo.AttemptStarted";

        /// <summary>When the current attempt was handed to the network (a ModuleClock timestamp): a streamed body's deadline counts from it.</summary>
        public static void SetAttemptStarted(HttpRequestMessage request, long timestamp) => request.Properties[AttemptStartedKey] = timestamp;

        public static long? AttemptStarted(HttpRequestMessage request) =>
            request.Properties.TryGetValue(AttemptStartedKey, out var v) && v is long t ? t : (long?)null;

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

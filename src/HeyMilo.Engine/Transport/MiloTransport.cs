using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;
using HeyMilo.Session;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The session's HTTP transport, and the only code that talks to the network: one HttpClient,
    /// the X-API-KEY header (only ever sent to the session's API hosts), the User-Agent, the resilience
    /// pipeline, the shared rate-limit gate, request logging, and turning failures into
    /// <see cref="MiloApiException"/>.
    /// </summary>
    internal sealed class MiloTransport : IDisposable
    {
        private const int MaxRedirects = 5;
        private static readonly string s_userAgent = BuildUserAgent();

        private readonly SecureString _key;
        private readonly HttpClient _http;

        public MiloTransport(TransportSettings settings, SecureString key, string keyId)
        {
            Settings = settings;
            _key = key.Copy();
            _key.MakeReadOnly();
            Gate = RateLimitGate.For(keyId, settings.RequestsPerMinute);

            var pipeline = RetryRules.Build(settings, Gate);
            var handler = new ResilienceHandler(pipeline)
            {
                InnerHandler = new RequestLogHandler(() => new[] { RevealKey() })
                {
                    InnerHandler = CreatePrimaryHandler(),
                },
            };
            _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public TransportSettings Settings { get; }
        public RateLimitGate Gate { get; }

        /// <summary>Sends the call and deserializes the 2xx body.</summary>
        public async Task<T> SendAsync<T>(ApiCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        {
            using var response = await SendCoreAsync(call, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(call, response, responseType, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends the call and returns the 2xx response unread (caller disposes; for downloads).</summary>
        public Task<HttpResponseMessage> SendForStreamAsync(ApiCall call, CancellationToken cancellationToken)
        {
            call.Streaming = true;
            return SendCoreAsync(call, cancellationToken);
        }

        /// <summary>Downloads an absolute URL (an export file); the API key goes along only to the session's API hosts.</summary>
        public Task<HttpResponseMessage> DownloadAsync(Uri absolute, CancellationToken cancellationToken) =>
            SendToAsync(HttpMethod.Get, absolute, null, idempotent: true, streaming: true, cancellationToken);

        /// <summary>
        /// A download's body is read by the caller, outside the retry pipeline: it gets the same bound as any
        /// response — the attempt's -TimeoutSec, counted from when the attempt was sent, body included — and a
        /// size cap (<see cref="ResponseBody.MaxDownloadBytes"/>).
        /// </summary>
        private void BoundStreamedBody(HttpRequestMessage request, HttpResponseMessage response)
        {
            var clock = ModuleClock.Current;
            var started = RequestOptions.AttemptStarted(request) ?? clock.GetTimestamp();
            var timeout = Settings.AttemptTimeout;
            var inner = response.Content;
            response.Content = new BoundedContent(inner, body =>
                new BoundedStream(body, request, response, timeout - clock.GetElapsedTime(started), timeout, ResponseBody.MaxDownloadBytes));
        }

        public bool IsApiHost(Uri uri) => SameOrigin(uri, Settings.BaseUri) || SameOrigin(uri, Settings.LegacyBaseUri);

        public Uri Resolve(ApiCall call) =>
            new Uri(call.Legacy ? Settings.LegacyBaseUri : Settings.BaseUri, call.RelativeUri());

        private Task<HttpResponseMessage> SendCoreAsync(ApiCall call, CancellationToken cancellationToken) =>
            SendToAsync(call.Method, Resolve(call), call.Body, call.Idempotent, call.Streaming, cancellationToken);

        private async Task<HttpResponseMessage> SendToAsync(HttpMethod method, Uri uri, byte[]? body, bool idempotent, bool streaming, CancellationToken cancellationToken)
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(method, uri);
                if (body != null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }
                else if (!idempotent)
                {
                    // SocketsHttpHandler re-sends, below the retry pipeline and up to three times, a request
                    // without content whose connection closes before any response byte (HttpConnection sets
                    // _canRetry only when request.Content is null). A clone that the server carried out before
                    // the connection dropped would be carried out again. An empty body (Content-Length: 0)
                    // turns that off; the retry pipeline alone decides whether the request is sent again.
                    request.Content = new ByteArrayContent(Array.Empty<byte>());
                }
                request.Headers.UserAgent.ParseAdd(s_userAgent);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (IsApiHost(uri)) request.Headers.TryAddWithoutValidation("X-API-KEY", RevealKey());
                RequestOptions.SetIdempotent(request, idempotent);
                if (streaming) RequestOptions.SetStreaming(request);

                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
                {
                    throw new RequestCancelledException(RequestOptions.MayHaveReachedServer(request), ex, cancellationToken);
                }
                catch (Exception ex) when (ex is TimeoutRejectedException || ex is OperationCanceledException)
                {
                    throw new MiloApiException(MiloFailureKind.Timeout, "The request timed out" + (ex is TimeoutRejectedException t ? $" after {t.Timeout.TotalSeconds:0.#} s." : "."),
                        method.Method, uri.PathAndQuery, inner: ex,
                        idempotent: idempotent, mayHaveReachedServer: RequestOptions.MayHaveReachedServer(request));
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
                {
                    throw new MiloApiException(MiloFailureKind.Network, "The API could not be reached: " + Redactor.Redact(Innermost(ex).Message, new[] { RevealKey() }),
                        method.Method, uri.PathAndQuery, inner: ex,
                        idempotent: idempotent, mayHaveReachedServer: RequestOptions.MayHaveReachedServer(request));
                }

                var status = (int)response.StatusCode;
                if (status >= 300 && status < 400 && response.Headers.Location is Uri location && hop < MaxRedirects && method == HttpMethod.Get)
                {
                    // Followed by hand: an automatic redirect would carry X-API-KEY to whatever host the Location names.
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    response.Dispose();
                    continue;
                }

                if (status >= 200 && status < 300)
                {
                    if (streaming && response.Content != null) BoundStreamedBody(request, response);
                    return response;
                }

                using (response)
                {
                    var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    throw ApiErrors.FromResponse(request, response, text, new[] { RevealKey() }, idempotent);
                }
            }
        }

        private async Task<T> ReadJsonAsync<T>(ApiCall call, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        {
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var value = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
                if (value is null) throw new JsonException("The response body is empty.");
                return value;
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is NotSupportedException)
            {
                throw new MiloApiException(MiloFailureKind.InvalidResponse,
                    "The API returned a response the module cannot read: " + Redactor.Redact(ex.Message, new[] { RevealKey() }),
                    call.Method.Method, Resolve(call).PathAndQuery, (int)response.StatusCode,
                    requestId: RateLimitHeaders.RequestId(response), inner: ex,
                    idempotent: call.Idempotent, mayHaveReachedServer: true);
            }
        }

        internal string RevealKey() => ApiKey.Reveal(_key);

        public void Dispose()
        {
            _http.Dispose();
            _key.Dispose();
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        /// <summary>SocketsHttpHandler where the runtime has it (PowerShell 7), HttpClientHandler on .NET Framework.</summary>
        private static HttpMessageHandler CreatePrimaryHandler()
        {
            var socketsType = typeof(HttpClient).Assembly.GetType("System.Net.Http.SocketsHttpHandler");
            if (socketsType != null && Activator.CreateInstance(socketsType) is HttpMessageHandler sockets)
            {
                socketsType.GetProperty("AllowAutoRedirect")?.SetValue(sockets, false);
                socketsType.GetProperty("AutomaticDecompression")?.SetValue(sockets, DecompressionMethods.GZip | DecompressionMethods.Deflate);
                socketsType.GetProperty("PooledConnectionLifetime")?.SetValue(sockets, TimeSpan.FromMinutes(5));
                socketsType.GetProperty("MaxConnectionsPerServer")?.SetValue(sockets, 16);
                return sockets;
            }

            // .NET Framework: make sure TLS 1.2 is on even where the OS default is older.
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            return new UnsafeRequestsOnFreshConnections(NewFrameworkHandler(), NewFrameworkHandler());
        }

        private static HttpClientHandler NewFrameworkHandler() => new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

        /// <summary>
        /// .NET Framework's HttpWebRequest re-submits a request whose kept-alive connection turns out to be
        /// closed (KeepAliveFailure), a POST included. There, requests that are not idempotent go through a
        /// handler of their own (each HttpClientHandler has its own connection group) with
        /// "Connection: close", so they never start on a kept-alive connection and are sent once per attempt.
        /// </summary>
        private sealed class UnsafeRequestsOnFreshConnections : DelegatingHandler
        {
            private readonly HttpMessageInvoker _fresh;

            public UnsafeRequestsOnFreshConnections(HttpMessageHandler pooled, HttpMessageHandler fresh) : base(pooled) =>
                _fresh = new HttpMessageInvoker(fresh, disposeHandler: true);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (RequestOptions.IsIdempotent(request)) return base.SendAsync(request, cancellationToken);
                request.Headers.ConnectionClose = true;
                return _fresh.SendAsync(request, cancellationToken);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) _fresh.Dispose();
                base.Dispose(disposing);
            }
        }

        private static string BuildUserAgent()
        {
            var version = typeof(MiloTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            var runtime = RuntimeInformation.FrameworkDescription.Replace('(', ' ').Replace(')', ' ').Trim();
            return $"HeyMilo-PowerShell/{version} ({runtime}; {RuntimeInformation.OSDescription.Replace('(', ' ').Replace(')', ' ').Trim()})";
        }
    }
}

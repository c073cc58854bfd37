using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>
    /// Innermost handler, once per attempt: reads the response body (bounded: ResponseBody; a connection
    /// lost mid-body fails inside the retry pipeline and can be retried), and logs the attempt — method, path,
    /// status, attempt number, elapsed — to -Verbose, and redacted bodies to -Debug.
    /// </summary>
    internal sealed class RequestLogHandler : DelegatingHandler
    {
        private readonly Func<IEnumerable<string?>> _secrets;

        public RequestLogHandler(Func<IEnumerable<string?>> secrets) => _secrets = secrets;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = RequestOptions.NextAttempt(request);
            var line = RequestOptions.Describe(request);
            var log = OperationLog.Current;
            if (log != null && log.DebugEnabled && request.Content != null)
            {
                var body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"HeyMilo: {line} request body: {Redactor.Redact(body, _secrets())}");
            }

            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            RequestOptions.SetMayHaveReachedServer(request, true);
            RequestOptions.SetAttemptStarted(request, ModuleClock.Current.GetTimestamp());
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                // 3xx and 4xx (429 included) say the server did not act; 2xx says it did, 5xx that it may have.
                if (status >= 300 && status < 500) RequestOptions.SetMayHaveReachedServer(request, false);
                // The body is read here, inside the attempt: its timeout and the command's Ctrl+C cover it too.
                // A download's 2xx body is streamed by its caller instead (MiloTransport bounds that read).
                if (!RequestOptions.IsStreaming(request))
                    await ResponseBody.BufferAsync(request, response, ResponseBody.MaxJsonBytes, cancellationToken).ConfigureAwait(false);
                else if (status < 200 || status >= 300)
                    await ResponseBody.BufferAsync(request, response, ResponseBody.MaxErrorBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                if (RequestOptions.NeverConnected(ex)) RequestOptions.SetMayHaveReachedServer(request, false);
                OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "HeyMilo: {0} -> {1} (attempt {2}, {3} ms)", line, Redactor.Redact(ex.Message, _secrets()), attempt, watch.ElapsedMilliseconds));
                throw;
            }

            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                "HeyMilo: {0} -> {1} {2} (attempt {3}, {4} ms{5})", line, (int)response.StatusCode, response.ReasonPhrase,
                attempt, watch.ElapsedMilliseconds,
                RateLimitHeaders.RequestId(response) is string id ? ", request " + id : string.Empty));

            if (log != null && log.DebugEnabled && response.Content != null && !RequestOptions.IsStreaming(request))
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"HeyMilo: {line} response body: {Redactor.Redact(body, _secrets())}");
            }
            return response;
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;
using HeyMilo.Transport;

namespace HeyMilo.Export
{
    /// <summary>
    /// Downloads an export file and checks it before it counts: the byte count against Content-Length
    /// when the server sends one, and that the body is one complete JSON document (a body cut short
    /// without Content-Length ends like a complete one). A body that fails either check, or whose read
    /// fails, is a network failure: it is downloaded again, as the transport retries a GET, and after
    /// the last try it is a MiloApiException of kind Network. A write to the file that fails is a
    /// write error, never retried.
    /// </summary>
    internal static class ExportDownload
    {
        private const int BufferSize = 81920;

        public static async Task DownloadAsync(MiloTransport transport, Uri fileUri, Stream output, string target, CancellationToken ct)
        {
            var settings = transport.Settings;
            for (var attempt = 0; ; attempt++)
            {
                // A failure before the body (no answer, 5xx) was already retried by the transport and propagates.
                var (problem, cause) = await TryOnceAsync(transport, fileUri, output, target, ct).ConfigureAwait(false);
                if (problem.Length == 0) return;

                var failure = $"The export file {fileUri.AbsolutePath} was not downloaded whole: {problem}";
                if (attempt >= settings.MaxRetries)
                {
                    // The transport's own verdict on the body (its attempt timeout, a lost connection) stays as it said it.
                    if (cause != null) ExceptionDispatchInfo.Capture(cause).Throw();
                    throw new MiloApiException(MiloFailureKind.Network, failure + (attempt > 0 ? $" (after {attempt + 1} attempts)" : string.Empty),
                        "GET", fileUri.PathAndQuery);
                }
                var delay = Backoff(settings, attempt);
                var text = string.Format(CultureInfo.InvariantCulture, "HeyMilo: retrying GET {0} in {1:0.0} s (retry {2} of {3}) after: {4}",
                    fileUri.AbsolutePath, delay.TotalSeconds, attempt + 1, settings.MaxRetries, failure);
                if (delay >= TimeSpan.FromSeconds(30)) OperationLog.Warning(text); else OperationLog.Verbose(text);
                await ModuleClock.Current.Delay(delay, ct).ConfigureAwait(false);
            }
        }

        /// <summary>One download into <paramref name="output"/> (emptied first); "" when whole, else what is wrong (and the transport's exception, if it said so).</summary>
        private static async Task<(string Problem, MiloApiException? Cause)> TryOnceAsync(MiloTransport transport, Uri fileUri, Stream output, string target, CancellationToken ct)
        {
            Write(() => output.SetLength(0), target);
            output.Position = 0;
            // DownloadAsync sends X-API-KEY only to the session's API hosts, never to a file host.
            using var response = await transport.DownloadAsync(fileUri, ct).ConfigureAwait(false);
            var expected = response.Content.Headers.ContentLength;
            long received = 0;
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                var buffer = new byte[BufferSize];
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException || ex is HttpRequestException
                        || (ex is MiloApiException api && (api.Kind == MiloFailureKind.Network || api.Kind == MiloFailureKind.Timeout)))
                    {
                        // The transport's bounded body stream reports a lost connection or a read past the
                        // attempt's time as a MiloApiException; either way this body is not whole.
                        return ($"the connection failed after {received} bytes ({ex.Message}).", ex as MiloApiException);
                    }
                    if (read == 0) break;
                    received += read;
                    try
                    {
                        await output.WriteAsync(buffer, 0, read, ct).ConfigureAwait(false);
                    }
                    catch (IOException ex)
                    {
                        throw ExportException.WriteFailed(ex, target);
                    }
                }
            }
            Write(() => output.Flush(), target);
            if (expected is long length && length != received)
                return ($"{received} of {length} bytes (Content-Length) arrived.", null);
            output.Position = 0;
            var invalid = JsonProblem(output);
            return (invalid is null ? string.Empty : $"the {received} bytes that arrived are not one complete JSON document ({invalid}).", null);
        }

        /// <summary>Null when the stream holds exactly one complete JSON value; read in pieces, in constant memory.</summary>
        internal static string? JsonProblem(Stream stream)
        {
            var buffer = new byte[BufferSize];
            var state = new JsonReaderState();
            var kept = 0;
            var tokens = 0L;
            try
            {
                while (true)
                {
                    var read = stream.Read(buffer, kept, buffer.Length - kept);
                    var final = read == 0;
                    var length = kept + read;
                    var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, length), final, state);
                    while (reader.Read()) tokens++;
                    if (final) return tokens == 0 ? "it is empty" : null;
                    state = reader.CurrentState;
                    kept = length - (int)reader.BytesConsumed;
                    if (kept == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    Buffer.BlockCopy(buffer, (int)reader.BytesConsumed, buffer, 0, kept);
                }
            }
            catch (JsonException ex)
            {
                return ex.Message;
            }
        }

        private static TimeSpan Backoff(TransportSettings settings, int attempt)
        {
            var ticks = settings.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 16));
            return ticks >= settings.MaxRetryDelay.Ticks ? settings.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
        }

        private static void Write(Action action, string target)
        {
            try
            {
                action();
            }
            catch (IOException ex)
            {
                throw ExportException.WriteFailed(ex, target);
            }
        }
    }
}

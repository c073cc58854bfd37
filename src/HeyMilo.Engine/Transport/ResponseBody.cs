using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>
    /// Reading response bodies, bounded in time and size. A JSON answer is read whole inside the attempt
    /// (so -TimeoutSec and Ctrl+C cover the body, not just the headers) and may be at most
    /// <see cref="MaxJsonBytes"/>; a download is streamed by its caller through <see cref="BoundedStream"/>,
    /// which keeps the same deadline and a cap of <see cref="MaxDownloadBytes"/>.
    /// </summary>
    internal static class ResponseBody
    {
        /// <summary>64 MiB: a page of 100 objects is a few hundred KB; anything near this is not an answer the module can use.</summary>
        public const long MaxJsonBytes = 64L * 1024 * 1024;

        /// <summary>1 GiB: an interview export file; larger is refused rather than written to disk unchecked.</summary>
        public const long MaxDownloadBytes = 1024L * 1024 * 1024;

        /// <summary>The error body of a streamed request (a download that failed) is read up to this much.</summary>
        public const long MaxErrorBytes = 1024L * 1024;

        /// <summary>
        /// Reads the body into memory, observing <paramref name="cancellationToken"/> on every read (the attempt
        /// timeout and the command's Ctrl+C), and replaces the content with the bytes read.
        /// A cut-off body is an HttpRequestException (transient: retried when the request is idempotent); a body
        /// over <paramref name="cap"/> is a MiloApiException (not retried: it would be as large again).
        /// </summary>
        public static async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, long cap, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content is null) return;
            if (content.Headers.ContentLength is long declared && declared > cap) throw TooLarge(request, response, cap);

            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new MemoryStream(content.Headers.ContentLength is long n && n > 0 ? (int)Math.Min(n, cap) : 16 * 1024);
            var chunk = new byte[81920];
            // .NET Framework's response stream may ignore the token: closing the stream ends a stalled read there.
            using (cancellationToken.Register(s => ((Stream)s!).Dispose(), stream))
            {
                try
                {
                    while (true)
                    {
                        var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        if (buffer.Length + read > cap) throw TooLarge(request, response, cap);
                        buffer.Write(chunk, 0, read);
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException)
                {
                    throw new HttpRequestException("The connection was lost while reading the response body: " + ex.Message, ex);
                }
            }

            var bytes = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
            foreach (var header in content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    bytes.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = bytes;
            content.Dispose();
        }

        internal static MiloApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response, long cap) =>
            new MiloApiException(MiloFailureKind.InvalidResponse,
                string.Format(CultureInfo.InvariantCulture, "The response is larger than {0}; the module does not read answers that large.", Size(cap)),
                request.Method.Method, request.RequestUri?.PathAndQuery ?? string.Empty, (int)response.StatusCode,
                requestId: RateLimitHeaders.RequestId(response),
                idempotent: RequestOptions.IsIdempotent(request), mayHaveReachedServer: true);

        internal static string Size(long bytes) =>
            bytes >= 1024L * 1024 * 1024
                ? (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB"
                : (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
    }

    /// <summary>
    /// A streamed response body (a download) read by code outside the retry pipeline: every read observes the
    /// caller's token and the attempt's deadline (-TimeoutSec from when the attempt was sent, on ModuleClock),
    /// and the whole body may be at most the cap. Failures are <see cref="MiloApiException"/>s: Timeout for the
    /// deadline, Network for a cut-off body, InvalidResponse for the size.
    /// </summary>
    internal sealed class BoundedStream : Stream
    {
        private readonly Stream _inner;
        private readonly HttpRequestMessage _request;
        private readonly HttpResponseMessage _response;
        private readonly CancellationTokenSource _deadline;
        private readonly TimeSpan _timeout;
        private readonly long _cap;
        private long _read;

        public BoundedStream(Stream inner, HttpRequestMessage request, HttpResponseMessage response, TimeSpan remaining, TimeSpan timeout, long cap)
        {
            _inner = inner;
            _request = request;
            _response = response;
            _timeout = timeout;
            _cap = cap;
            _deadline = ModuleClock.Current.CreateCancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1));
            if (response.Content?.Headers.ContentLength is long declared && declared > cap) throw ResponseBody.TooLarge(request, response, cap);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
            int read;
            using (linked.Token.Register(s => ((Stream)s!).Dispose(), _inner))
            {
                try
                {
                    read = await _inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (Exception ex) when (_deadline.IsCancellationRequested)
                {
                    throw Fail(MiloFailureKind.Timeout, string.Format(CultureInfo.InvariantCulture,
                        "The download did not finish within {0:0.#} s (-TimeoutSec on Connect-Milo covers the whole response); {1} bytes had arrived.", _timeout.TotalSeconds, _read), ex);
                }
                catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException)
                {
                    throw Fail(MiloFailureKind.Network, "The download was cut off after " + _read.ToString(CultureInfo.InvariantCulture) + " bytes: " + ex.Message, ex);
                }
            }
            _read += read;
            if (_read > _cap) throw ResponseBody.TooLarge(_request, _response, _cap);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        private MiloApiException Fail(MiloFailureKind kind, string message, Exception inner) =>
            new MiloApiException(kind, message, _request.Method.Method, _request.RequestUri?.PathAndQuery ?? string.Empty, (int)_response.StatusCode,
                requestId: RateLimitHeaders.RequestId(_response), inner: inner,
                idempotent: RequestOptions.IsIdempotent(_request), mayHaveReachedServer: true);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _deadline.Dispose();
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>The content of a streamed 2xx response, handing out its body as a <see cref="BoundedStream"/>.</summary>
    internal sealed class BoundedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Func<Stream, Stream> _wrap;

        public BoundedContent(HttpContent inner, Func<Stream, Stream> wrap)
        {
            _inner = inner;
            _wrap = wrap;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() => _wrap(await _inner.ReadAsStreamAsync().ConfigureAwait(false));

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            using var body = await CreateContentReadStreamAsync().ConfigureAwait(false);
            await body.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

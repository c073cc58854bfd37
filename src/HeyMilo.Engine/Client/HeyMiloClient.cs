using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// Typed HeyMilo API calls. No PowerShell types here: cmdlets bind parameters, this does the API.
    /// </summary>
    internal sealed partial class HeyMiloClient
    {
        public const int MaxPageSize = 100;

        private readonly MiloTransport _transport;

        public HeyMiloClient(MiloTransport transport) => _transport = transport;

        internal MiloTransport Transport => _transport;

        public async Task<Posting> GetPostingAsync(string postingId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/postings/" + ApiCall.Segment(postingId));
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopePosting, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        public IAsyncEnumerable<Posting> ListPostingsAsync(string? search, int pageSize, long? maxItems, System.Action<long?>? onTotal, CancellationToken ct) =>
            CursorPager.EnumerateAsync(
                async (cursor, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "api/v2/postings")
                        .Query("limit", limit)
                        .Query("starting_after", cursor)
                        .Query("search", search);
                    var page = await _transport.SendAsync(call, MiloJsonContext.Default.ListEnvelopePosting, token).ConfigureAwait(false);
                    return ToPage(page);
                },
                p => p.Id, pageSize, maxItems, "postings", onTotal, ct);

        internal static Page<T> ToPage<T>(ListEnvelope<T> envelope) =>
            new Page<T>((IReadOnlyList<T>?)envelope.Data ?? new List<T>(), envelope.Pagination?.HasMore ?? false, envelope.Pagination?.TotalCount);

        internal MiloApiException MissingData(ApiCall call) =>
            new MiloApiException(MiloFailureKind.InvalidResponse, "The API response has no 'data'.", call.Method.Method, _transport.Resolve(call).PathAndQuery,
                idempotent: call.Idempotent, mayHaveReachedServer: true);
    }
}

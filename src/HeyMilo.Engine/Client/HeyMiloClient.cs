using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
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

        public Task<Posting> GetPostingAsync(string postingId, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(HttpMethod.Get, "api/v2/postings/" + ApiCall.Segment(postingId)), ct);

        public IAsyncEnumerable<Posting> ListPostingsAsync(string? search, int pageSize, long? maxItems, System.Action<long?>? onTotal, CancellationToken ct) =>
            ListByCursorAsync((limit, cursor) => SearchPage("api/v2/postings", search, limit, cursor), MiloJsonContext.Default.ListEnvelopePosting,
                p => p.Id, pageSize, maxItems, "postings", onTotal, ct);

        /// <summary>One page of a searchable cursor listing (the postings and their summaries).</summary>
        private static ApiCall SearchPage(string path, string? search, int limit, string? cursor) =>
            new ApiCall(HttpMethod.Get, path)
                .Query("limit", limit)
                .Query("starting_after", cursor)
                .Query("search", search);

        /// <summary>A cursor-paged listing whose pages are <paramref name="pageCall"/>(limit, starting_after), read as <paramref name="type"/>.</summary>
        internal IAsyncEnumerable<T> ListByCursorAsync<T>(System.Func<int, string?, ApiCall> pageCall, JsonTypeInfo<ListEnvelope<T>> type, System.Func<T, string> idOf,
            int pageSize, long? maxItems, string what, System.Action<long?>? onTotal, CancellationToken ct) =>
            CursorPager.EnumerateAsync(
                async (cursor, limit, token) => ToPage(await _transport.SendAsync(pageCall(limit, cursor), type, token).ConfigureAwait(false)),
                idOf, pageSize, maxItems, what, onTotal, ct);

        /// <summary>Sends <paramref name="call"/> and returns the answer's data; an answer without it is an invalid response.</summary>
        internal async Task<T> SendForDataAsync<T>(ApiCall call, JsonTypeInfo<SingleEnvelope<T>> type, CancellationToken ct)
            where T : class
        {
            var envelope = await _transport.SendAsync(call, type, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        internal static Page<T> ToPage<T>(ListEnvelope<T> envelope) =>
            new Page<T>((IReadOnlyList<T>?)envelope.Data ?? new List<T>(), envelope.Pagination?.HasMore ?? false, envelope.Pagination?.TotalCount);

        internal MiloApiException MissingData(ApiCall call) =>
            new MiloApiException(MiloFailureKind.InvalidResponse, "The API response has no 'data'.", call.Method.Method, _transport.Resolve(call).PathAndQuery,
                idempotent: call.Idempotent, mayHaveReachedServer: true);
    }
}

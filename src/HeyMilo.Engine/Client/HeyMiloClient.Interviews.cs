using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>Interviews (the API calls them candidates of a posting) and their results and exports.</summary>
    internal sealed partial class HeyMiloClient
    {
        /// <summary>Bounds for GET /api/v2/postings/{id}/candidates (inclusive, UTC).</summary>
        internal sealed class InterviewFilter
        {
            public DateTimeOffset? CreatedAfter { get; set; }
            public DateTimeOffset? CreatedBefore { get; set; }
        }

        /// <summary>The API's date format for created_after / created_before: ISO-8601 UTC to the second.</summary>
        public static string ApiTimestamp(DateTimeOffset value) =>
            value.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>Streams the interviews (candidates) of one posting, following the interview_id cursor.</summary>
        public IAsyncEnumerable<Interview> ListInterviewsAsync(string postingId, InterviewFilter? filter, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct,
            ListingAudit? audit = null) =>
            ListCandidates(postingId, filter, pageSize, maxItems, onTotal, MiloJsonContext.Default.ListEnvelopeInterview, i => i.InterviewId, ct, audit);

        /// <summary>The same listing, each interview kept exactly as the API sent it (for exports).</summary>
        public IAsyncEnumerable<JsonElement> ListInterviewsRawAsync(string postingId, InterviewFilter? filter, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct,
            ListingAudit? audit = null) =>
            ListCandidates(postingId, filter, pageSize, maxItems, onTotal, MiloJsonContext.Default.ListEnvelopeJsonElement, RawInterviewId, ct, audit);

        /// <summary>GET /api/v2/interviews/{id}/data: full results; an unfinished interview comes back with its status.</summary>
        public async Task<InterviewData> GetInterviewDataAsync(string interviewId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/interviews/" + ApiCall.Segment(interviewId) + "/data");
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeInterviewData, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        /// <summary>Legacy GET /interviews/export/json?posting_id=…: starts (or reports on) the server-side export job.</summary>
        public Task<LegacyExportJob> GetExportJobAsync(string postingId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "interviews/export/json", legacy: true).Query("posting_id", postingId);
            return _transport.SendAsync(call, MiloJsonContext.Default.LegacyExportJob, ct);
        }

        private IAsyncEnumerable<T> ListCandidates<T>(string postingId, InterviewFilter? filter, int pageSize, long? maxItems, Action<long?>? onTotal,
            JsonTypeInfo<ListEnvelope<T>> pageType, Func<T, string> cursorOf, CancellationToken ct, ListingAudit? audit) =>
            CursorPager.EnumerateAsync(
                async (cursor, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "api/v2/postings/" + ApiCall.Segment(postingId) + "/candidates")
                        .Query("limit", limit)
                        .Query("starting_after", cursor)
                        .Query("created_after", filter?.CreatedAfter is DateTimeOffset after ? ApiTimestamp(after) : null)
                        .Query("created_before", filter?.CreatedBefore is DateTimeOffset before ? ApiTimestamp(before) : null);
                    var page = await _transport.SendAsync(call, pageType, token).ConfigureAwait(false);
                    return ToPage(page);
                },
                cursorOf, pageSize, maxItems, "interviews of posting " + postingId, onTotal, ct, audit);

        private static string RawInterviewId(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("interview_id", out var id) && id.ValueKind == JsonValueKind.String)
                return id.GetString()!;
            throw new MiloApiException(MiloFailureKind.InvalidResponse, "An interview in the listing has no interview_id, so the next page cannot be requested.", "GET", "candidates");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Client.Requests;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// The posting lifecycle (tag Interviewers): create, summaries, update, stats, workflow steps, activate,
    /// archive. Retries follow ApiCall's rule: create is a non-idempotent POST (retried after 429 only, a repeat
    /// could create a second posting); PATCH is idempotent; activate and archive are POSTs that cannot create
    /// anything ("re-calling activate is safe"; archiving an archived posting changes nothing), so they are
    /// marked idempotent and retried like reads.
    /// </summary>
    internal sealed partial class HeyMiloClient
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>POST /api/v2/postings. Not idempotent: the transport retries it only after 429.</summary>
        public async Task<PostingReceipt> CreatePostingAsync(RequestBody body, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings").Json(body);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeCloneReceipt, ct).ConfigureAwait(false);
            return Receipt(envelope.Data ?? throw MissingData(call));
        }

        /// <summary>GET /api/v2/postings/list: the light PostingSummary objects, cursor paged like the full listing.</summary>
        public IAsyncEnumerable<PostingSummary> ListPostingSummariesAsync(string? search, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            CursorPager.EnumerateAsync(
                async (cursor, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "api/v2/postings/list")
                        .Query("limit", limit)
                        .Query("starting_after", cursor)
                        .Query("search", search);
                    var page = await _transport.SendAsync(call, MiloJsonContext.Default.ListEnvelopePostingSummary, token).ConfigureAwait(false);
                    return ToPage(page);
                },
                p => p.Id, pageSize, maxItems, "posting summaries", onTotal, ct);

        /// <summary>PATCH /api/v2/postings/{id} with only the fields in <paramref name="body"/>.</summary>
        public async Task<Posting> UpdatePostingAsync(string postingId, RequestBody body, CancellationToken ct)
        {
            var call = new ApiCall(Patch, "api/v2/postings/" + ApiCall.Segment(postingId)).Json(body);
            return await SendPostingAsync(call, ct).ConfigureAwait(false);
        }

        public async Task<PostingStatistic> GetPostingStatisticAsync(string postingId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/postings/" + ApiCall.Segment(postingId) + "/stats");
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopePostingStatistic, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        /// <summary>PATCH /api/v2/postings/{id}/workflow/{step_id}; <paramref name="step"/> is the step's type or its 1-based order.</summary>
        public async Task<Posting> UpdateWorkflowStepAsync(string postingId, string step, Dictionary<string, object?> config, CancellationToken ct)
        {
            var call = new ApiCall(Patch, "api/v2/postings/" + ApiCall.Segment(postingId) + "/workflow/" + ApiCall.Segment(step))
                .Json(new UpdateWorkflowStepRequest { Config = config }, MiloJsonContext.Default.UpdateWorkflowStepRequest);
            return await SendPostingAsync(call, ct).ConfigureAwait(false);
        }

        /// <summary>POST /api/v2/postings/{id}/activate (idempotent: the document says re-calling it is safe).</summary>
        public Task<Posting> ActivatePostingAsync(string postingId, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/activate") { Idempotent = true }, ct);

        /// <summary>POST /api/v2/postings/{id}/archive (idempotent: archiving again leaves it archived and creates nothing).</summary>
        public Task<Posting> ArchivePostingAsync(string postingId, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/archive") { Idempotent = true }, ct);

        private async Task<Posting> SendPostingAsync(ApiCall call, CancellationToken ct)
        {
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopePosting, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }
    }
}

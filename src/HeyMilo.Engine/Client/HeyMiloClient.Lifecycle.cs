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
        public async Task<PostingReceipt> CreatePostingAsync(RequestBody body, CancellationToken ct) =>
            Receipt(await SendForDataAsync(new ApiCall(HttpMethod.Post, "api/v2/postings").Json(body), MiloJsonContext.Default.SingleEnvelopeCloneReceipt, ct).ConfigureAwait(false));

        /// <summary>GET /api/v2/postings/list: the light PostingSummary objects, cursor paged like the full listing.</summary>
        public IAsyncEnumerable<PostingSummary> ListPostingSummariesAsync(string? search, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            ListByCursorAsync((limit, cursor) => SearchPage("api/v2/postings/list", search, limit, cursor), MiloJsonContext.Default.ListEnvelopePostingSummary,
                p => p.Id, pageSize, maxItems, "posting summaries", onTotal, ct);

        /// <summary>PATCH /api/v2/postings/{id} with only the fields in <paramref name="body"/>.</summary>
        public Task<Posting> UpdatePostingAsync(string postingId, RequestBody body, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(Patch, "api/v2/postings/" + ApiCall.Segment(postingId)).Json(body), ct);

        public Task<PostingStatistic> GetPostingStatisticAsync(string postingId, CancellationToken ct) =>
            SendForDataAsync(new ApiCall(HttpMethod.Get, "api/v2/postings/" + ApiCall.Segment(postingId) + "/stats"), MiloJsonContext.Default.SingleEnvelopePostingStatistic, ct);

        /// <summary>PATCH /api/v2/postings/{id}/workflow/{step_id}; <paramref name="step"/> is the step's type or its 1-based order.</summary>
        public Task<Posting> UpdateWorkflowStepAsync(string postingId, string step, Dictionary<string, object?> config, CancellationToken ct)
        {
            var call = new ApiCall(Patch, "api/v2/postings/" + ApiCall.Segment(postingId) + "/workflow/" + ApiCall.Segment(step))
                .Json(new UpdateWorkflowStepRequest { Config = config }, MiloJsonContext.Default.UpdateWorkflowStepRequest);
            return SendPostingAsync(call, ct);
        }

        /// <summary>POST /api/v2/postings/{id}/activate (idempotent: the document says re-calling it is safe).</summary>
        public Task<Posting> ActivatePostingAsync(string postingId, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/activate") { Idempotent = true }, ct);

        /// <summary>POST /api/v2/postings/{id}/archive (idempotent: archiving again leaves it archived and creates nothing).</summary>
        public Task<Posting> ArchivePostingAsync(string postingId, CancellationToken ct) =>
            SendPostingAsync(new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/archive") { Idempotent = true }, ct);

        private Task<Posting> SendPostingAsync(ApiCall call, CancellationToken ct) => SendForDataAsync(call, MiloJsonContext.Default.SingleEnvelopePosting, ct);
    }
}

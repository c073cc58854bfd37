using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    internal sealed partial class HeyMiloClient
    {
        /// <summary>
        /// POST /api/v2/postings/{id}/clone. Not idempotent (a repeat would create a second copy), so the
        /// transport retries it only after 429, never after a 5xx or a timeout.
        /// </summary>
        public async Task<PostingReceipt> ClonePostingAsync(string postingId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/clone");
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeCloneReceipt, ct).ConfigureAwait(false);
            return Receipt(envelope.Data ?? throw MissingData(call));
        }

        /// <summary>
        /// A CreatePostingResponse (create and clone answer alike) as the full posting: the receipt's id, status,
        /// URLs and created_at fill what the nested posting lacks.
        /// </summary>
        private static PostingReceipt Receipt(CloneReceipt receipt)
        {
            var posting = receipt.Posting ?? new Posting { Id = receipt.Id };
            if (string.IsNullOrEmpty(posting.Id)) posting.Id = receipt.Id;
            if (string.IsNullOrEmpty(posting.Status) && receipt.Status != null) posting.Status = receipt.Status;
            posting.CreatedAt ??= receipt.CreatedAt;
            posting.Urls = Merge(posting.Urls, receipt.Urls);
            posting.AtsMetadata ??= receipt.AtsMetadata;

            var pending = string.Equals(posting.Status, "draft", StringComparison.OrdinalIgnoreCase)
                && (IsTrue(posting.AtsMetadata) || IsTrue(receipt.AtsMetadata));
            return new PostingReceipt(posting, pending);
        }

        private static PostingUrls? Merge(PostingUrls? posting, PostingUrls? receipt)
        {
            if (posting is null) return receipt;
            if (receipt is null) return posting;
            posting.CandidateUrl ??= receipt.CandidateUrl;
            posting.IngestionUrlKey ??= receipt.IngestionUrlKey;
            posting.ReviewUrl ??= receipt.ReviewUrl;
            return posting;
        }

        private static bool IsTrue(System.Collections.Generic.Dictionary<string, object?>? ats) =>
            ats != null && ats.TryGetValue("pending_activation", out var value)
            && (value is bool b ? b : string.Equals(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A posting just created or cloned, and whether it waits for POST /postings/{id}/activate.</summary>
    internal sealed class PostingReceipt
    {
        public PostingReceipt(Posting posting, bool pendingActivation)
        {
            Posting = posting;
            PendingActivation = pendingActivation;
        }

        public Posting Posting { get; }
        /// <summary>An ATS-derived posting (created from an ATS-derived template, or a clone of one): a draft that must be activated (POST /postings/{id}/activate) before candidates can take it.</summary>
        public bool PendingActivation { get; }
    }
}

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
        public async Task<ClonedPosting> ClonePostingAsync(string postingId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/clone");
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeCloneReceipt, ct).ConfigureAwait(false);
            var receipt = envelope.Data ?? throw MissingData(call);

            var posting = receipt.Posting ?? new Posting { Id = receipt.Id };
            if (string.IsNullOrEmpty(posting.Id)) posting.Id = receipt.Id;
            if (string.IsNullOrEmpty(posting.Status) && receipt.Status != null) posting.Status = receipt.Status;
            posting.CreatedAt ??= receipt.CreatedAt;
            posting.Urls = Merge(posting.Urls, receipt.Urls);
            posting.AtsMetadata ??= receipt.AtsMetadata;

            var pending = string.Equals(posting.Status, "draft", StringComparison.OrdinalIgnoreCase)
                && (IsTrue(posting.AtsMetadata) || IsTrue(receipt.AtsMetadata));
            return new ClonedPosting(posting, pending);
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

    internal sealed class ClonedPosting
    {
        public ClonedPosting(Posting posting, bool pendingActivation)
        {
            Posting = posting;
            PendingActivation = pendingActivation;
        }

        public Posting Posting { get; }
        /// <summary>An ATS-derived clone: a draft that must be activated (POST /postings/{id}/activate) before candidates can take it.</summary>
        public bool PendingActivation { get; }
    }
}

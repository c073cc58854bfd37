using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>One candidate at a time (New-MiloCandidate): POST /api/v2/postings/{id}/candidates and …/candidates/async.</summary>
    internal sealed partial class HeyMiloClient
    {
        /// <summary>
        /// POST /api/v2/postings/{id}/candidates. Idempotent by (posting, email), like the bulk ingestion:
        /// the document calls the interview id "unique … for this candidate-posting pair", so a repeat after a
        /// 5xx or a lost connection returns the interview the first attempt made rather than a second one.
        /// Returns the candidate receipt as an Interview; an answer without one is filled in from what was sent.
        /// </summary>
        public async Task<Interview> CreateCandidateAsync(string postingId, CandidateIngestItem candidate, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/candidates") { Idempotent = true }
                .Json(candidate, MiloJsonContext.Default.CandidateIngestItem);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeIngestCandidateResponse, ct).ConfigureAwait(false);
            var receipt = envelope.Data ?? throw MissingData(call);
            if (string.IsNullOrEmpty(receipt.InterviewId)) throw Invalid(call, "The API response has no 'interview_id'.");

            var interview = receipt.Candidate ?? new Interview
            {
                Name = candidate.Name,
                Email = candidate.Email,
                Status = "pending",
                Metadata = candidate.Metadata is null ? null : PlainMetadata(candidate.Metadata),
            };
            if (string.IsNullOrEmpty(interview.InterviewId)) interview.InterviewId = receipt.InterviewId!;
            if (string.IsNullOrEmpty(interview.PostingId)) interview.PostingId = receipt.PostingId ?? postingId;
            interview.InterviewUrl ??= receipt.InterviewUrl;
            return interview;
        }

        /// <summary>
        /// POST /api/v2/postings/{id}/candidates/async: queues an ingestion job (202). NOT idempotent: every call
        /// queues another job with its own ingestion id, and the document says nothing of how a second job for
        /// the same candidate runs, so it is retried only after 429 (refused before any work).
        /// </summary>
        public async Task<CandidateIngestion> QueueCandidateAsync(string postingId, CandidateIngestItem candidate, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/candidates/async")
                .Json(candidate, MiloJsonContext.Default.CandidateIngestItem);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeCandidateIngestion, ct).ConfigureAwait(false);
            var ingestion = envelope.Data ?? throw MissingData(call);
            if (string.IsNullOrEmpty(ingestion.IngestionId)) throw Invalid(call, "The API response has no 'ingestion_id'.");
            ingestion.PostingId = postingId;
            ingestion.Name = candidate.Name;
            ingestion.Email = candidate.Email;
            return ingestion;
        }

        private static System.Collections.Generic.Dictionary<string, object?> PlainMetadata(System.Collections.Generic.Dictionary<string, string> metadata)
        {
            var plain = new System.Collections.Generic.Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var pair in metadata) plain[pair.Key] = pair.Value;
            return plain;
        }
    }
}

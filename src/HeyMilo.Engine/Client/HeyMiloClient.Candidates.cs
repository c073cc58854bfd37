using System.Collections.Generic;
using System.Globalization;
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
        /// POST /api/v2/postings/{id}/candidates/bulk. Returns one item per candidate, in request order
        /// (the API answers by position); a response with a different count is an InvalidResponse.
        /// Ingestion is idempotent per (posting, email): repeating the call returns the same interviews,
        /// so the transport may retry it after 5xx and network failures.
        /// </summary>
        public async Task<IReadOnlyList<IngestedCandidate>> IngestCandidatesAsync(string postingId, IReadOnlyList<CandidateIngestItem> candidates, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/postings/" + ApiCall.Segment(postingId) + "/candidates/bulk") { Idempotent = true }
                .Json(new BulkCandidateIngestRequest { Data = new List<CandidateIngestItem>(candidates) }, MiloJsonContext.Default.BulkCandidateIngestRequest);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeListBulkIngestCandidateResponseItem, ct).ConfigureAwait(false);
            var items = envelope.Data ?? throw MissingData(call);
            CheckCount(call, items.Count, candidates.Count);
            var result = new List<IngestedCandidate>(items.Count);
            foreach (var item in items)
            {
                if (string.IsNullOrEmpty(item.InterviewId)) throw Invalid(call, "A bulk ingestion item has no 'interview_id'.");
                result.Add(new IngestedCandidate(item.InterviewId!, item.InterviewUrl, null));
            }
            return result;
        }

        /// <summary>
        /// Legacy ingestion by url key: POST /ingest/x/{key} for one candidate, /ingest/x/bulk/{key} for
        /// more. With retake=false the API returns the existing interview, so the call is idempotent;
        /// with retake=true every call creates a new interview and must not be repeated blindly.
        /// </summary>
        public async Task<IReadOnlyList<IngestedCandidate>> IngestCandidatesLegacyAsync(string ingestionKey, IReadOnlyList<CandidateIngestItem> candidates, bool retake, CancellationToken ct)
        {
            ApiCall call;
            if (candidates.Count == 1)
            {
                var c = candidates[0];
                call = new ApiCall(HttpMethod.Post, "ingest/x/" + ApiCall.Segment(ingestionKey), legacy: true) { Idempotent = !retake }
                    .Json(new LegacySingleIngestRequest { Name = c.Name, Email = c.Email, PhoneNumber = c.PhoneNumber, Metadata = c.Metadata, Retake = retake },
                        MiloJsonContext.Default.LegacySingleIngestRequest);
            }
            else
            {
                call = new ApiCall(HttpMethod.Post, "ingest/x/bulk/" + ApiCall.Segment(ingestionKey), legacy: true) { Idempotent = !retake }
                    .Json(new LegacyBulkIngestRequest { Candidates = new List<CandidateIngestItem>(candidates), Retake = retake },
                        MiloJsonContext.Default.LegacyBulkIngestRequest);
            }

            var response = await _transport.SendAsync(call, MiloJsonContext.Default.LegacyIngestResponse, ct).ConfigureAwait(false);
            var details = response.InterviewDetails ?? throw Invalid(call, "The API response has no 'interview_details'.");
            // One candidate is linked to one interview of the key's posting; a single ingestion that lists
            // more than one is read as its first.
            if (candidates.Count == 1 && details.Count > 1) details = details.GetRange(0, 1);
            CheckCount(call, details.Count, candidates.Count);
            var result = new List<IngestedCandidate>(details.Count);
            foreach (var d in details)
            {
                if (string.IsNullOrEmpty(d.InterviewId)) throw Invalid(call, "An ingestion item has no 'interview_id'.");
                result.Add(new IngestedCandidate(d.InterviewId!, d.InterviewLink, response.IngestionId));
            }
            return result;
        }

        private void CheckCount(ApiCall call, int received, int sent)
        {
            if (received != sent)
                throw Invalid(call, string.Format(CultureInfo.InvariantCulture,
                    "The API returned {0} interview(s) for {1} candidate(s); they cannot be matched to the rows.", received, sent));
        }

        private MiloApiException Invalid(ApiCall call, string message) =>
            new MiloApiException(MiloFailureKind.InvalidResponse, message, call.Method.Method, _transport.Resolve(call).PathAndQuery,
                idempotent: call.Idempotent, mayHaveReachedServer: true);
    }
}

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
    /// A posting's questions and criteria (tag Questions). Create is a non-idempotent POST (retried after 429
    /// only); PATCH and DELETE (a soft delete) are idempotent; reorder sets the same order however often it
    /// is sent, so it is marked idempotent.
    /// </summary>
    internal sealed partial class HeyMiloClient
    {
        private static string QuestionsPath(string postingId) => "api/v2/postings/" + ApiCall.Segment(postingId) + "/questions";

        /// <summary>GET …/questions[?modality], cursor paged; in the API's order (by modality, then rank).</summary>
        public IAsyncEnumerable<Question> ListQuestionsAsync(string postingId, string? modality, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            ListByCursorAsync(
                (limit, cursor) => new ApiCall(HttpMethod.Get, QuestionsPath(postingId))
                    .Query("modality", modality)
                    .Query("limit", limit)
                    .Query("starting_after", cursor),
                MiloJsonContext.Default.ListEnvelopeQuestion, q => q.Id, pageSize, maxItems, "questions", onTotal, ct);

        public Task<Question> GetQuestionAsync(string postingId, string questionId, CancellationToken ct) =>
            SendQuestionAsync(new ApiCall(HttpMethod.Get, QuestionsPath(postingId) + "/" + ApiCall.Segment(questionId)), ct);

        /// <summary>POST …/questions. Not idempotent: a repeat would add the question twice.</summary>
        public Task<Question> CreateQuestionAsync(string postingId, RequestBody body, CancellationToken ct) =>
            SendQuestionAsync(new ApiCall(HttpMethod.Post, QuestionsPath(postingId)).Json(body), ct);

        public Task<Question> UpdateQuestionAsync(string postingId, string questionId, RequestBody body, CancellationToken ct) =>
            SendQuestionAsync(new ApiCall(Patch, QuestionsPath(postingId) + "/" + ApiCall.Segment(questionId)).Json(body), ct);

        /// <summary>DELETE …/questions/{id}: a soft delete; answers with the deleted question.</summary>
        public Task<Question> DeleteQuestionAsync(string postingId, string questionId, CancellationToken ct) =>
            SendQuestionAsync(new ApiCall(Delete, QuestionsPath(postingId) + "/" + ApiCall.Segment(questionId)), ct);

        /// <summary>POST …/questions/reorder: <paramref name="order"/> must name every active question of the modality.</summary>
        public async Task<IReadOnlyList<Question>> ReorderQuestionsAsync(string postingId, string modality, IReadOnlyList<string> order, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, QuestionsPath(postingId) + "/reorder") { Idempotent = true }
                .Json(new ReorderQuestionsRequest { Modality = modality, Order = new List<string>(order) }, MiloJsonContext.Default.ReorderQuestionsRequest);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.ListEnvelopeQuestion, ct).ConfigureAwait(false);
            return (IReadOnlyList<Question>?)envelope.Data ?? throw MissingData(call);
        }

        private Task<Question> SendQuestionAsync(ApiCall call, CancellationToken ct) => SendForDataAsync(call, MiloJsonContext.Default.SingleEnvelopeQuestion, ct);
    }
}

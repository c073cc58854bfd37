using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>An interview's metadata: GET, POST (set or update) and DELETE /api/v2/interviews/{id}/metadata.</summary>
    internal sealed partial class HeyMiloClient
    {
        public Task<InterviewMetadata> GetInterviewMetadataAsync(string interviewId, CancellationToken ct) =>
            SendMetadata(new ApiCall(HttpMethod.Get, MetadataPath(interviewId)), interviewId, ct);

        /// <summary>
        /// POST merges: the keys sent are set, the interview's other keys stay, and the answer is the whole
        /// result. Idempotent — sending the same pairs again leaves the same metadata and creates nothing — so
        /// it is retried after every transient failure. The API applies the 50-key limit to the merged result.
        /// </summary>
        public Task<InterviewMetadata> SetInterviewMetadataAsync(string interviewId, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
        {
            var body = new MetadataRequest();
            foreach (var pair in metadata) body.Metadata[pair.Key] = pair.Value;
            var call = new ApiCall(HttpMethod.Post, MetadataPath(interviewId)) { Idempotent = true }
                .Json(body, MiloJsonContext.Default.MetadataRequest);
            return SendMetadata(call, interviewId, ct);
        }

        /// <summary>DELETE removes every key (idempotent) and answers with the now empty metadata.</summary>
        public Task<InterviewMetadata> RemoveInterviewMetadataAsync(string interviewId, CancellationToken ct) =>
            SendMetadata(new ApiCall(Delete, MetadataPath(interviewId)), interviewId, ct);

        private static string MetadataPath(string interviewId) => "api/v2/interviews/" + ApiCall.Segment(interviewId) + "/metadata";

        private async Task<InterviewMetadata> SendMetadata(ApiCall call, string interviewId, CancellationToken ct)
        {
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeInterviewMetadata, ct).ConfigureAwait(false);
            var metadata = envelope.Data ?? throw MissingData(call);
            metadata.InterviewId = interviewId;
            metadata.Metadata ??= new Dictionary<string, object?>();
            return metadata;
        }
    }
}

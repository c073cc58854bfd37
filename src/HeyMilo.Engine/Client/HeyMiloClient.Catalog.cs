using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// The workspace catalog. Listings and reads by id of every family go through <see cref="CatalogFamily{T}"/>
    /// (CatalogFamilies); here are the catalog calls that are not a listing: the schema registries and the
    /// voice preview's audio.
    /// </summary>
    internal sealed partial class HeyMiloClient
    {
        /// <summary>GET /api/v2/workspaces: the workspaces the key can reach (one page; nothing documents paging).</summary>
        public async Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(CancellationToken ct)
        {
            var list = new List<Workspace>();
            await foreach (var workspace in CatalogFamilies.Workspaces.ListAsync(this, null, MaxPageSize, null, null, ct).ConfigureAwait(false))
                list.Add(workspace);
            return list;
        }

        /// <summary>GET /api/v2/schemas/agents: one object per workflow step type, in the registry's order.</summary>
        public async Task<IReadOnlyList<AgentType>> GetAgentTypesAsync(CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/schemas/agents");
            var registry = await _transport.SendAsync(call, MiloJsonContext.Default.AgentTypeRegistry, ct).ConfigureAwait(false);
            var agents = registry.Agents ?? registry.Data?.Agents ?? throw MissingData(call);
            var list = new List<AgentType>(agents.Count);
            foreach (var pair in agents)
            {
                if (pair.Value is null) continue;
                if (string.IsNullOrEmpty(pair.Value.Type)) pair.Value.Type = pair.Key;
                list.Add(pair.Value);
            }
            return list;
        }

        /// <summary>GET /api/v2/schemas/question-types: one object per question modality, in the registry's order.</summary>
        public async Task<IReadOnlyList<QuestionType>> GetQuestionTypesAsync(CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/schemas/question-types");
            var registry = await _transport.SendAsync(call, MiloJsonContext.Default.QuestionTypeRegistry, ct).ConfigureAwait(false);
            var modalities = registry.Modalities ?? registry.Data?.Modalities ?? throw MissingData(call);
            var list = new List<QuestionType>(modalities.Count);
            foreach (var pair in modalities)
            {
                if (pair.Value is null) continue;
                if (string.IsNullOrEmpty(pair.Value.Modality)) pair.Value.Modality = pair.Key;
                list.Add(pair.Value);
            }
            return list;
        }

        /// <summary>
        /// GET /api/v2/voices/{voice_id}/preview, copied into <paramref name="destination"/>. The document allows
        /// a redirect to the audio elsewhere; the transport follows it without the API key. A body shorter than
        /// its Content-Length, or a JSON answer instead of audio, is an InvalidResponse (nothing half-written
        /// may pass for the clip). Returns the number of bytes written.
        /// </summary>
        public async Task<long> DownloadVoicePreviewAsync(string voiceId, Stream destination, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/voices/" + ApiCall.Segment(voiceId) + "/preview");
            using var response = await _transport.SendForStreamAsync(call, ct).ConfigureAwait(false);
            var type = response.Content?.Headers.ContentType?.MediaType;
            if (type != null && type.EndsWith("json", StringComparison.OrdinalIgnoreCase))
                throw Invalid(call, $"The API answered {type} instead of audio for the preview of voice {voiceId}.");
            var expected = response.Content?.Headers.ContentLength;
            long written = 0;
            using var body = await response.Content!.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[81920];
            while (true)
            {
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !ct.IsCancellationRequested)
                {
                    // Reading the response failed (the connection dropped); writing the file is not in this try.
                    throw Invalid(call, $"The preview of voice {voiceId} broke off after {written} bytes" + (expected is long e ? $" of {e}." : "."), ex);
                }
                if (read == 0) break;
                await destination.WriteAsync(buffer, 0, read, ct).ConfigureAwait(false);
                written += read;
            }
            if (expected is long length && length != written)
                throw Invalid(call, $"The preview of voice {voiceId} has {written} bytes where the API announced {length}.");
            if (written == 0)
                throw Invalid(call, $"The preview of voice {voiceId} is empty.");
            return written;
        }

        private MiloApiException Invalid(ApiCall call, string message, Exception? inner = null) =>
            new MiloApiException(MiloFailureKind.InvalidResponse, message, call.Method.Method, _transport.Resolve(call).PathAndQuery, inner: inner);
    }
}

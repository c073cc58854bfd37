using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    internal sealed partial class HeyMiloClient
    {
        /// <summary>GET /health (no key needed), then one cheap authenticated call to see whether the key is accepted.</summary>
        public async Task<ConnectionTestResult> TestConnectionAsync(bool legacy, CancellationToken ct)
        {
            var health = new ApiCall(HttpMethod.Get, "health", legacy);
            var uri = _transport.Resolve(health);
            var watch = Stopwatch.StartNew();
            Dictionary<string, object?> body;
            try
            {
                body = await _transport.SendAsync(health, MiloJsonContext.Default.DictionaryStringObject, ct).ConfigureAwait(false);
            }
            catch (MiloApiException ex) when (ex.Kind != MiloFailureKind.InvalidResponse || ex.StatusCode is null)
            {
                return new ConnectionTestResult(new Uri(uri.GetLeftPart(UriPartial.Authority)), legacy, false, ex.ApiMessage, watch.Elapsed, null, ex.StatusCode);
            }
            var latency = watch.Elapsed;
            body.TryGetValue("status", out var status);
            body.TryGetValue("message", out var message);

            // The authenticated call: on v2 the workspace listing, which also tells which workspaces the key reaches.
            bool? accepted;
            IReadOnlyList<Workspace>? workspaces = null;
            try
            {
                if (legacy)
                    await _transport.SendAsync(new ApiCall(HttpMethod.Get, "postings", legacy: true).Query("page", 1).Query("limit", 1), MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                else
                    workspaces = await ListWorkspacesAsync(ct).ConfigureAwait(false);
                accepted = true;
            }
            catch (MiloApiException ex) when (ex.StatusCode == 401 || ex.StatusCode == 403)
            {
                accepted = false;
            }

            return new ConnectionTestResult(new Uri(uri.GetLeftPart(UriPartial.Authority)), legacy, true,
                Convert.ToString(message ?? status, System.Globalization.CultureInfo.InvariantCulture), latency, accepted, 200, workspaces);
        }
    }
}

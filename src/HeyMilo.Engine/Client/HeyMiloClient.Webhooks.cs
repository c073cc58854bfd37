using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    internal sealed partial class HeyMiloClient
    {
        private static readonly HttpMethod Delete = new HttpMethod("DELETE");

        /// <summary>POST /api/v2/webhooks. Not idempotent: retried only after 429 (the request was refused, nothing was created).</summary>
        public async Task<Webhook> CreateWebhookAsync(string postingId, string url, string eventType, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/webhooks")
                .Json(new CreateWebhookRequest { PostingId = postingId, WebhookUrl = url, EventType = eventType }, MiloJsonContext.Default.CreateWebhookRequest);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeWebhook, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        /// <summary>Legacy POST /create: the only API that lets the caller choose the delivery method (get/post).</summary>
        public async Task<Webhook> CreateLegacyWebhookAsync(string postingId, string url, string eventType, string? httpMethod, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "create", legacy: true)
                .Json(new LegacyCreateWebhookRequest { PostingId = postingId, Url = url, EventType = eventType, HttpMethod = httpMethod }, MiloJsonContext.Default.LegacyCreateWebhookRequest);
            var body = await _transport.SendAsync(call, MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
            var webhook = LegacyWebhook(body) ?? throw MissingData(call);
            // The legacy answer may only echo an id: fill in what was asked for.
            if (webhook.PostingId.Length == 0) webhook.PostingId = postingId;
            if (webhook.Url.Length == 0) webhook.Url = url;
            if (webhook.EventType.Length == 0) webhook.EventType = eventType;
            webhook.HttpMethod ??= httpMethod ?? "post";
            return webhook;
        }

        public async Task<Webhook> GetWebhookAsync(string webhookId, bool legacy, CancellationToken ct)
        {
            if (legacy)
            {
                var legacyCall = new ApiCall(HttpMethod.Get, "fetch/" + ApiCall.Segment(webhookId), legacy: true);
                var body = await _transport.SendAsync(legacyCall, MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                return LegacyWebhook(body) ?? throw MissingData(legacyCall);
            }
            var call = new ApiCall(HttpMethod.Get, "api/v2/webhooks/" + ApiCall.Segment(webhookId));
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeWebhook, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        /// <summary>GET /api/v2/webhooks, cursor paged. The v2 list has no posting or event filters.</summary>
        public IAsyncEnumerable<Webhook> ListWebhooksAsync(int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            CursorPager.EnumerateAsync(
                async (cursor, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "api/v2/webhooks")
                        .Query("limit", limit)
                        .Query("starting_after", cursor);
                    var page = await _transport.SendAsync(call, MiloJsonContext.Default.ListEnvelopeWebhook, token).ConfigureAwait(false);
                    return ToPage(page);
                },
                w => w.WebhookId, pageSize, maxItems, "webhooks", onTotal, ct);

        /// <summary>Legacy GET /all?posting_id&amp;event_type (filters applied by the server; one unpaged answer).</summary>
        public async Task<IReadOnlyList<Webhook>> ListLegacyWebhooksAsync(string? postingId, string? eventType, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "all", legacy: true)
                .Query("posting_id", postingId)
                .Query("event_type", eventType);
            var body = await _transport.SendAsync(call, MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
            var array = body;
            if (array.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "data", "webhooks", "items", "results" })
                {
                    if (body.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Array)
                    {
                        array = inner;
                        break;
                    }
                }
            }
            if (array.ValueKind != JsonValueKind.Array) throw MissingData(call);
            var list = new List<Webhook>();
            foreach (var item in array.EnumerateArray())
            {
                var webhook = LegacyWebhook(item);
                if (webhook != null) list.Add(webhook);
            }
            return list;
        }

        /// <summary>DELETE /api/v2/webhooks/{id} (idempotent), or legacy POST /deactivate/{id} (idempotent: deactivating twice changes nothing).</summary>
        public async Task<Webhook> DisableWebhookAsync(string webhookId, bool legacy, CancellationToken ct)
        {
            if (legacy)
            {
                var legacyCall = new ApiCall(HttpMethod.Post, "deactivate/" + ApiCall.Segment(webhookId), legacy: true) { Idempotent = true };
                var body = await _transport.SendAsync(legacyCall, MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                var webhook = LegacyWebhook(body) ?? new Webhook { WebhookId = webhookId, Legacy = true };
                if (webhook.WebhookId.Length == 0) webhook.WebhookId = webhookId;
                if (!HasProperty(body, "is_active")) webhook.IsActive = false;
                return webhook;
            }
            var call = new ApiCall(Delete, "api/v2/webhooks/" + ApiCall.Segment(webhookId));
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeWebhook, ct).ConfigureAwait(false);
            return envelope.Data ?? throw MissingData(call);
        }

        /// <summary>
        /// The legacy reference documents no response bodies: accept the webhook bare or wrapped in
        /// data/webhook, with url or webhook_url, id or webhook_id.
        /// </summary>
        internal static Webhook? LegacyWebhook(JsonElement body)
        {
            if (body.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "data", "webhook" })
            {
                if (body.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    body = inner;
                    break;
                }
            }
            var webhook = body.Deserialize(MiloJsonContext.Default.Webhook);
            if (webhook is null) return null;
            webhook.Legacy = true;
            var extra = webhook.ExtensionData;
            if (extra != null)
            {
                if (webhook.Url.Length == 0 && Take(extra, "url") is string url) webhook.Url = url;
                if (webhook.WebhookId.Length == 0 && Take(extra, "id") is string id) webhook.WebhookId = id;
            }
            return webhook;
        }

        private static string? Take(Dictionary<string, JsonElement> extra, string name)
        {
            if (!extra.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String) return null;
            extra.Remove(name);
            return value.GetString();
        }

        private static bool HasProperty(JsonElement body, string name)
        {
            if (body.ValueKind != JsonValueKind.Object) return false;
            if (body.TryGetProperty(name, out _)) return true;
            foreach (var wrapper in new[] { "data", "webhook" })
                if (body.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out _))
                    return true;
            return false;
        }
    }
}

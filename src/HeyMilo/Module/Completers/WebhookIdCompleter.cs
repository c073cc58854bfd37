using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -WebhookId: inserts the id, shows the event type and the URL. Offers the first page
    /// (up to 100 webhooks) of the session's workspace, filtered by the typed prefix on the id or event type.
    /// </summary>
    public sealed class WebhookIdCompleter : SessionCompleter
    {
        internal override Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct) =>
            ToListAsync(session.Client.ListWebhooksAsync(HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct), Describe, ct);

        private static CompletionItem Describe(Webhook item) =>
            new CompletionItem(item.WebhookId, item.EventType, item.EventType + " " + item.Url,
                item.WebhookId + ": " + item.EventType + " of posting " + item.PostingId + " to " + item.Url + (item.IsActive ? "" : " (inactive)"));
    }
}

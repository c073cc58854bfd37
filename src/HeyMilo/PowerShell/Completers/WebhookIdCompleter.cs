using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.PowerShell.Completers
{
    /// <summary>
    /// Completes -WebhookId: inserts the id, shows the event type and the URL. Offers the first page
    /// (up to 100 webhooks) of the session's workspace, filtered by the typed prefix on the id or event type.
    /// </summary>
    public sealed class WebhookIdCompleter : SessionCompleter<Webhook>
    {
        internal override Task<List<Webhook>> FetchAsync(MiloSession session, CancellationToken ct) =>
            ToListAsync(session.Client.ListWebhooksAsync(HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct), ct);

        internal override string IdOf(Webhook item) => item.WebhookId;

        internal override bool MatchesText(Webhook item, string prefix) =>
            !string.IsNullOrEmpty(item.EventType) && item.EventType.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        internal override string ListItemText(Webhook item) => item.EventType + " " + item.Url;

        internal override string ToolTip(Webhook item) =>
            item.WebhookId + ": " + item.EventType + " of posting " + item.PostingId + " to " + item.Url + (item.IsActive ? "" : " (inactive)");
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.PowerShell.Completers
{
    /// <summary>
    /// Completes -PostingId: inserts the id, shows the title. Offers the first page (up to 100 postings)
    /// of the session's workspace, filtered by the typed prefix on the id or the title.
    /// </summary>
    public sealed class PostingIdCompleter : SessionCompleter<Posting>
    {
        internal override Task<List<Posting>> FetchAsync(MiloSession session, CancellationToken ct) =>
            ToListAsync(session.Client.ListPostingsAsync(null, HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct), ct);

        internal override string IdOf(Posting item) => item.Id;

        internal override bool MatchesText(Posting item, string prefix) =>
            !string.IsNullOrEmpty(item.Title) && item.Title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        internal override string ListItemText(Posting item) => string.IsNullOrEmpty(item.Title) ? item.Id : item.Title;

        internal override string ToolTip(Posting item) =>
            (string.IsNullOrEmpty(item.Title) ? item.Id : item.Title) + " (" + item.Id + (string.IsNullOrEmpty(item.Status) ? "" : ", " + item.Status) + ")";
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -PostingId: inserts the id, shows the title. Offers the first page (up to 100 postings)
    /// of the session's workspace, filtered by the typed prefix on the id or the title.
    /// </summary>
    public sealed class PostingIdCompleter : SessionCompleter
    {
        internal override Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct) =>
            ToListAsync(session.Client.ListPostingsAsync(null, HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct), Describe, ct);

        private static CompletionItem Describe(Posting item)
        {
            var title = string.IsNullOrEmpty(item.Title) ? item.Id : item.Title;
            return new CompletionItem(item.Id, item.Title, title, title + " (" + item.Id + (string.IsNullOrEmpty(item.Status) ? "" : ", " + item.Status) + ")");
        }
    }
}

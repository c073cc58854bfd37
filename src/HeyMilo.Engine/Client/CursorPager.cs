using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Models;

namespace HeyMilo.Client
{
    /// <summary>
    /// Lazy cursor pagination (limit + starting_after): a page is requested only when the consumer asks
    /// for an item past the previous page, and never more items than the caller still needs.
    /// Guards against API loops: a cursor that repeats, or an empty page that claims more. Every listing is
    /// audited (<see cref="ListingAudit"/>): repeated items are dropped with a warning, and a listing that ends
    /// short of (or past) its total_count says so.
    /// </summary>
    internal static class CursorPager
    {
        /// <param name="fetchPage">(starting_after, limit, token) → page.</param>
        /// <param name="cursorOf">The id the next page starts after.</param>
        /// <param name="maxItems">Stop after this many items (null: all).</param>
        /// <param name="onTotal">Called once with the first page's total_count.</param>
        /// <param name="audit">Receives what the listing saw (a fresh one is used when null).</param>
        public static async IAsyncEnumerable<T> EnumerateAsync<T>(
            Func<string?, int, CancellationToken, Task<Page<T>>> fetchPage,
            Func<T, string> cursorOf,
            int pageSize,
            long? maxItems,
            string what,
            Action<long?>? onTotal,
            [EnumeratorCancellation] CancellationToken cancellationToken,
            ListingAudit? audit = null)
        {
            audit ??= new ListingAudit();
            string? cursor = null;
            var pageNumber = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long yielded = 0;
            var first = true;
            while (maxItems is null || yielded < maxItems)
            {
                var limit = maxItems is long max ? (int)Math.Min(pageSize, max - yielded) : pageSize;
                var page = await fetchPage(cursor, limit, cancellationToken).ConfigureAwait(false);
                pageNumber++;
                if (first)
                {
                    first = false;
                    audit.Start(what, page.TotalCount);
                    onTotal?.Invoke(page.TotalCount);
                }

                foreach (var item in audit.Fresh(page.Items, cursorOf, pageNumber))
                {
                    yield return item;
                    if (++yielded >= maxItems) yield break;
                }

                if (!page.HasMore)
                {
                    audit.End();
                    yield break;
                }
                if (page.Items.Count == 0)
                    throw PagingError(what, $"the API returned an empty page of {what} that claims more follow (has_more is true) after cursor '{cursor}'. Listing stopped to avoid an endless loop.");

                var next = cursorOf(page.Items[page.Items.Count - 1]);
                if (!seen.Add(next) || next == cursor)
                    throw PagingError(what, $"the API returned cursor '{next}' for {what} twice. Listing stopped to avoid an endless loop; {yielded} items were returned before it.");
                cursor = next;
            }
        }

        private static MiloApiException PagingError(string what, string message) =>
            new MiloApiException(MiloFailureKind.InvalidResponse, "Paging failed: " + message, "GET", what);
    }
}

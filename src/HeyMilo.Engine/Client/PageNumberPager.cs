using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Client
{
    /// <summary>
    /// Lazy page-number pagination (page + limit, the legacy API): one page size for the whole listing
    /// so pages do not overlap, a page requested only when the consumer reaches it, and a guard against
    /// a page that repeats the previous one; audited like the cursor pager (<see cref="ListingAudit"/>).
    /// </summary>
    internal static class PageNumberPager
    {
        /// <param name="fetchPage">(page number from 1, limit, token) → items and total_pages (null when the API does not say).</param>
        public static async IAsyncEnumerable<T> EnumerateAsync<T>(
            Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Items, long? Total, int? TotalPages)>> fetchPage,
            Func<T, string> idOf,
            int pageSize,
            long? maxItems,
            string what,
            Action<long?>? onTotal,
            [EnumeratorCancellation] CancellationToken cancellationToken,
            ListingAudit? audit = null)
        {
            audit ??= new ListingAudit();
            var limit = maxItems is long max && max < pageSize ? (int)Math.Max(1, max) : pageSize;
            long yielded = 0;
            string? previousFirst = null;
            for (var pageNumber = 1; maxItems is null || yielded < maxItems; pageNumber++)
            {
                var (items, total, totalPages) = await fetchPage(pageNumber, limit, cancellationToken).ConfigureAwait(false);
                if (pageNumber == 1)
                {
                    audit.Start(what, total);
                    onTotal?.Invoke(total);
                }
                if (items.Count == 0)
                {
                    audit.End();
                    yield break;
                }

                var first = idOf(items[0]);
                if (first == previousFirst)
                    throw new MiloApiException(MiloFailureKind.InvalidResponse,
                        $"Paging failed: page {pageNumber} of {what} repeats page {pageNumber - 1} (both start with '{first}'). Listing stopped to avoid an endless loop; {yielded} items were returned before it.",
                        "GET", what);
                previousFirst = first;

                foreach (var item in audit.Fresh(items, idOf, pageNumber))
                {
                    yield return item;
                    if (++yielded >= maxItems) yield break;
                }

                var lastPage = totalPages is int pages ? pageNumber >= pages : items.Count < limit;
                if (lastPage)
                {
                    audit.End();
                    yield break;
                }
            }
        }
    }
}

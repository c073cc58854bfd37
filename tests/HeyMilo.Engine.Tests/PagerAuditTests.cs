using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Diagnostics;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>
    /// Both pagers hand each page through <see cref="ListingAudit.Fresh{T}"/>: an item an earlier page listed is
    /// dropped and the page is warned about once, after its last item; a consumer that stops inside a page
    /// hears nothing of repeats it never reached.
    /// </summary>
    public class PagerAuditTests
    {
        /// <summary>Page 1: a b c; page 2: c d e (c again); page 3: f.</summary>
        private static readonly string[][] s_pages = { new[] { "a", "b", "c" }, new[] { "c", "d", "e" }, new[] { "f" } };

        private static IAsyncEnumerable<string> Cursor(long? maxItems) =>
            CursorPager.EnumerateAsync<string>(
                (after, limit, ct) =>
                {
                    var index = after is null ? 0 : Array.FindIndex(s_pages, p => p.Last() == after) + 1;
                    return Task.FromResult(new Page<string>(s_pages[index], index < s_pages.Length - 1, 6));
                },
                id => id, 3, maxItems, "letters", null, CancellationToken.None);

        private static IAsyncEnumerable<string> PageNumbers(long? maxItems) =>
            PageNumberPager.EnumerateAsync<string>(
                (page, limit, ct) => Task.FromResult<(IReadOnlyList<string>, long?, int?)>((s_pages[page - 1], 6, s_pages.Length)),
                id => id, 3, maxItems, "letters", null, CancellationToken.None);

        private static async Task<(List<string> Items, List<string> Warnings)> Read(IAsyncEnumerable<string> listing, int? stopAfter = null)
        {
            var items = new List<string>();
            var warnings = new List<string>();
            using (OperationLog.Enter(new OperationLogSink(false, false, _ => { }, _ => { }, w => warnings.Add(items.Count + ": " + w))))
            {
                await foreach (var item in listing)
                {
                    items.Add(item);
                    if (items.Count == stopAfter) break;
                }
            }
            return (items, warnings);
        }

        public static TheoryData<string> Pagers => new() { "cursor", "page-number" };

        private static IAsyncEnumerable<string> Listing(string pager, long? maxItems = null) => pager == "cursor" ? Cursor(maxItems) : PageNumbers(maxItems);

        [Theory]
        [MemberData(nameof(Pagers))]
        public async Task A_repeated_item_is_dropped_and_its_page_warned_about_once_after_its_last_item(string pager)
        {
            var (items, warnings) = await Read(Listing(pager));

            Assert.Equal(new[] { "a", "b", "c", "d", "e", "f" }, items);
            var warning = Assert.Single(warnings);
            Assert.StartsWith("5: Page 2 of letters repeated 1 item(s)", warning);
            Assert.Contains("(first: 'c')", warning);
        }

        [Theory]
        [MemberData(nameof(Pagers))]
        public async Task A_consumer_that_stops_inside_the_page_hears_of_no_repeat(string pager)
        {
            var (items, warnings) = await Read(Listing(pager), stopAfter: 4);

            Assert.Equal(new[] { "a", "b", "c", "d" }, items);
            Assert.Empty(warnings);
        }

        [Theory]
        [MemberData(nameof(Pagers))]
        public async Task A_listing_cut_by_max_items_inside_the_page_hears_of_no_repeat(string pager)
        {
            var (items, warnings) = await Read(Listing(pager, maxItems: 4));

            Assert.Equal(new[] { "a", "b", "c", "d" }, items);
            Assert.Empty(warnings);
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using HeyMilo.Diagnostics;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// What a pager saw of one listing, and the checks that keep a listing honest: an item the API sends
    /// again (a cursor that steps back) is dropped with a warning, and when the listing ends (the API said
    /// there is no more) with a different number of distinct items than the first page's total_count, a
    /// warning says so. Callers that must not go on with an incomplete listing (an export) read <see cref="Short"/>.
    /// </summary>
    internal sealed class ListingAudit
    {
        private readonly HashSet<string> _ids = new HashSet<string>(System.StringComparer.Ordinal);
        private string _what = "items";

        /// <summary>The first page's total_count (null: the API gave none).</summary>
        public long? TotalCount { get; private set; }

        /// <summary>Distinct items handed on.</summary>
        public long Listed { get; private set; }

        /// <summary>Items dropped because an earlier page had them.</summary>
        public long Repeated { get; private set; }

        /// <summary>The API ended the listing (has_more false or the last page); false when the consumer stopped first.</summary>
        public bool Ended { get; private set; }

        /// <summary>The listing ended with a count other than total_count.</summary>
        public bool Short => Ended && TotalCount is long total && total != Listed;

        public string What => _what;

        internal void Start(string what, long? totalCount)
        {
            _what = what;
            TotalCount = totalCount;
        }

        /// <summary>
        /// The items of one page that no earlier page listed, in order, lazily; once the page has been read to
        /// its end, one warning counts the items dropped. A consumer that stops inside the page stops the
        /// reading there, and items it never reached are neither counted nor warned about.
        /// </summary>
        internal IEnumerable<T> Fresh<T>(IReadOnlyList<T> items, System.Func<T, string> idOf, int page)
        {
            var repeated = 0;
            string? firstRepeated = null;
            foreach (var item in items)
            {
                var id = idOf(item);
                if (_ids.Add(id))
                {
                    Listed++;
                    yield return item;
                    continue;
                }
                Repeated++;
                if (repeated++ == 0) firstRepeated = id;
            }
            if (repeated > 0)
                OperationLog.Warning(string.Format(CultureInfo.InvariantCulture,
                    "Page {0} of {1} repeated {2} item(s) an earlier page already listed (first: '{3}'); each is kept once.", page, _what, repeated, firstRepeated));
        }

        internal void End()
        {
            Ended = true;
            if (Short)
                OperationLog.Warning(Describe());
        }

        /// <summary>"The API said … has 350 (total_count) but the listing ended after 110."</summary>
        public string Describe() => string.Format(CultureInfo.InvariantCulture,
            "The API said {0} has {1} item(s) (total_count) but the listing ended after {2} distinct item(s){3}.",
            _what, TotalCount, Listed, Repeated > 0 ? string.Format(CultureInfo.InvariantCulture, " ({0} repeated left out)", Repeated) : string.Empty);
    }
}

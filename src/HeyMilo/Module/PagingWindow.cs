using System.Collections.Generic;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>
    /// -First / -Skip / -IncludeTotalCount (SupportsPaging) for every listing cmdlet, the one place that
    /// counts them: <see cref="Apply{T}"/> skips and stops over everything the invocation lists (several
    /// postings, filtered or not), and <see cref="Remaining"/> tells the API how many items are still needed.
    /// </summary>
    internal sealed class PagingWindow
    {
        private readonly PagingParameters? _parameters;
        private long _consumed;

        private PagingWindow(PagingParameters? parameters, long? maxItems, ulong skip)
        {
            _parameters = parameters;
            MaxItems = maxItems;
            Skip = skip;
        }

        /// <summary>First + Skip: the most items the invocation reads (null: all).</summary>
        public long? MaxItems { get; }
        public ulong Skip { get; }

        /// <summary>Items still to read from the API (null: all); ask a listing for no more.</summary>
        public long? Remaining => MaxItems is long max ? max - _consumed : (long?)null;

        /// <summary>Every item the window wants has been taken.</summary>
        public bool Full => MaxItems is long max && _consumed >= max;

        public static PagingWindow From(PagingParameters? parameters)
        {
            if (parameters is null) return new PagingWindow(null, null, 0);
            long? max = null;
            if (parameters.First != ulong.MaxValue)
            {
                var sum = parameters.First + parameters.Skip;
                max = sum < parameters.First || sum > long.MaxValue ? (long?)null : (long)sum;
            }
            return new PagingWindow(parameters, max, parameters.Skip);
        }

        private long? _total;
        private int _totalState; // 0 none, 1 known, 2 written

        /// <summary>Called by the pager (any thread) with the first page's total_count; later calls are ignored.</summary>
        public void SetTotal(long? total)
        {
            if (System.Threading.Interlocked.CompareExchange(ref _totalState, 1, 0) == 0) _total = total;
        }

        /// <summary>Writes the -IncludeTotalCount object once, on the pipeline thread.</summary>
        public void FlushTotal(Cmdlet cmdlet)
        {
            if (_parameters is null || !_parameters.IncludeTotalCount || _totalState != 1) return;
            _totalState = 2;
            cmdlet.WriteObject(_total is long t ? _parameters.NewTotalCount((ulong)t, 1.0) : _parameters.NewTotalCount(0, 0.0));
        }

        /// <summary>
        /// Skips the first -Skip items and ends after -First, counting across every call of this invocation.
        /// The next item is not pulled once the window is full, so no further page is requested.
        /// </summary>
        public IEnumerable<T> Apply<T>(IEnumerable<T> items)
        {
            if (Full) yield break;
            foreach (var item in items)
            {
                var position = _consumed++;
                if ((ulong)position < Skip) continue;
                yield return item;
                if (Full) yield break;
            }
        }
    }
}

using System.Collections.Generic;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>-First / -Skip / -IncludeTotalCount (SupportsPaging) mapped onto cursor listing: ask the API for no more than First + Skip items.</summary>
    internal sealed class PagingWindow
    {
        private readonly PagingParameters? _parameters;

        private PagingWindow(PagingParameters? parameters, long? maxItems, ulong skip)
        {
            _parameters = parameters;
            MaxItems = maxItems;
            Skip = skip;
        }

        public long? MaxItems { get; }
        public ulong Skip { get; }

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

        /// <summary>Called by the pager (any thread) with the first page's total_count.</summary>
        public void SetTotal(long? total)
        {
            _total = total;
            System.Threading.Interlocked.CompareExchange(ref _totalState, 1, 0);
        }

        /// <summary>Writes the -IncludeTotalCount object once, on the pipeline thread.</summary>
        public void FlushTotal(Cmdlet cmdlet)
        {
            if (_parameters is null || !_parameters.IncludeTotalCount || _totalState != 1) return;
            _totalState = 2;
            cmdlet.WriteObject(_total is long t ? _parameters.NewTotalCount((ulong)t, 1.0) : _parameters.NewTotalCount(0, 0.0));
        }

        public IEnumerable<T> Apply<T>(IEnumerable<T> items)
        {
            ulong skipped = 0;
            foreach (var item in items)
            {
                if (skipped < Skip)
                {
                    skipped++;
                    continue;
                }
                yield return item;
            }
        }
    }
}

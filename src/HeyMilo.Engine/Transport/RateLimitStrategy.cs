using System;
using System.Net.Http;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The rate-limit gate's place in the pipeline: after the retries, before the per-attempt timeout. Each
    /// attempt takes a permit (so a retry counts like any request), and the wait for it is not part of the
    /// attempt's -TimeoutSec (a 40 s pacing wait must not time out a 3 s attempt). After the attempt the
    /// server's rate-limit headers go back to the gate.
    /// </summary>
    internal sealed class RateLimitStrategy : ResilienceStrategy<HttpResponseMessage>
    {
        /// <summary>The countdown of a retry delay (set by the retry's OnRetry), ended when the next attempt starts.</summary>
        internal static readonly ResiliencePropertyKey<IDisposable?> RetryWait = new ResiliencePropertyKey<IDisposable?>("HeyMilo.RetryWait");

        private readonly RateLimitGate _gate;
        private readonly TimeSpan _maxServerWait;

        public RateLimitStrategy(RateLimitGate gate, TimeSpan maxServerWait)
        {
            _gate = gate;
            _maxServerWait = maxServerWait;
        }

        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
        {
            if (context.Properties.TryGetValue(RetryWait, out var retryWait))
            {
                retryWait?.Dispose();
                context.Properties.Set(RetryWait, null);
            }

            var request = context.GetRequestMessage();
            RateLimitGate.Permit permit;
            try
            {
                permit = await _gate.AcquireAsync(request is null ? "request" : RequestOptions.Describe(request), _maxServerWait, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }

            var outcome = await callback(context, state).ConfigureAwait(false);
            _gate.Answered(permit);
            if (outcome.Result is HttpResponseMessage response)
            {
                var now = ModuleClock.Current.GetUtcNow();
                _gate.Observe(
                    RateLimitHeaders.Limit(response),
                    RateLimitHeaders.Remaining(response),
                    RateLimitHeaders.ResetIn(response, now),
                    RateLimitHeaders.PausesTheKey(response) ? RateLimitHeaders.ServerRequestedPause(response, now) : null,
                    rejected: (int)response.StatusCode == 429);
            }
            return outcome;
        }
    }

    /// <summary>Options of <see cref="RateLimitStrategy"/> (Polly wants an options object; the strategy has none to set).</summary>
    internal sealed class RateLimitStrategyOptions : ResilienceStrategyOptions
    {
        public RateLimitStrategyOptions() => Name = "RateLimit";
    }
}

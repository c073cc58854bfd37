using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>Each attempt takes a permit from the key's gate and reports the server's rate-limit headers back to it.</summary>
    internal sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly RateLimitGate _gate;

        public RateLimitHandler(RateLimitGate gate) => _gate = gate;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _gate.AcquireAsync(RequestOptions.Describe(request), cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var now = ModuleClock.Current.GetUtcNow();
            _gate.Observe(
                RateLimitHeaders.Limit(response),
                RateLimitHeaders.Remaining(response),
                RateLimitHeaders.ResetIn(response, now),
                RateLimitHeaders.PausesTheKey(response) ? RateLimitHeaders.ServerRequestedPause(response, now) : null);
            return response;
        }
    }
}

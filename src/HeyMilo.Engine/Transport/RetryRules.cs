using System;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using HeyMilo.Diagnostics;
using Polly;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The resilience pipeline (Microsoft.Extensions.Http.Resilience / Polly): total timeout, then
    /// retries with jittered exponential backoff, then the rate-limit gate, then a per-attempt timeout.
    ///
    /// What is retried (<see cref="ShouldRetry"/>): what the library calls transient, for requests that are
    /// idempotent (<see cref="RequestOptions.IsIdempotent"/>); a request that is not (creating a webhook,
    /// cloning a posting) only after a 429, which the API sends before doing any work. The rule is written
    /// in docs/transport.md. Waits honour the server's requested pause (<see cref="RateLimitHeaders.ServerRequestedPause"/>).
    /// </summary>
    internal static class RetryRules
    {
        public static ResiliencePipeline<HttpResponseMessage> Build(TransportSettings settings, RateLimitGate gate)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = ModuleClock.Current };
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "Total", Timeout = settings.TotalTimeout });
            if (settings.MaxRetries > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryBaseDelay,
                    MaxDelay = settings.MaxRetryDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, settings.MaxRateLimitWait)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome.Result, settings.MaxRetryDelay)),
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        var why = args.Outcome.Result is HttpResponseMessage r
                            ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + r.ReasonPhrase
                            : args.Outcome.Exception?.GetType().Name + ": " + args.Outcome.Exception?.Message;
                        var text = string.Format(CultureInfo.InvariantCulture,
                            "HeyMilo: retrying {0} in {1:0.0} s (retry {2} of {3}) after {4}.",
                            request is null ? "request" : RequestOptions.Describe(request),
                            args.RetryDelay.TotalSeconds, args.AttemptNumber + 1, settings.MaxRetries, why);
                        if (args.RetryDelay >= TimeSpan.FromSeconds(30)) OperationLog.Warning(text); else OperationLog.Verbose(text);
                        if (args.RetryDelay > RateLimitGate.VisibleWait)
                        {
                            // Counted down until the next attempt starts (RateLimitStrategy ends it).
                            args.Context.Properties.Set(RateLimitStrategy.RetryWait, OperationLog.Wait(
                                "Waiting to retry", text.Substring("HeyMilo: ".Length),
                                ModuleClock.Current.GetUtcNow() + args.RetryDelay));
                        }
                        return default;
                    },
                });
            }
            builder.AddStrategy(_ => new RateLimitStrategy(gate, settings.MaxRateLimitWait), new RateLimitStrategyOptions());
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "Attempt", Timeout = settings.AttemptTimeout });
            return builder.Build();
        }

        /// <summary>
        /// Retry when the library calls the outcome transient (HttpClientResiliencePredicates.IsTransient:
        /// 408, 429, 5xx, HttpRequestException, an attempt timeout) and repeating it cannot do the work
        /// twice: the request is idempotent, or the answer is a 429 (the API refuses before doing any work).
        /// </summary>
        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRateLimitWait)
        {
            if (context.CancellationToken.IsCancellationRequested) return false;
            if (!HttpClientResiliencePredicates.IsTransient(outcome)) return false;
            if (outcome.Result is HttpResponseMessage response && (int)response.StatusCode == 429)
            {
                // A pause longer than the session waits fails now (HeyMilo.RateLimited, with the reset time).
                var pause = RateLimitHeaders.ServerRequestedPause(response, ModuleClock.Current.GetUtcNow());
                return !(pause > maxRateLimitWait);
            }
            var request = context.GetRequestMessage();
            return request is null || RequestOptions.IsIdempotent(request);
        }

        /// <summary>The server's requested pause (<see cref="RateLimitHeaders.ServerRequestedPause"/>), at most <paramref name="max"/>; null: use the backoff.</summary>
        internal static TimeSpan? ServerRequestedDelay(HttpResponseMessage? response, TimeSpan max)
        {
            if (response is null) return null;
            var delay = RateLimitHeaders.ServerRequestedPause(response, ModuleClock.Current.GetUtcNow());
            if (delay is TimeSpan d && d > max) return max;
            return delay;
        }
    }

    internal sealed class TransportSettings
    {
        public Uri BaseUri { get; set; } = new Uri("https://api.heymilo.ai/");
        public Uri LegacyBaseUri { get; set; } = new Uri("https://api.heymilo.network/");
        public int RequestsPerMinute { get; set; } = 300;
        public int MaxRetries { get; set; } = 5;
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);
        /// <summary>The longest pause the API's rate limit may impose before a request fails with HeyMilo.RateLimited instead.</summary>
        public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);
    }
}

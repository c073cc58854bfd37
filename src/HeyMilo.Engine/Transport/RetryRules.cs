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
    /// retries with jittered exponential backoff, then a per-attempt timeout.
    ///
    /// What is retried (<see cref="ShouldRetry"/>): what the library calls transient, for requests that are
    /// idempotent (<see cref="RequestOptions.IsIdempotent"/>); a request that is not (creating a webhook,
    /// cloning a posting) only after a 429, which the API sends before doing any work. The rule is written
    /// in docs/transport.md. Waits honour the server's requested pause (<see cref="RateLimitHeaders.ServerRequestedPause"/>).
    /// </summary>
    internal static class RetryRules
    {
        public static ResiliencePipeline<HttpResponseMessage> Build(TransportSettings settings)
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
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
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
                        return default;
                    },
                });
            }
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "Attempt", Timeout = settings.AttemptTimeout });
            return builder.Build();
        }

        /// <summary>
        /// Retry when the library calls the outcome transient (HttpClientResiliencePredicates.IsTransient:
        /// 408, 429, 5xx, HttpRequestException, an attempt timeout) and repeating it cannot do the work
        /// twice: the request is idempotent, or the answer is a 429 (the API refuses before doing any work).
        /// </summary>
        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            if (context.CancellationToken.IsCancellationRequested) return false;
            if (!HttpClientResiliencePredicates.IsTransient(outcome)) return false;
            if (outcome.Result is HttpResponseMessage response && (int)response.StatusCode == 429) return true;
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
    }
}

using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using HeyMilo;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The client-side rate limit: one gate per API key, shared by every session and runspace in the
    /// process, so the key's requests stay at or under the configured requests per minute and a
    /// healthy run never sees a 429.
    ///
    /// A token bucket (System.Threading.RateLimiting) holds the permits. It is replenished from
    /// <see cref="ModuleClock"/> rather than by the library's own timer so that time can be faked in
    /// tests. Burst B and refill R per minute are chosen so that B + R + 1 ≤ limit: no 60-second
    /// window, wherever it starts, can hold more than the limit.
    /// The server's rate-limit headers tighten the gate: a lower advertised limit rebuilds the bucket,
    /// and "remaining 0" or a 429's Retry-After pauses every caller of the key until the reset.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private static readonly ConcurrentDictionary<string, RateLimitGate> s_gates =
            new ConcurrentDictionary<string, RateLimitGate>(StringComparer.Ordinal);

        private readonly object _sync = new object();
        private TokenBucketRateLimiter _bucket = null!;
        private TimeSpan _period;
        private long _lastReplenish;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private int? _serverLimit;
        private int? _serverRemaining;
        private DateTimeOffset? _serverResetAt;

        private RateLimitGate(int requestsPerMinute) => Build(requestsPerMinute, startFull: true);

        /// <summary>The gate for a key (identified by its hash); a lower limit than the gate's tightens it.</summary>
        public static RateLimitGate For(string keyId, int requestsPerMinute)
        {
            var gate = s_gates.GetOrAdd(keyId, _ => new RateLimitGate(requestsPerMinute));
            gate.Tighten(requestsPerMinute);
            return gate;
        }

        /// <summary>Forget every gate (tests only: each test starts from a fresh bucket).</summary>
        internal static void ResetAll() => s_gates.Clear();

        public int Limit { get; private set; }

        public RateLimitState Snapshot()
        {
            lock (_sync)
            {
                Replenish();
                var available = (int)(_bucket.GetStatistics()?.CurrentAvailablePermits ?? 0);
                return new RateLimitState(
                    _serverLimit is int server ? Math.Min(server, Limit) : Limit,
                    _serverRemaining ?? available,
                    _serverResetAt,
                    _pausedUntil > ModuleClock.Current.GetUtcNow() ? _pausedUntil : (DateTimeOffset?)null);
            }
        }

        /// <summary>Waits for a permit. Waits over a second are reported on the operation log.</summary>
        public async Task AcquireAsync(string requestLine, CancellationToken cancellationToken)
        {
            var clock = ModuleClock.Current;
            var waited = TimeSpan.Zero;
            var announced = false;
            while (true)
            {
                TimeSpan delay;
                bool paused;
                lock (_sync)
                {
                    var now = clock.GetUtcNow();
                    paused = now < _pausedUntil;
                    if (paused)
                    {
                        delay = _pausedUntil - now;
                    }
                    else
                    {
                        Replenish();
                        using (var lease = _bucket.AttemptAcquire(1))
                        {
                            if (lease.IsAcquired) return;
                        }
                        delay = _period - clock.GetElapsedTime(_lastReplenish);
                        if (delay <= TimeSpan.Zero) delay = TimeSpan.FromMilliseconds(1);
                    }
                }

                if (!announced && (paused || waited + delay >= TimeSpan.FromSeconds(1)) && delay >= TimeSpan.FromSeconds(1))
                {
                    announced = true;
                    var reason = paused ? "the API asked to pause until its rate-limit window resets" : $"keeping under {Limit} requests per minute";
                    var text = string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.#} s before {1}: {2}.", delay.TotalSeconds, requestLine, reason);
                    if (delay >= TimeSpan.FromSeconds(30)) OperationLog.Warning(text); else OperationLog.Verbose(text);
                }

                await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                waited += delay;
            }
        }

        /// <summary>Reads the server's view (X-RateLimit-* headers, Retry-After on 429).</summary>
        public void Observe(int? limit, int? remaining, TimeSpan? resetIn, TimeSpan? retryAfter)
        {
            var now = ModuleClock.Current.GetUtcNow();
            lock (_sync)
            {
                if (limit is int l && l > 0)
                {
                    _serverLimit = l;
                    if (l < Limit) Build(l, startFull: false);
                }
                if (remaining.HasValue) _serverRemaining = remaining;
                if (resetIn is TimeSpan reset) _serverResetAt = now + reset;

                var pause = retryAfter;
                if (pause is null && remaining is int r && r <= 0 && resetIn is TimeSpan untilReset && untilReset > TimeSpan.Zero)
                    pause = untilReset;
                if (pause is TimeSpan p && now + p > _pausedUntil) _pausedUntil = now + p;
            }
        }

        private void Tighten(int requestsPerMinute)
        {
            lock (_sync)
            {
                if (requestsPerMinute < Limit) Build(requestsPerMinute, startFull: false);
            }
        }

        private void Build(int requestsPerMinute, bool startFull)
        {
            var burst = Math.Max(1, Math.Min(10, requestsPerMinute / 30));
            var refillPerMinute = Math.Max(1, requestsPerMinute - burst - 1);
            var previous = _bucket;
            var carried = previous is null || startFull
                ? burst
                : (int)Math.Min(burst, previous.GetStatistics()?.CurrentAvailablePermits ?? 0);
            _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / refillPerMinute),
                AutoReplenishment = false,
                QueueLimit = 0,
            });
            if (carried < burst)
            {
                using var drained = _bucket.AttemptAcquire(burst - carried);
            }
            previous?.Dispose();
            _period = TimeSpan.FromTicks(TimeSpan.TicksPerMinute / refillPerMinute);
            _lastReplenish = ModuleClock.Current.GetTimestamp();
            Limit = requestsPerMinute;
        }

        private void Replenish()
        {
            var clock = ModuleClock.Current;
            var elapsed = clock.GetElapsedTime(_lastReplenish);
            var periods = (long)(elapsed.Ticks / _period.Ticks);
            if (periods <= 0) return;
            var tokens = (int)Math.Min(periods, int.MaxValue);
            for (var i = 0; i < Math.Min(tokens, 64); i++)
            {
                if (!_bucket.TryReplenish()) break;
            }
            _lastReplenish += (long)(periods * _period.Ticks * (clock.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        }
    }
}

namespace HeyMilo
{
    /// <summary>The rate-limit state shown by Get-MiloSession.</summary>
    public sealed class RateLimitState
    {
        public RateLimitState(int limit, int remaining, DateTimeOffset? resetAt, DateTimeOffset? pausedUntil)
        {
            Limit = limit;
            Remaining = remaining;
            ResetAt = resetAt;
            PausedUntil = pausedUntil;
        }

        /// <summary>Requests per minute the module allows itself (the server's limit when it is lower).</summary>
        public int Limit { get; }
        /// <summary>Remaining requests in the current window, as last reported by the API (or the local estimate).</summary>
        public int Remaining { get; }
        public DateTimeOffset? ResetAt { get; }
        public DateTimeOffset? PausedUntil { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}/{1} per minute{2}", Remaining, Limit,
                ResetAt is DateTimeOffset r ? ", resets " + r.ToString("u", CultureInfo.InvariantCulture) : string.Empty);
    }
}

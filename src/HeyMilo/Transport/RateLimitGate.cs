using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The client-side rate limit: one gate per API key, shared by every session and runspace in the
    /// process, so the key's requests stay at or under the configured requests per minute and a
    /// healthy run never sees a 429.
    ///
    /// A token bucket on <see cref="ModuleClock"/> holds the permits. System.Threading.RateLimiting's
    /// TokenBucketRateLimiter measures elapsed time with its own stopwatch even when replenished by
    /// hand (it takes no TimeProvider: dotnet/runtime#106447), so it cannot run on a fake clock and
    /// tests would have to sleep. Burst B and refill R per minute are chosen so that B + R + 1 ≤ limit:
    /// no 60-second window, wherever it starts, can hold more than the limit.
    /// The server's rate-limit headers tighten the gate: a lower advertised limit rebuilds the bucket,
    /// and "remaining 0" or a 429's Retry-After pauses every caller of the key until the reset.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private static readonly ConcurrentDictionary<string, RateLimitGate> s_gates =
            new ConcurrentDictionary<string, RateLimitGate>(StringComparer.Ordinal);

        private readonly object _sync = new object();
        private TokenBucket _bucket = null!;
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
                var available = _bucket.Available(ModuleClock.Current);
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
                        if (_bucket.TryTake(clock, out delay)) return;
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
            var clock = ModuleClock.Current;
            var carried = _bucket is null || startFull ? burst : Math.Min(burst, _bucket.Available(clock));
            _bucket = new TokenBucket(burst, refillPerMinute, carried, clock);
            Limit = requestsPerMinute;
        }

        /// <summary>Up to <c>capacity</c> permits, refilled continuously at <c>perMinute</c>, on the given clock.</summary>
        private sealed class TokenBucket
        {
            private readonly int _capacity;
            private readonly double _perTick;
            private double _tokens;
            private DateTimeOffset _updated;

            public TokenBucket(int capacity, int perMinute, int tokens, TimeProvider clock)
            {
                _capacity = capacity;
                _perTick = perMinute / (double)TimeSpan.TicksPerMinute;
                _tokens = tokens;
                _updated = clock.GetUtcNow();
            }

            public int Available(TimeProvider clock)
            {
                Refill(clock);
                return (int)_tokens;
            }

            /// <summary>Takes a permit, or says how long until one is there.</summary>
            public bool TryTake(TimeProvider clock, out TimeSpan wait)
            {
                Refill(clock);
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    wait = TimeSpan.Zero;
                    return true;
                }
                wait = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling((1 - _tokens) / _perTick)));
                return false;
            }

            private void Refill(TimeProvider clock)
            {
                var now = clock.GetUtcNow();
                if (now <= _updated) return;
                _tokens = Math.Min(_capacity, _tokens + (now - _updated).Ticks * _perTick);
                _updated = now;
            }
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

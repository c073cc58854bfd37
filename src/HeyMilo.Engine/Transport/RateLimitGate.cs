using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>
    /// The client-side rate limit: one gate per API key, shared by every session and runspace in the
    /// process, so the key's requests stay at or under the configured requests per minute and a
    /// healthy run never sees a 429.
    ///
    /// The permits are a sliding-window log on <see cref="ModuleClock"/>: a request may start when fewer
    /// than the limit started in the last <see cref="Window"/> (60 s plus a margin for the time between
    /// taking a permit and the server counting the request). So a short job runs at full speed and a long
    /// one at the limit, and no 60-second window, wherever the server starts it, holds more than the limit.
    /// It is not System.Threading.RateLimiting's SlidingWindowRateLimiter: the library measures time with
    /// its own stopwatch and takes no TimeProvider (dotnet/runtime#106447), so on a fake clock every wait
    /// would still cost real time and tests would have to sleep.
    /// The server's rate-limit headers tighten the gate: a lower advertised limit rebuilds the bucket,
    /// and "remaining 0" or a 429's Retry-After pauses every caller of the key until the reset.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private static readonly ConcurrentDictionary<string, RateLimitGate> s_gates =
            new ConcurrentDictionary<string, RateLimitGate>(StringComparer.Ordinal);

        private readonly object _sync = new object();
        /// <summary>60 s, plus 1 s for a permit taken just before a request reaches the server a little later.</summary>
        internal static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

        private SlidingLog _log = null!;
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
                var available = _log.Available(ModuleClock.Current.GetUtcNow());
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
                        if (_log.TryTake(now, out delay)) return;
                    }
                }

                if (!announced && (paused || waited + delay >= TimeSpan.FromSeconds(1)) && delay >= TimeSpan.FromSeconds(1))
                {
                    announced = true;
                    var reason = paused ? "the API asked to pause until its rate-limit window resets" : $"keeping under {Limit} requests per minute";
                    var text = string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.#} s before {1}: {2}.", delay.TotalSeconds, requestLine, reason);
                    // Pacing to the limit is the module doing its job (verbose); a long pause the API asked for is news (warning).
                    if (paused && delay >= TimeSpan.FromSeconds(30)) OperationLog.Warning(text); else OperationLog.Verbose(text);
                }

                await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                waited += delay;
            }
        }

        /// <summary>Reads the server's view: its X-RateLimit-* headers, and the pause it asked of the key (RateLimitHeaders.ServerRequestedPause).</summary>
        public void Observe(int? limit, int? remaining, TimeSpan? resetIn, TimeSpan? pause)
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
            // A tighter limit keeps the requests already made: they still count against it.
            _log = new SlidingLog(requestsPerMinute, startFull || _log is null ? null : _log);
            Limit = requestsPerMinute;
        }

        /// <summary>When each of the last requests took its permit, at most <c>limit</c> of them, oldest first.</summary>
        private sealed class SlidingLog
        {
            private readonly int _limit;
            private readonly Queue<DateTimeOffset> _taken = new Queue<DateTimeOffset>();

            public SlidingLog(int limit, SlidingLog? carried)
            {
                _limit = limit;
                if (carried is null) return;
                foreach (var at in carried._taken) _taken.Enqueue(at);
                while (_taken.Count > _limit) _taken.Dequeue();
            }

            public int Available(DateTimeOffset now)
            {
                Expire(now);
                return _limit - _taken.Count;
            }

            /// <summary>Takes a permit, or says how long until the oldest request leaves the window.</summary>
            public bool TryTake(DateTimeOffset now, out TimeSpan wait)
            {
                Expire(now);
                if (_taken.Count < _limit)
                {
                    _taken.Enqueue(now);
                    wait = TimeSpan.Zero;
                    return true;
                }
                wait = _taken.Peek() + Window - now;
                if (wait <= TimeSpan.Zero) wait = TimeSpan.FromTicks(1);
                return false;
            }

            private void Expire(DateTimeOffset now)
            {
                while (_taken.Count > 0 && now - _taken.Peek() >= Window) _taken.Dequeue();
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

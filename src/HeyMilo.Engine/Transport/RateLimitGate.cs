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

        /// <summary>The client's own window: 60 s, plus 1 s for a permit taken just before a request reaches the server a little later.</summary>
        internal static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

        /// <summary>The server's window when its answers carry a limit but no reset: the documented "per minute".</summary>
        private static readonly TimeSpan DefaultServerWindow = TimeSpan.FromSeconds(60);

        /// <summary>How precisely reset headers tell the time: whole seconds (a delta, or a Unix time).</summary>
        private static readonly TimeSpan ResetResolution = TimeSpan.FromSeconds(1);

        /// <summary>Waits longer than this show a progress record that counts down.</summary>
        internal static readonly TimeSpan VisibleWait = TimeSpan.FromSeconds(2);

        private readonly object _sync = new object();
        private SlidingLog _client = null!;
        private SlidingLog? _server;
        private int? _serverLimit;
        private TimeSpan? _serverWindowSeen;
        private int? _serverRemaining;
        private DateTimeOffset? _serverResetAt;
        private int _takenSinceObserved;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        /// <summary>Until when the server said none were left, where the server's log already holds the key that long.</summary>
        private DateTimeOffset _noneLeftUntil = DateTimeOffset.MinValue;

        private RateLimitGate(int requestsPerMinute) => BuildClient(requestsPerMinute);

        /// <summary>The gate for a key (identified by its hash); a lower limit than the gate's tightens it.</summary>
        public static RateLimitGate For(string keyId, int requestsPerMinute)
        {
            var gate = s_gates.GetOrAdd(keyId, _ => new RateLimitGate(requestsPerMinute));
            gate.Tighten(requestsPerMinute);
            return gate;
        }

        /// <summary>Forget every gate (tests only: each test starts from a fresh bucket).</summary>
        internal static void ResetAll() => s_gates.Clear();

        /// <summary>The client's ceiling (Connect-Milo -RequestsPerMinute), per 60 s.</summary>
        public int Limit { get; private set; }

        /// <summary>
        /// The state now, from one source: whichever of the client's window and the server's (as its headers
        /// describe it) leaves fewer requests. Computed at the time of asking, not copied from the last response.
        /// </summary>
        public RateLimitState Snapshot()
        {
            lock (_sync)
            {
                var now = ModuleClock.Current.GetUtcNow();
                var paused = _pausedUntil > now ? _pausedUntil : (DateTimeOffset?)null;
                var client = new RateLimitState(Limit, _client.Available(now), _client.NextFree(now), paused, TimeSpan.FromSeconds(60), "client");
                if (_server is null || _serverLimit is null) return paused is null ? client : With(client, 0, paused);

                var serverRemaining = _server.Available(now);
                DateTimeOffset? serverReset = _server.NextFree(now);
                if (_serverResetAt is DateTimeOffset at && at > now && _serverRemaining is int reported)
                {
                    // Until its reset, what the server last said (minus what was sent since) is the truth.
                    serverRemaining = Math.Min(serverRemaining, Math.Max(0, reported - _takenSinceObserved));
                    serverReset = at;
                }
                var server = new RateLimitState(_serverLimit.Value, serverRemaining, serverReset, paused, ServerWindow, "server");
                var chosen = server.Remaining <= client.Remaining ? server : client;
                return paused is null ? chosen : With(chosen, 0, paused);
            }
        }

        private static RateLimitState With(RateLimitState s, int remaining, DateTimeOffset? resetAt) =>
            new RateLimitState(s.Limit, remaining, resetAt, s.PausedUntil, s.Window, s.Source);

        private TimeSpan ServerWindow => _serverWindowSeen ?? DefaultServerWindow;

        /// <summary>
        /// Waits for a permit of both windows (the client's, and the server's when its headers gave one).
        /// Waits over a second are reported on the operation log, those over <see cref="VisibleWait"/> also as a
        /// countdown. A wait the server's headers impose that is longer than <paramref name="maxServerWait"/>
        /// is not waited: it fails at once with the server's reset time (HeyMilo.RateLimited).
        /// </summary>
        public async Task<Permit> AcquireAsync(string requestLine, TimeSpan maxServerWait, CancellationToken cancellationToken)
        {
            var clock = ModuleClock.Current;
            var waited = TimeSpan.Zero;
            var announced = false;
            IDisposable? countdown = null;
            try
            {
                while (true)
                {
                    TimeSpan delay;
                    bool paused, byServer;
                    DateTimeOffset until;
                    lock (_sync)
                    {
                        var now = clock.GetUtcNow();
                        paused = now < _pausedUntil;
                        byServer = paused;
                        if (paused)
                        {
                            delay = _pausedUntil - now;
                        }
                        else
                        {
                            var clientFree = _client.WaitFor(now);
                            var serverFree = _server?.WaitFor(now) ?? TimeSpan.Zero;
                            if (clientFree <= TimeSpan.Zero && serverFree <= TimeSpan.Zero)
                            {
                                var permit = new Permit(now);
                                _client.Take(permit);
                                _server?.Take(permit);
                                _takenSinceObserved++;
                                return permit;
                            }
                            // After the server's own "none left", the wait is the server's, as if it had paused the key
                            // (and is told as such), even where the gate's log is what holds the request.
                            var noneLeft = serverFree > TimeSpan.Zero && now < _noneLeftUntil;
                            byServer = serverFree > clientFree || noneLeft;
                            paused = noneLeft;
                            delay = serverFree > clientFree ? serverFree : clientFree;
                        }
                        until = now + delay;
                        if (byServer && delay > maxServerWait)
                            throw PauseTooLong(requestLine, until, delay, maxServerWait, paused);
                    }

                    var reason = paused
                        ? "the API asked to pause until its rate-limit window resets"
                        : byServer
                            ? string.Format(CultureInfo.InvariantCulture, "keeping under the API's {0} requests per {1:0.#} s", _serverLimit, ServerWindow.TotalSeconds)
                            : $"keeping under {Limit} requests per minute";
                    if (!announced && (paused || waited + delay >= TimeSpan.FromSeconds(1)) && delay >= TimeSpan.FromSeconds(1))
                    {
                        announced = true;
                        var text = string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.#} s before {1}: {2}.", delay.TotalSeconds, requestLine, reason);
                        // Pacing to the limit is the module doing its job (verbose); a long pause the API asked for is news (warning).
                        if (paused && delay >= TimeSpan.FromSeconds(30)) OperationLog.Warning(text); else OperationLog.Verbose(text);
                    }
                    if (delay > VisibleWait)
                    {
                        countdown?.Dispose();
                        countdown = OperationLog.Wait("Waiting for the rate limit", requestLine + ": " + reason, until);
                    }

                    await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                    waited += delay;
                }
            }
            finally
            {
                countdown?.Dispose();
            }
        }

        private MiloApiException PauseTooLong(string requestLine, DateTimeOffset until, TimeSpan delay, TimeSpan max, bool paused)
        {
            var space = requestLine.IndexOf(' ');
            var message = string.Format(CultureInfo.InvariantCulture,
                "The API's rate limit for this key resets at {0:u}, in {1:0} s: longer than the {2:0} s the session waits (-MaxRateLimitWaitSec), so nothing was sent.{3}",
                until, delay.TotalSeconds, max.TotalSeconds,
                paused ? string.Empty : string.Format(CultureInfo.InvariantCulture, " (the API allows {0} requests per {1:0} s)", _serverLimit, ServerWindow.TotalSeconds));
            return new MiloApiException(MiloFailureKind.RateLimited, message,
                space > 0 ? requestLine.Substring(0, space) : requestLine, space > 0 ? requestLine.Substring(space + 1) : string.Empty,
                retryAfter: delay, mayHaveReachedServer: false, rateLimitResetAt: until);
        }

        /// <summary>
        /// Reads the server's view after each response: its X-RateLimit-* headers, and the pause it asked of the
        /// key (RateLimitHeaders.ServerRequestedPause). The latest headers win: a limit that rose since an answer
        /// lowered it relaxes the server window again. The window is learned from the reset times the server
        /// announces (the longest seen since its limit last changed).
        /// </summary>
        public void Observe(int? limit, int? remaining, TimeSpan? resetIn, TimeSpan? pause, bool rejected = false)
        {
            var now = ModuleClock.Current.GetUtcNow();
            lock (_sync)
            {
                if (limit is int l && l > 0)
                {
                    var window = _serverWindowSeen;
                    if (l != _serverLimit) window = null;
                    if (resetIn is TimeSpan r && r > TimeSpan.Zero)
                    {
                        var seconds = TimeSpan.FromSeconds(Math.Ceiling(r.TotalSeconds));
                        if (window is null || seconds > window) window = seconds;
                    }
                    if (l != _serverLimit || window != _serverWindowSeen || _server is null)
                    {
                        _serverLimit = l;
                        _serverWindowSeen = window;
                        var span = ServerWindow;
                        // The same margin as the client's 61 s for 60: 1/60 of the window, at least 50 ms.
                        var margin = TimeSpan.FromTicks(Math.Max(span.Ticks / 60, TimeSpan.FromMilliseconds(50).Ticks));
                        // The first headers arrive after other requests already left (several runspaces start at
                        // once): those count against the server's window too, so its log starts from the client's.
                        _server = new SlidingLog(l, span + margin, _server ?? _client);
                    }
                }
                if (remaining.HasValue)
                {
                    _serverRemaining = remaining;
                    _takenSinceObserved = 0;
                }
                if (resetIn is TimeSpan reset) _serverResetAt = now + reset;

                if (pause is TimeSpan p && now + p > _pausedUntil)
                {
                    if (ExplainedByServerLog(p, rejected, remaining, resetIn, now)) _noneLeftUntil = now + p;
                    else _pausedUntil = now + p;
                }
            }
        }

        /// <summary>
        /// "None left, resets in N s" on an answer that was not refused. Reset times are whole seconds, so the
        /// window really frees up to a second before the header says. When the server's log (which knows when
        /// each request left) already holds the next request at least that long, it is the finer measure, and
        /// pausing every caller until the rounded-up second would waste up to a second of every window.
        /// </summary>
        private bool ExplainedByServerLog(TimeSpan pause, bool rejected, int? remaining, TimeSpan? resetIn, DateTimeOffset now) =>
            !rejected && remaining == 0 && resetIn == pause && _server != null && _server.WaitFor(now) >= pause - ResetResolution;

        /// <summary>
        /// The attempt that took <paramref name="permit"/> has its answer (or failed). The server counted the request
        /// somewhere between the permit and now, and counts it from then: from here on it leaves the windows as of
        /// now, the latest moment the server can have counted it. On a busy machine or network that moment is tens of
        /// milliseconds after the permit, more than the windows' margin, and the next window's first request met a 429.
        /// </summary>
        public void Answered(Permit permit)
        {
            var now = ModuleClock.Current.GetUtcNow();
            lock (_sync)
            {
                if (now > permit.At) permit.At = now;
            }
        }

        private void Tighten(int requestsPerMinute)
        {
            lock (_sync)
            {
                if (requestsPerMinute < Limit) BuildClient(requestsPerMinute);
            }
        }

        private void BuildClient(int requestsPerMinute)
        {
            // A tighter limit keeps the requests already made: they still count against it.
            _client = new SlidingLog(requestsPerMinute, Window, _client);
            Limit = requestsPerMinute;
        }

        /// <summary>
        /// One request's place in the windows: when it took its permit, then (<see cref="Answered"/>) when its answer
        /// came. The client's and the server's log share it, so both see the later time.
        /// </summary>
        internal sealed class Permit
        {
            internal Permit(DateTimeOffset at) => At = at;

            internal DateTimeOffset At { get; set; }
        }

        /// <summary>
        /// The last requests, at most <c>limit</c> of them, in the order they took their permits. A permit answered
        /// late may stand before one answered early; it then holds that one back until it leaves itself, which errs
        /// by at most a round trip on the safe side.
        /// </summary>
        private sealed class SlidingLog
        {
            private readonly int _limit;
            private readonly TimeSpan _window;
            private readonly Queue<Permit> _taken = new Queue<Permit>();

            public SlidingLog(int limit, TimeSpan window, SlidingLog? carried)
            {
                _limit = limit;
                _window = window;
                if (carried is null) return;
                foreach (var permit in carried._taken) _taken.Enqueue(permit);
                while (_taken.Count > _limit) _taken.Dequeue();
            }

            public int Available(DateTimeOffset now)
            {
                Expire(now);
                return _limit - _taken.Count;
            }

            /// <summary>When the next permit frees up, or null when one is free now.</summary>
            public DateTimeOffset? NextFree(DateTimeOffset now)
            {
                Expire(now);
                return _taken.Count < _limit || _taken.Count == 0 ? (DateTimeOffset?)null : _taken.Peek().At + _window;
            }

            /// <summary>Zero when a permit is free now, else how long until the oldest request leaves the window.</summary>
            public TimeSpan WaitFor(DateTimeOffset now)
            {
                Expire(now);
                if (_taken.Count < _limit) return TimeSpan.Zero;
                var wait = _taken.Peek().At + _window - now;
                return wait <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : wait;
            }

            public void Take(Permit permit) => _taken.Enqueue(permit);

            private void Expire(DateTimeOffset now)
            {
                while (_taken.Count > 0 && now - _taken.Peek().At >= _window) _taken.Dequeue();
            }
        }
    }
}

namespace HeyMilo
{
    /// <summary>The rate-limit state shown by Get-MiloSession: computed when read, from one source.</summary>
    public sealed class RateLimitState
    {
        public RateLimitState(int limit, int remaining, DateTimeOffset? resetAt, DateTimeOffset? pausedUntil)
            : this(limit, remaining, resetAt, pausedUntil, TimeSpan.FromSeconds(60), "client")
        {
        }

        public RateLimitState(int limit, int remaining, DateTimeOffset? resetAt, DateTimeOffset? pausedUntil, TimeSpan window, string source)
        {
            Limit = limit;
            Remaining = remaining;
            ResetAt = resetAt;
            PausedUntil = pausedUntil;
            Window = window;
            Source = source;
        }

        /// <summary>Requests allowed per <see cref="Window"/>: the client's ceiling or the server's limit, whichever leaves fewer now.</summary>
        public int Limit { get; }
        /// <summary>Requests that may start now within that limit.</summary>
        public int Remaining { get; }
        /// <summary>When the next request frees up (null: one is free now).</summary>
        public DateTimeOffset? ResetAt { get; }
        /// <summary>Until when the API asked every caller of the key to pause (null: no pause now).</summary>
        public DateTimeOffset? PausedUntil { get; }
        /// <summary>The window the limit is counted in: 60 s for the client, the server's as its reset times show it.</summary>
        public TimeSpan Window { get; }
        /// <summary>"client" (Connect-Milo -RequestsPerMinute) or "server" (the API's X-RateLimit-* headers).</summary>
        public string Source { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}/{1} per {2:0.#} s ({3}){4}", Remaining, Limit, Window.TotalSeconds, Source,
                ResetAt is DateTimeOffset r ? ", next free " + r.ToString("u", CultureInfo.InvariantCulture) : string.Empty);
    }
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Diagnostics;
using HeyMilo.TestClock;
using HeyMilo.Transport;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The gate on a clock that moves only when the test moves it: a permit either is granted now or waits.</summary>
    [Collection(ModuleClockCollection.Name)]
    public sealed class RateLimitGateTests : IDisposable
    {
        private static readonly TimeSpan MaxServerWait = TimeSpan.FromMinutes(5);
        private readonly AutoAdvancingClock _clock = new AutoAdvancingClock { AutoAdvanceLimit = TimeSpan.Zero };
        private readonly RateLimitGate _gate;

        public RateLimitGateTests()
        {
            ModuleClock.Current = _clock;
            _gate = RateLimitGate.For("gate-test-" + Guid.NewGuid().ToString("N"), 300);
        }

        public void Dispose() => ModuleClock.Current = TimeProvider.System;

        private Task<RateLimitGate.Permit> Acquire() => _gate.AcquireAsync("GET /api/v2/postings", MaxServerWait, CancellationToken.None);

        [Fact]
        public void Requests_sent_before_the_first_headers_count_against_the_server_window()
        {
            // Four runspaces start at once: four requests leave before any answer has told the client the server's limit.
            Assert.All(Enumerable.Range(0, 4).Select(_ => Acquire()), t => Assert.True(t.IsCompleted));
            _gate.Observe(limit: 40, remaining: 39, resetIn: TimeSpan.FromSeconds(3), pause: null);

            var granted = Enumerable.Range(0, 36).Select(_ => Acquire()).ToArray();
            var over = Acquire();

            Assert.All(granted, t => Assert.True(t.IsCompleted));
            Assert.False(over.IsCompleted, "the 41st request in the server's 3 s window was let through: it would meet a 429");
            _clock.Advance(TimeSpan.FromSeconds(3.1));
            Assert.True(over.Wait(TimeSpan.FromSeconds(10)), "the permit did not free up when the server's window moved on");
        }

        [Fact]
        public void The_server_window_is_learned_from_its_reset_and_not_held_at_a_minute()
        {
            _gate.Observe(limit: 40, remaining: 40, resetIn: TimeSpan.FromSeconds(3), pause: null);
            Assert.All(Enumerable.Range(0, 40).Select(_ => Acquire()), t => Assert.True(t.IsCompleted));
            var next = Acquire();
            Assert.False(next.IsCompleted);

            _clock.Advance(TimeSpan.FromSeconds(3.1));

            Assert.True(next.Wait(TimeSpan.FromSeconds(10)));
            Assert.Equal(TimeSpan.FromSeconds(3), _gate.Snapshot().Window);
        }

        [Fact]
        public void A_request_counts_from_its_answer_when_that_came_late()
        {
            _gate.Observe(limit: 40, remaining: 40, resetIn: TimeSpan.FromSeconds(3), pause: null);
            var permits = Enumerable.Range(0, 40).Select(_ => Acquire()).ToArray();
            Assert.All(permits, t => Assert.True(t.IsCompleted));
            // The first request reached the server 0.1 s after its permit (a busy machine): the server counts it from then.
            _clock.Advance(TimeSpan.FromSeconds(0.1));
            _gate.Answered(permits[0].Result);
            _clock.Advance(TimeSpan.FromSeconds(2.96)); // 3.06 s after the permit, 2.96 s after the server counted it

            var next = Acquire();

            Assert.False(next.IsCompleted, "the next window's first request left before the server's window had moved past the late one: a 429");
            _clock.Advance(TimeSpan.FromSeconds(0.1));
            Assert.True(next.Wait(TimeSpan.FromSeconds(10)));
        }

        [Fact]
        public void None_left_in_whole_seconds_does_not_hold_the_key_past_what_its_own_log_shows()
        {
            _gate.Observe(limit: 40, remaining: 39, resetIn: TimeSpan.FromSeconds(3), pause: null);
            Assert.All(Enumerable.Range(0, 40).Select(_ => Acquire()), t => Assert.True(t.IsCompleted));
            // The 40th answer, 0.43 s later: none left, the window resets in ceil(2.57) = 3 s.
            _clock.Advance(TimeSpan.FromSeconds(0.43));
            _gate.Observe(limit: 40, remaining: 0, resetIn: TimeSpan.FromSeconds(3), pause: TimeSpan.FromSeconds(3));
            var next = Acquire();

            _clock.Advance(TimeSpan.FromSeconds(2.67)); // 3.1 s after the first request left: the server's window has moved on

            Assert.True(next.Wait(TimeSpan.FromSeconds(10)), "the key stayed paused until the rounded-up reset (3.43 s), past the server's real window");
        }

        [Fact]
        public void None_left_that_the_log_cannot_explain_pauses_the_key_until_the_reset()
        {
            // Someone else spent this key's window: the client sent one request, the server says none are left.
            _gate.Observe(limit: 40, remaining: 39, resetIn: TimeSpan.FromSeconds(3), pause: null);
            Assert.True(Acquire().IsCompleted);
            _gate.Observe(limit: 40, remaining: 0, resetIn: TimeSpan.FromSeconds(3), pause: TimeSpan.FromSeconds(3));
            var next = Acquire();

            _clock.Advance(TimeSpan.FromSeconds(2.5));
            Assert.False(next.IsCompleted, "a request left while the server said none were left");
            _clock.Advance(TimeSpan.FromSeconds(0.6));
            Assert.True(next.Wait(TimeSpan.FromSeconds(10)));
        }

        [Fact]
        public void A_429_pauses_the_key_for_its_whole_Retry_After_even_when_the_log_would_allow_sooner()
        {
            _gate.Observe(limit: 40, remaining: 39, resetIn: TimeSpan.FromSeconds(3), pause: null);
            Assert.All(Enumerable.Range(0, 40).Select(_ => Acquire()), t => Assert.True(t.IsCompleted));
            _clock.Advance(TimeSpan.FromSeconds(0.43));
            _gate.Observe(limit: 40, remaining: 0, resetIn: TimeSpan.FromSeconds(3), pause: TimeSpan.FromSeconds(3), rejected: true);
            var next = Acquire();

            _clock.Advance(TimeSpan.FromSeconds(2.67));
            Assert.False(next.IsCompleted, "after a 429 the client's own count was wrong: the server's pause is the truth");
            _clock.Advance(TimeSpan.FromSeconds(0.4));
            Assert.True(next.Wait(TimeSpan.FromSeconds(10)));
        }
    }

    /// <summary>Tests that swap the process-wide module clock run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ModuleClockCollection
    {
        public const string Name = "ModuleClock";
    }
}

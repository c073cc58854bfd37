using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>The server's rate-limit headers are the truth: its window, a limit that rises again, a pause over the cap.</summary>
    public class RateLimitServerTests : MiloTestBase
    {
        private const string Postings = "/api/v2/postings";
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // guards only

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 250;
            options.RateLimitPerMinute = 40;
            options.RateLimitWindow = TimeSpan.FromSeconds(3);
        }

        private static Dictionary<string, string> Limit(int limit, int remaining, int resetSeconds) => new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = limit.ToString(),
            ["X-RateLimit-Remaining"] = remaining.ToString(),
            ["X-RateLimit-Reset"] = resetSeconds.ToString(),
        };

        [Fact]
        public void A_server_allowing_40_per_3_s_is_used_at_its_pace_not_at_40_per_minute()
        {
            Connect(); // the client's own ceiling stays the documented 300 per minute
            var start = Clock.Now();

            var result = Run("Get-MiloPosting -PageSize 1 -First 120").ThrowIfTerminating();

            Assert.Equal(120, result.Output.Count);
            Assert.Equal(0, Sim.Requests.Count(r => r.Status == 429));
            Assert.InRange(Sim.Requests.MaxAcceptedInAnyWindow(Key, TimeSpan.FromSeconds(3)), 1, 40);
            // The server's budget: 40 now, 40 after 3 s, 40 after 6 s. Within 1.2x of it.
            Assert.InRange(Clock.Now() - start, TimeSpan.FromSeconds(5.9), TimeSpan.FromSeconds(6 * 1.2));
            var state = (dynamic)Run("(Get-MiloSession).RateLimit").Output.Single().BaseObject;
            Assert.Equal(TimeSpan.FromSeconds(3), (TimeSpan)state.Window);
        }

        [Fact]
        public void A_lower_limit_seen_once_is_relaxed_by_later_headers()
        {
            Connect();
            Sim.Faults.Add("GET", Postings, new Fault { Headers = Limit(5, 4, 60) });
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating(); // the one answer that says 5 per minute
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating(); // 40 per 3 s again
            Clock.ClearWaits();

            var result = Run("Get-MiloPosting -PageSize 1 -First 30").ThrowIfTerminating();

            Assert.Equal(30, result.Output.Count);
            Assert.Empty(Clock.Waits()); // 30 requests fit the server's 40 per 3 s: nothing held them at 5 per minute
        }

        [Fact]
        public async Task A_pause_over_MaxRateLimitWaitSec_fails_at_once_with_the_reset_time_and_sends_nothing()
        {
            Connect();
            Sim.Faults.Add("GET", Postings, new Fault { Headers = Limit(40, 0, 900) });
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating(); // answered, with "none left for 900 s"
            var sent = Requests(Postings).Count;
            var resetAt = Clock.Now().AddSeconds(900);

            var result = await Task.Run(() => Run("Get-MiloPosting -First 1")).WaitAsync(Guard);

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.RateLimited,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains(resetAt.ToString("u"), error.ErrorDetails.Message);
            Assert.Contains(resetAt.ToString("u"), error.ErrorDetails.RecommendedAction);
            Assert.Equal(sent, Requests(Postings).Count);
            Assert.Empty(Clock.Waits());

            // A new session on the same key is told the same at once, not frozen.
            Connect("-MaxRateLimitWaitSec 60");
            var again = await Task.Run(() => Run("Get-MiloPosting -First 1")).WaitAsync(Guard);
            Assert.Equal("HeyMilo.RateLimited,HeyMilo.Commands.GetMiloPostingCommand", Assert.Single(again.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(sent, Requests(Postings).Count);
        }

        [Fact]
        public async Task A_429_asking_for_more_than_MaxRateLimitWaitSec_is_not_retried()
        {
            Connect();
            Sim.Faults.Add("GET", Postings, new Fault { Status = 429, RetryAfterSeconds = 900 }, times: 5);

            var result = await Task.Run(() => Run("Get-MiloPosting -First 1")).WaitAsync(Guard);

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.RateLimited,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Contains("in 900 s", error.ErrorDetails.RecommendedAction);
            Assert.Single(Requests(Postings));
            Assert.Empty(Clock.Waits());
        }

        [Fact]
        public void The_session_RateLimit_is_live_and_from_one_source()
        {
            Connect();
            Run("Get-MiloPosting -PageSize 1 -First 40 | Out-Null").ThrowIfTerminating();

            dynamic spent = Run("(Get-MiloSession).RateLimit").Output.Single().BaseObject;
            Assert.Equal("server", (string)spent.Source);
            Assert.Equal(40, (int)spent.Limit);
            Assert.Equal(0, (int)spent.Remaining);
            Assert.True((DateTimeOffset)spent.ResetAt > Clock.Now());

            Clock.Advance(TimeSpan.FromSeconds(10)); // the server's 3 s window is long past
            dynamic later = Run("(Get-MiloSession).RateLimit").Output.Single().BaseObject;
            Assert.Equal(40, (int)later.Limit);
            Assert.Equal(40, (int)later.Remaining);
            Assert.Null((DateTimeOffset?)later.ResetAt);
        }
    }

    public class RateLimitSourceTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.RateLimitPerMinute = 100000;

        [Fact]
        public void Limit_and_Remaining_come_from_the_same_limit()
        {
            Connect(); // 300 per minute on the client; the server says 100000
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating();
            dynamic state = Run("(Get-MiloSession).RateLimit").Output.Single().BaseObject;
            Assert.Equal("client", (string)state.Source);
            Assert.Equal(300, (int)state.Limit);
            Assert.Equal(299, (int)state.Remaining);
        }
    }

    /// <summary>Waits are visible: a progress record that counts down and ends with Completed.</summary>
    public class WaitProgressTests : MiloTestBase
    {
        private const string Postings = "/api/v2/postings";

        protected override void Configure(SimulatorOptions options) => options.RateLimitPerMinute = 0;

        [Fact]
        public void A_self_imposed_rate_limit_wait_shows_progress_that_ends_Completed()
        {
            Connect("-RequestsPerMinute 2");
            var result = Run("Get-MiloPosting -PageSize 1 -First 3").ThrowIfTerminating();

            Assert.Equal(3, result.Output.Count);
            var bar = result.Progress.Where(p => p.Activity == "Waiting for the rate limit").ToList();
            Assert.NotEmpty(bar);
            Assert.StartsWith("Waiting for the rate limit, 61 s", bar[0].StatusDescription);
            Assert.Equal(61, bar[0].SecondsRemaining);
            Assert.Equal(ProgressRecordType.Completed, bar.Last().RecordType);
        }

        [Fact]
        public async Task The_import_bar_shows_every_row_sent_when_a_wait_begins_not_the_last_count_the_throttle_let_through()
        {
            // One row per batch: five rows go at once (no module time passes, so the bar's throttle holds back every
            // update after the first); the fifth answer says none are left for 120 s (longer than the fake clock
            // passes by itself), so the sixth row waits until the test moves the clock.
            Connect();
            Sim.Faults.Add("POST", "/api/v2/postings/" + Sim.Data.PostingIds[0] + "/candidates/bulk", new Fault
            {
                BodyContains = "\"n5@example.com\"",
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "120" },
            });
            Ps.Set("p", Sim.Data.PostingIds[0]);
            var records = new System.Collections.Concurrent.BlockingCollection<ProgressRecord>();
            using var ps = Ps.Create("1..6 | ForEach-Object { [pscustomobject]@{ Name = \"n$_\"; Email = \"n$_@example.com\" } } | Import-MiloCandidate -PostingId $p -BatchSize 1 -ThrottleLimit 1");
            ps.Streams.Progress.DataAdded += (sender, e) => records.Add(((PSDataCollection<ProgressRecord>)sender!)[e.Index]);
            var invocation = ps.BeginInvoke();

            var importBar = new List<ProgressRecord>();
            while (true)
            {
                Assert.True(records.TryTake(out var record, TimeSpan.FromSeconds(30)), "no rate-limit wait was shown"); // guard only
                if (record.Activity == "Waiting for the rate limit") break;
                if (record.Activity == "Importing candidates") importBar.Add(record);
            }
            Assert.StartsWith("Sent 5,", importBar.Last().StatusDescription);

            Clock.Advance(TimeSpan.FromSeconds(121));
            await Task.Factory.FromAsync(invocation, _ => { }).WaitAsync(TimeSpan.FromSeconds(30)); // guard only
            Assert.Equal(6, ps.EndInvoke(invocation).Count);
        }

        [Fact]
        public async Task A_long_wait_counts_down_on_the_clock_and_ends_Completed()
        {
            Connect();
            Sim.Faults.Add("GET", Postings, new Fault
            {
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "120" },
            });
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating(); // now the key must pause 120 s (over the fake clock's auto-advance)

            var records = new System.Collections.Concurrent.BlockingCollection<ProgressRecord>();
            using var ps = Ps.Create("Get-MiloPosting -First 1");
            ps.Streams.Progress.DataAdded += (s, e) => records.Add(((PSDataCollection<ProgressRecord>)s!)[e.Index]);
            var invocation = ps.BeginInvoke();

            ProgressRecord Next(Func<ProgressRecord, bool> match)
            {
                while (records.TryTake(out var r, TimeSpan.FromSeconds(30))) // guard only
                    if (r.Activity == "Waiting for the rate limit" && match(r)) return r;
                throw new Xunit.Sdk.XunitException("no such progress record");
            }

            Assert.StartsWith("Waiting for the rate limit, 120 s", Next(_ => true).StatusDescription);
            Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(90, Next(r => r.SecondsRemaining <= 90).SecondsRemaining);
            Clock.Advance(TimeSpan.FromSeconds(91));
            Next(r => r.RecordType == ProgressRecordType.Completed);
            await Task.Factory.FromAsync(invocation, _ => { }).WaitAsync(TimeSpan.FromSeconds(30)); // guard only
            Assert.Single(ps.EndInvoke(invocation));
        }
    }
}

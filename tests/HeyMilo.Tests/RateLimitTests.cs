using System;
using System.Linq;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class RateLimitTests : MiloTestBase
    {
        private const int Limit = 30;

        // In virtual time, concurrent waits move the shared clock forward while another runspace's
        // request is in flight, so the server may stamp a request a few token periods after the client
        // took its permit. A client ceiling a little under the server's absorbs that test-only skew;
        // without the process-wide gate the four runspaces would still send 4 × 24 per minute.
        private const int ClientLimit = 24;

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 250;
            options.RateLimitPerMinute = Limit;
        }

        [Fact]
        public async Task Four_runspaces_on_one_key_stay_under_the_limit_and_never_see_a_429()
        {
            var hosts = Enumerable.Range(0, 4).Select(_ => new PsHost()).ToList();
            try
            {
                foreach (var host in hosts)
                {
                    host.Set("k", Secure(Key));
                    host.Invoke($"Connect-Milo -ApiKey $k -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -RequestsPerMinute {ClientLimit}").ThrowIfTerminating();
                }
                var runs = hosts.Select(h => Task.Run(() => h.Invoke("Get-MiloPosting -PageSize 25"))).ToArray();
                var results = await Task.WhenAll(runs);

                Assert.All(results, r => Assert.Empty(r.AllErrors));
                Assert.All(results, r => Assert.Equal(250, r.Output.Count));
                Assert.Equal(40, Sim.Requests.Count(r => r.Path == "/api/v2/postings"));
                Assert.Equal(0, Sim.Requests.Count(r => r.Status == 429));
                Assert.InRange(Sim.Requests.MaxAcceptedInAnyWindow(Key, TimeSpan.FromSeconds(60)), 1, Limit);
                Assert.Contains(Clock.Waits(), w => w > TimeSpan.Zero); // the limiter did have to wait
            }
            finally
            {
                hosts.ForEach(h => h.Dispose());
            }
        }

        [Fact]
        public void A_lower_limit_advertised_by_the_server_tightens_the_client()
        {
            Connect("-RequestsPerMinute 300");
            var result = Run("Get-MiloPosting -PageSize 5").ThrowIfTerminating();
            Assert.Equal(250, result.Output.Count);
            Assert.Equal(0, Sim.Requests.Count(r => r.Status == 429));
            Assert.InRange(Sim.Requests.MaxAcceptedInAnyWindow(Key, TimeSpan.FromSeconds(60)), 1, Limit);
            Assert.Equal(Limit, Run("(Get-MiloSession).RateLimit.Limit").Output.Single().BaseObject);
        }

        [Fact]
        public void The_client_pacing_itself_says_so_with_Verbose()
        {
            Connect($"-RequestsPerMinute {ClientLimit}");
            var result = Run("Get-MiloPosting -PageSize 5 -Verbose").ThrowIfTerminating();
            Assert.Contains(result.Verbose, v => v.StartsWith("Waiting ", StringComparison.Ordinal) && v.Contains($"keeping under {ClientLimit} requests per minute"));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_long_pause_the_API_asks_for_is_a_warning()
        {
            Connect($"-RequestsPerMinute {Limit}");
            var result = Run("Get-MiloPosting -PageSize 5").ThrowIfTerminating();
            Assert.Equal(250, result.Output.Count);
            Assert.Contains(result.Warnings, w => w.StartsWith("Waiting ", StringComparison.Ordinal) && w.Contains("the API asked to pause"));
            Assert.Equal(0, Sim.Requests.Count(r => r.Status == 429));
        }

        [Fact]
        public void A_job_smaller_than_the_limit_runs_without_waiting()
        {
            Connect($"-RequestsPerMinute {Limit}");
            Run($"Get-MiloPosting -PageSize 5 -First {(Limit - 1) * 5}").ThrowIfTerminating();
            Assert.Equal(Limit - 1, Requests("/api/v2/postings").Count);
            Assert.Empty(Clock.Waits());
        }
    }
}

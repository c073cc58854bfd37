using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Response bodies are bounded: -TimeoutSec covers the body, not just the headers; Ctrl+C stops a body
    /// being read; a body over the cap fails clearly. The attempt timeout runs on the module's fake clock:
    /// a timeout over 90 s only fires when the test moves the clock, after the body has started.
    /// </summary>
    public class ResponseBodyTests : MiloTestBase
    {
        private const string Postings = "/api/v2/postings";
        private const string CmdletId = ",HeyMilo.Commands.GetMiloPostingCommand";
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // guards only: nothing waits this long when it works

        protected override void Configure(SimulatorOptions options) => options.RateLimitPerMinute = 0;

        /// <summary>Starts <paramref name="script"/>, waits until the body has started, moves the clock past -TimeoutSec, and collects the result.</summary>
        private async Task<PsResult> RunPastTimeoutOnceTheBodyStarted(string script, Fault fault, string method, string path)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            fault.BodyStarted = () => started.TrySetResult();
            Sim.Faults.Add(method, path, fault);

            using var ps = Ps.Create(script);
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            await started.Task.WaitAsync(Guard);
            Clock.Advance(TimeSpan.FromSeconds(121));
            var ended = await Task.WhenAny(Task.Factory.FromAsync(invocation, _ => { }), Task.Delay(Guard));
            Assert.True(invocation.IsCompleted, "the command was still reading the body after its timeout");
            var result = new PsResult();
            result.Output.AddRange(output);
            PsHost.Collect(ps, result);
            return result;
        }

        [Theory]
        [InlineData("stall")]
        [InlineData("drip")]
        public async Task TimeoutSec_covers_the_whole_body_of_a_JSON_answer(string kind)
        {
            Connect("-TimeoutSec 120 -MaxRetries 0");
            var fault = kind == "stall"
                ? new Fault { StallAfterBytes = 20 }
                : new Fault { DripInterval = TimeSpan.FromMilliseconds(500) };

            var result = await RunPastTimeoutOnceTheBodyStarted("Get-MiloPosting -First 3", fault, "GET", Postings);

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.Timeout" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Empty(result.Output);
            Assert.Single(Requests(Postings));
        }

        [Fact]
        public async Task Ctrl_C_stops_a_command_reading_a_stalled_body_within_a_second()
        {
            Connect("-TimeoutSec 120 -MaxRetries 0");
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Faults.Add("GET", Postings, new Fault { StallAfterBytes = 20, BodyStarted = () => started.TrySetResult() });

            using var ps = Ps.Create("Get-MiloPosting -First 3");
            var invocation = ps.BeginInvoke();
            await started.Task.WaitAsync(Guard);
            var watch = Stopwatch.StartNew();
            var stop = Task.Run(() => ps.Stop());
            await Task.WhenAny(stop, Task.Delay(Guard));
            watch.Stop();

            Assert.True(stop.IsCompleted, "Stop() did not return while the body was stalled");
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_JSON_answer_over_64_MB_fails_clearly_and_is_not_retried(bool withoutLength)
        {
            Connect();
            Sim.Faults.Add("GET", Postings, new Fault { OversizeBytes = 64L * 1024 * 1024 + 1, OversizeWithoutLength = withoutLength });

            var result = Run("Get-MiloPosting -First 3");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidResponse" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Contains("larger than 64 MB", error.ErrorDetails.Message);
            Assert.Single(Requests(Postings));
        }

        [Fact]
        public async Task TimeoutSec_covers_the_whole_body_of_a_legacy_export_download()
        {
            var folder = Path.Combine(Path.GetTempPath(), "heymilo-stall-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                Connect("-TimeoutSec 120 -MaxRetries 0");
                Run($"$ExecutionContext.SessionState.Path.SetLocation('{folder}') | Out-Null").ThrowIfTerminating();
                var posting = Sim.Data.PostingIds[0];

                var result = await RunPastTimeoutOnceTheBodyStarted(
                    $"Export-MiloInterview -PostingId {posting} -Path stalled.json -Server -PollInterval 2", new Fault { StallAfterBytes = 10 }, "GET", "/files/*");

                var error = result.AllErrors.Single();
                Assert.Equal("HeyMilo.Timeout,HeyMilo.Commands.ExportMiloInterviewCommand", error.FullyQualifiedErrorId);
                // The transport's own words, or the export's ("stalled after 10 bytes (…)") around them: either way
                // the -TimeoutSec bound is named.
                Assert.Contains("120 s", error.ErrorDetails.Message);
                Assert.False(File.Exists(Path.Combine(folder, "stalled.json")));
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}

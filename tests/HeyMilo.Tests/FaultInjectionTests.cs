using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Faults the other suites do not inject: 429 storms without any wait hint, 5xx bursts and cut
    /// bodies mid-run, attempt timeouts, eight runspaces on one key, and interruptions of an import and
    /// an export — each checked for "nothing lost, nothing duplicated".
    /// </summary>
    public class FaultInjectionTests : MiloTestBase
    {
        private const string Postings = "/api/v2/postings";
        private const string CmdletId = ",HeyMilo.Commands.GetMiloPostingCommand";

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 250;
            options.CandidatesPerPosting = 2;
            options.BusyPostingCandidates = 150;
            options.RateLimitPerMinute = 0; // no limit headers: the waits seen are the retry backoff alone
        }

        private string P0 => Sim.Data.PostingIds[0];

        private string BulkPath => $"/api/v2/postings/{P0}/candidates/bulk";

        private static PSObject CsvRow(string name, string email)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("Name", name));
            row.Properties.Add(new PSNoteProperty("Email", email));
            return row;
        }

        private static PSObject[] Rows(int count) =>
            Enumerable.Range(1, count).Select(i => CsvRow("Fault Candidate " + i, $"fault{i}@example.org")).ToArray();

        private static string Prop(PSObject o, string name) => Convert.ToString(o.Properties[name].Value) ?? string.Empty;

        // ---- 429 without Retry-After -------------------------------------------------------------

        [Fact]
        public void A_429_storm_without_Retry_After_backs_off_and_ends_in_RateLimited()
        {
            Connect("-MaxRetries 3 -RequestsPerMinute 100000");
            Sim.Faults.Add("GET", Postings, new Fault { Status = 429 }, times: 50);

            var result = Run("Get-MiloPosting -First 5");

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.RateLimited" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
            Assert.Equal(4, Requests(Postings).Count); // 1 + 3 retries, then it gives up
            // No hint from the server: the waits are the client's own backoff, never a hot loop.
            var waits = Clock.Waits();
            Assert.Equal(3, waits.Length);
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2)));
        }

        [Fact]
        public void A_429_storm_without_Retry_After_that_ends_lets_the_listing_finish_with_nothing_lost()
        {
            Connect("-MaxRetries 5 -RequestsPerMinute 100000");
            Sim.Faults.Add("GET", Postings, new Fault { Status = 429, QueryContains = "starting_after" }, times: 4);

            var result = Run("Get-MiloPosting -PageSize 100").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(Sim.Data.PostingIds, result.Output.Select(o => Prop(o, "Id")));
            Assert.Equal(3 + 4, Requests(Postings).Count);
            Assert.Equal(4, Clock.Waits().Length);
            Assert.Equal(4, Sim.Requests.Count(r => r.Status == 429));
        }

        // ---- 5xx bursts on the bulk import endpoint ----------------------------------------------

        [Fact]
        public void Server_error_bursts_on_bulk_import_are_retried_and_no_row_is_lost_or_duplicated()
        {
            Connect("-MaxRetries 5 -RequestsPerMinute 100000");
            var rows = Rows(250);
            Ps.Set("rows", rows);
            Ps.Set("p", P0);
            // Batch 1 meets two 503s the server answers before doing anything; batch 1's third try
            // succeeds. Batch 2 is processed by the server and *then* answered with 500 twice: the
            // rows were stored, the client cannot know it, and sends them again.
            Sim.Faults.Add("POST", BulkPath, new Fault { Status = 503 }, times: 2);
            var seen = 0;
            Sim.Requests.Recorded += r =>
            {
                if (r.Path != BulkPath) return;
                if (Interlocked.Increment(ref seen) == 4)
                    Sim.Faults.Add("POST", BulkPath, new Fault { Status = 500, AfterHandler = true }, times: 2);
            };

            // One batch at a time: the injected faults meet the batches in a known order.
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 100 -ThrottleLimit 1").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(250, result.Output.Count);
            Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), result.Output.Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(250, result.Output.Select(o => Prop(o, "InterviewId")).Distinct().Count());
            var bulk = Requests(BulkPath);
            Assert.Equal(3 + 3 + 1, bulk.Count);
            Assert.Equal(new[] { 503, 503, 201, 500, 500, 201, 201 }, bulk.Select(r => r.Status));
            Assert.Equal(250, Sim.Data.IngestedCount(P0));
            Assert.Equal(rows.Select(r => Prop(r, "Email")).OrderBy(e => e), Sim.Data.IngestedEmails(P0).OrderBy(e => e));
        }

        // ---- connection cut mid-body on a later page ---------------------------------------------

        [Fact]
        public void A_body_cut_off_on_the_third_page_is_retried_and_the_listing_has_every_posting_once()
        {
            Connect();
            var thirdPageCursor = Sim.Data.PostingIds[99];
            Sim.Faults.Add("GET", Postings, new Fault { TruncatedJson = true, QueryContains = "starting_after=" + thirdPageCursor });

            var result = Run("Get-MiloPosting -PageSize 50").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            var ids = result.Output.Select(o => Prop(o, "Id")).ToList();
            Assert.Equal(Sim.Data.PostingIds, ids); // in order, none twice, none missing
            var third = Requests(Postings).Where(r => r.Query.Contains("starting_after=" + thirdPageCursor)).ToList();
            Assert.Equal(2, third.Count);
            Assert.True(third[0].Aborted);
            Assert.Equal(5 + 1, Requests(Postings).Count);
        }

        // ---- per-attempt timeout -----------------------------------------------------------------

        /// <summary>
        /// -TimeoutSec is a Polly timeout on the module clock. The fake clock fires timers of up to 90 s
        /// at once (which would time out every attempt, hung or not), so the test uses a timeout over 90 s:
        /// that timer only fires when the test moves the clock past it, after the hung attempt reached the
        /// server. Deterministic: nothing races the request.
        /// </summary>
        private async Task<(PsResult Result, IReadOnlyList<RecordedRequest> Requests)> RunWithFirstAttemptHung(string connectExtra, int hungAttempts)
        {
            Connect(connectExtra);
            var arrived = new SemaphoreSlim(0);
            Sim.Requests.Recorded += r =>
            {
                if (r.Path == Postings) arrived.Release();
            };
            Sim.Faults.Add("GET", Postings, new Fault { Hang = true }, times: hungAttempts);

            using var ps = Ps.Create("Get-MiloPosting -First 3 -Verbose");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            for (var i = 0; i < hungAttempts; i++)
            {
                Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(60)), "the hung attempt never reached the simulator"); // guard only
                Clock.Advance(TimeSpan.FromSeconds(121));
            }
            await Task.Factory.FromAsync(invocation, _ => { }).WaitAsync(TimeSpan.FromSeconds(60)); // guard only

            var result = new PsResult();
            result.Output.AddRange(output);
            PsHost.Collect(ps, result);
            return (result, Requests(Postings));
        }

        [Fact]
        public async Task An_attempt_that_hangs_past_TimeoutSec_is_abandoned_and_retried()
        {
            var (result, requests) = await RunWithFirstAttemptHung("-TimeoutSec 120 -MaxRetries 2", hungAttempts: 1);

            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count);
            Assert.Equal(2, requests.Count);
            Assert.Contains(result.Verbose, v => v.Contains("retrying GET /api/v2/postings?limit=3") && v.Contains("Timeout"));
        }

        [Fact]
        public async Task Attempts_that_all_time_out_end_in_HeyMilo_Timeout()
        {
            var (result, requests) = await RunWithFirstAttemptHung("-TimeoutSec 120 -MaxRetries 1", hungAttempts: 2);

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.Timeout" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
            Assert.Equal(2, requests.Count);
        }

        // ---- Ctrl+C in the middle of an import, then the re-run ----------------------------------

        [Fact]
        public async Task An_import_stopped_mid_run_tells_which_rows_were_sent_and_a_rerun_of_the_rest_completes_it_exactly_once()
        {
            Connect("-RequestsPerMinute 100000");
            var rows = Rows(35);
            Ps.Set("rows", rows);
            Ps.Set("p", P0);
            // The third batch is stored by the server and then never answered: the worst case, the
            // client cannot know whether those rows went in.
            var thirdBatch = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            var seen = 0;
            Sim.Requests.Recorded += r =>
            {
                if (r.Path != BulkPath || Interlocked.Increment(ref seen) != 3) return;
                Sim.Faults.Add("POST", BulkPath, new Fault { Hang = true, AfterHandler = true });
                thirdBatch.TrySetResult(r);
            };

            // One batch at a time: when the third batch reaches the server, the first two have been written.
            using var ps = Ps.Create("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10 -ThrottleLimit 1");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            await thirdBatch.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only
            ps.Stop();

            Assert.True(invocation.IsCompleted);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Empty(ps.Streams.Error);
            // Each result names its input row: these, and only these, are confirmed.
            var confirmed = output.Select(o => o.Properties["InputObject"].Value).ToList();
            Assert.Equal(rows.Take(20), confirmed);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), output.Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(3, Requests(BulkPath).Count);

            // The re-run: every row without a result.
            var unconfirmed = rows.Where(r => !confirmed.Contains(r)).ToArray();
            Assert.Equal(15, unconfirmed.Length);
            Ps.Set("rest", unconfirmed);
            var rerun = Run("$rest | Import-MiloCandidate -PostingId $p -BatchSize 10").ThrowIfTerminating();

            Assert.Empty(rerun.Errors);
            Assert.Equal(unconfirmed, rerun.Output.Select(o => o.Properties["InputObject"].Value));
            var all = output.Concat(rerun.Output).ToList();
            Assert.Equal(35, all.Select(o => Prop(o, "InterviewId")).Distinct().Count());
            var emails = Sim.Data.IngestedEmails(P0);
            Assert.Equal(35, emails.Count);
            Assert.Equal(rows.Select(r => Prop(r, "Email")).OrderBy(e => e), emails.OrderBy(e => e));
        }

        /// <summary>Reads a file the way a process that never heard of the writer would (cat ignores flock).</summary>
        private static string ReadIgnoringLock(string path)
        {
            using var cat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cat") { ArgumentList = { path }, RedirectStandardOutput = true })!;
            var text = cat.StandardOutput.ReadToEnd();
            cat.WaitForExit();
            return text;
        }

        // ---- an export killed mid-write ----------------------------------------------------------

        [Fact]
        public async Task An_export_killed_mid_write_never_leaves_a_complete_looking_target()
        {
            var folder = Path.Combine(Path.GetTempPath(), "heymilo-kill-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                Connect("-MaxRetries 0");
                    Run($"$ExecutionContext.SessionState.Path.SetLocation('{folder}') | Out-Null").ThrowIfTerminating();
                var secondPage = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
                Sim.Requests.Recorded += r =>
                {
                    if (r.Query.Contains("starting_after")) secondPage.TrySetResult(r);
                };
                Sim.Faults.Add("GET", $"/api/v2/postings/{P0}/candidates", new Fault { Hang = true, QueryContains = "starting_after" });

                using var ps = Ps.Create($"Export-MiloInterview -PostingId {P0} -Path interviews.json");
                var invocation = ps.BeginInvoke();
                await secondPage.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only

                // What a killed process would leave right now: a temp file, never the target name,
                // hidden from *.json, and not a valid JSON document.
                var all = Directory.GetFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0 });
                var temp = Assert.Single(all);
                var tempName = Path.GetFileName(temp);
                Assert.NotEqual("interviews.json", tempName);
                Assert.StartsWith(".interviews.json.", tempName);
                Assert.EndsWith(".tmp", tempName);
                Assert.Empty(Directory.GetFiles(folder, "*.json"));
                Assert.False(File.Exists(Path.Combine(folder, "interviews.json")));
                // While the export runs the temp file is opened exclusively: another .NET process (or
                // this one) cannot even read the half-written file.
                Assert.Throws<IOException>(() => File.ReadAllBytes(temp));
                // A killed process drops that lock; what it leaves is read here with a reader that
                // ignores .NET's advisory lock.
                var partial = ReadIgnoringLock(temp);
                Assert.StartsWith("[", partial);
                Assert.Contains("\"InterviewId\"", partial); // the first page is on disk
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(partial));

                ps.Stop();

                Assert.True(invocation.IsCompleted);
                Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
                Assert.Empty(Directory.GetFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
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

    /// <summary>Eight runspaces sharing one key against a server limit of 30 per minute.</summary>
    public class ManyRunspaceTests : MiloTestBase
    {
        private const int Limit = 30;

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 250;
            options.RateLimitPerMinute = Limit;
        }

        private static string Prop(PSObject o, string name) => Convert.ToString(o.Properties[name].Value) ?? string.Empty;

        // ---- eight runspaces on one key ----------------------------------------------------------

        [Fact]
        public async Task Eight_runspaces_on_one_key_stay_under_the_limit_and_never_see_a_429()
        {
            // As in RateLimitTests: a client ceiling under the server's absorbs the virtual-time skew
            // between taking a permit and the server stamping the request (more runspaces, more skew).
            const int clientLimit = 20;
            var hosts = Enumerable.Range(0, 8).Select(_ => new PsHost()).ToList();
            try
            {
                foreach (var host in hosts)
                {
                    host.Set("k", Secure(Key));
                    host.Invoke($"Connect-Milo -ApiKey $k -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -RequestsPerMinute {clientLimit}").ThrowIfTerminating();
                }
                var runs = hosts.Select(h => Task.Run(() => h.Invoke("Get-MiloPosting -PageSize 50"))).ToArray();
                var results = await Task.WhenAll(runs);

                Assert.All(results, r => Assert.Empty(r.AllErrors));
                Assert.All(results, r => Assert.Equal(Sim.Data.PostingIds, r.Output.Select(o => Prop(o, "Id"))));
                Assert.Equal(8 * 5, Sim.Requests.Count(r => r.Path == "/api/v2/postings"));
                Assert.Equal(0, Sim.Requests.Count(r => r.Status == 429));
                Assert.InRange(Sim.Requests.MaxAcceptedInAnyWindow(Key, TimeSpan.FromSeconds(60)), 1, Limit);
                Assert.Contains(Clock.Waits(), w => w > TimeSpan.Zero);
            }
            finally
            {
                hosts.ForEach(h => h.Dispose());
            }
        }
    }
}

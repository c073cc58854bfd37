using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>The cmdlets honour PowerShell's own knobs: preference variables, common parameters, $PSDefaultParameterValues.</summary>
    public class PreferenceTests : MiloTestBase
    {
        private const string SecondKey = "sim-key-second-workspace-7777";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heymilo-pref-" + Guid.NewGuid().ToString("N"));

        protected override void Configure(SimulatorOptions options) => options.ApiKeys = new[] { Key, SecondKey };

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Directory.CreateDirectory(_folder);
        }

        public override async System.Threading.Tasks.Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>Export of the busy posting (150 interviews) and an import of 3 rows: two long operations, two bars.</summary>
        private PsResult ExportAndImport(string prelude = "")
        {
            Ps.Set("p", Sim.Data.PostingIds[0]);
            Ps.Set("target", Path.Combine(_folder, "all.jsonl"));
            Ps.Set("rows", Enumerable.Range(1, 3).Select(i => new PSObject(new { Name = "Candidate " + i, Email = $"c{i}@example.com" })).ToArray());
            return Run(prelude + "\nExport-MiloInterview -PostingId $p -Path $target -Force\n$rows | Import-MiloCandidate -PostingId $p | Out-Null").ThrowIfTerminating();
        }

        [Fact]
        public void Detailed_over_several_postings_nests_each_posting_bar_in_a_bar_over_the_postings()
        {
            Connect();
            Ps.Set("ids", Sim.Data.PostingIds.Skip(1).Take(3).ToArray());
            var result = Run("Get-MiloInterview -PostingId $ids -Detailed -ThrottleLimit 2 | Out-Null").ThrowIfTerminating();
            Assert.Empty(result.Errors);

            var parent = result.Progress.Where(p => p.Activity == "Get-MiloInterview").ToList();
            Assert.Equal(new[] { "posting 1 of 3", "posting 2 of 3", "posting 3 of 3" },
                parent.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription.Substring(0, 14)));
            Assert.Equal(ProgressRecordType.Completed, parent.Last().RecordType);
            Assert.All(parent, p => Assert.Equal(-1, p.ParentActivityId));

            var children = result.Progress.Where(p => p.Activity.StartsWith("Get-MiloInterview -Detailed", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, children.Count(p => p.RecordType == ProgressRecordType.Completed));
            Assert.All(children, p => Assert.Equal(parent[0].ActivityId, p.ParentActivityId));
            Assert.NotEqual(parent[0].ActivityId, children[0].ActivityId);
        }

        [Fact]
        public void Progress_records_carry_one_activity_id_per_operation_and_end_Completed()
        {
            Connect();
            var result = ExportAndImport();
            Assert.Empty(result.Errors);
            var bars = result.Progress.GroupBy(p => p.ActivityId).ToList();
            Assert.Equal(2, bars.Count);
            Assert.All(bars, bar =>
            {
                Assert.True(bar.Key > 0, "activity id " + bar.Key);
                Assert.Single(bar.Select(p => p.Activity).Distinct());
                Assert.Equal(ProgressRecordType.Completed, bar.Last().RecordType);
                Assert.All(bar, p => Assert.Equal(-1, p.ParentActivityId));
            });
            Assert.Contains(bars, b => b.First().Activity.StartsWith("Export-MiloInterview", StringComparison.Ordinal));
            Assert.Contains(bars, b => b.First().Activity == "Importing candidates");
        }

        [Fact]
        public void ProgressPreference_SilentlyContinue_writes_no_progress_records()
        {
            Connect();
            var result = ExportAndImport("$ProgressPreference = 'SilentlyContinue'");
            Assert.Empty(result.Errors);
            Assert.Empty(result.Progress);
            Assert.Equal(150, File.ReadAllLines(Path.Combine(_folder, "all.jsonl")).Length); // the work itself was done
            Assert.Equal(3, Sim.Data.IngestedCount(Sim.Data.PostingIds[0]));
        }

        [Fact]
        public void ErrorAction_Stop_turns_a_per_item_error_into_a_terminating_one()
        {
            Connect();
            var ids = Sim.Data.PostingIds;
            Ps.Set("ids", new[] { ids[0], "pst_missing", ids[1] });

            var lenient = Run("Get-MiloPosting -PostingId $ids");
            Assert.Null(lenient.Terminating);
            Assert.Equal(2, lenient.Output.Count);
            Assert.Equal("pst_missing", Assert.Single(lenient.Errors).TargetObject);

            var before = Sim.Requests.Snapshot().Count;
            var strict = Run("Get-MiloPosting -PostingId $ids -ErrorAction Stop");
            Assert.NotNull(strict.Terminating);
            Assert.Equal("pst_missing", strict.Terminating!.TargetObject);
            Assert.Single(strict.Output);
            Assert.DoesNotContain(Sim.Requests.Snapshot().Skip(before), r => r.Path.EndsWith(ids[1], StringComparison.Ordinal));
        }

        [Fact]
        public void WarningAction_SilentlyContinue_suppresses_warnings()
        {
            Connect();
            Ps.Set("row", new PSObject(new { Name = "Duplicate", Email = "dup@example.com" }));
            Ps.Set("p", Sim.Data.PostingIds[1]);
            const string import = "@($row, $row) | Import-MiloCandidate -PostingId $p";

            Assert.Contains("already came in data row 1", Assert.Single(Run(import + " | Out-Null").ThrowIfTerminating().Warnings));
            Assert.Empty(Run(import + " -WarningAction SilentlyContinue | Out-Null").ThrowIfTerminating().Warnings);
            Assert.Empty(Run("$WarningPreference = 'SilentlyContinue'; " + import + " | Out-Null").ThrowIfTerminating().Warnings);
        }

        [Fact]
        public void PSDefaultParameterValues_Session_routes_every_Milo_cmdlet_to_that_session()
        {
            Connect();
            Ps.Set("k2", Secure(SecondKey));
            Run($"$second = Connect-Milo -ApiKey $k2 -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -PassThru").ThrowIfTerminating();
            Connect(); // the first key is current again

            Run("$PSDefaultParameterValues['*-Milo*:Session'] = $second; Get-MiloPosting -First 1 | Out-Null; Get-MiloWebhook -First 1 | Out-Null").ThrowIfTerminating();
            Run("$PSDefaultParameterValues.Remove('*-Milo*:Session'); Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating();

            Assert.Equal(new[] { SecondKey, SecondKey, Key },
                Sim.Requests.Snapshot().Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)).Select(r => r.ApiKey).ToArray());
        }

        [Fact]
        public void PSDefaultParameterValues_PostingId_of_Get_MiloInterview_names_the_posting()
        {
            Connect();
            var posting = Sim.Data.PostingIds[2];
            Ps.Set("p", posting);
            var interviews = Run("$PSDefaultParameterValues['Get-MiloInterview:PostingId'] = $p; Get-MiloInterview").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.CandidateInterviewIds(posting), interviews.Select(i => (string)i.Properties["InterviewId"].Value).ToList());
            Assert.All(Requests("/api/v2/postings/"), r => Assert.StartsWith("/api/v2/postings/" + posting + "/", r.Path));
        }
    }
}

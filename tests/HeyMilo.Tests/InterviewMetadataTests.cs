using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>Get-, Set- and Remove-MiloInterviewMetadata against the simulator, which merges on POST as the document says.</summary>
    public sealed class InterviewMetadataTests : MiloTestBase
    {
        private const string MetadataPattern = "/api/v2/interviews/*/metadata";

        private string Posting => Sim.Data.PostingIds[1];

        private IReadOnlyList<string> Interviews => Sim.Data.CandidateInterviewIds(Posting);

        private static string MetadataPath(string interviewId) => "/api/v2/interviews/" + interviewId + "/metadata";

        private IReadOnlyList<RecordedRequest> MetadataRequests(string method) =>
            Sim.Requests.Snapshot().Where(r => r.Method == method && r.Path.EndsWith("/metadata", StringComparison.Ordinal)).ToList();

        /// <summary>Import-Csv rows: PSCustomObjects whose columns are string NoteProperties, in column order.</summary>
        private static PSObject Row(params (string Column, string Value)[] cells)
        {
            var row = new PSObject();
            foreach (var (column, value) in cells) row.Properties.Add(new PSNoteProperty(column, value));
            return row;
        }

        [Fact]
        public void Get_outputs_the_metadata_with_the_interview_id_for_ids_from_the_pipeline()
        {
            Connect();
            Ps.Set("p", Posting);
            Run("Get-MiloInterview -PostingId $p -First 1 | Set-MiloInterviewMetadata -Metadata @{ ats_id = 'BH-1' }").ThrowIfTerminating();
            var output = Run("Get-MiloInterview -PostingId $p -First 2 | Get-MiloInterviewMetadata").ThrowIfTerminating().Output;

            Assert.Equal(Interviews.Take(2), output.Select(o => (string)o.Properties["InterviewId"].Value));
            Assert.All(output, o => Assert.Equal("HeyMilo.InterviewMetadata", o.TypeNames[0]));
            var first = (IDictionary<string, object?>)output[0].Properties["Metadata"].Value;
            Assert.Equal("BH-1", first["ats_id"]);
            Assert.Equal(2, MetadataRequests("GET").Count);
        }

        [Fact]
        public void Set_merges_into_what_the_interview_has_and_sends_only_the_pairs_given()
        {
            Connect();
            Ps.Set("id", Interviews[0]);
            Run("Set-MiloInterviewMetadata -InterviewId $id -Metadata @{ ats_id = 'BH-1'; stage = 'screen' }").ThrowIfTerminating();
            var result = Assert.Single(Run("Set-MiloInterviewMetadata $id @{ stage = 'onsite' }").ThrowIfTerminating().Output);

            Assert.Equal(new Dictionary<string, string> { ["ats_id"] = "BH-1", ["stage"] = "onsite" }, Sim.Data.InterviewMetadata(Interviews[0]));
            Assert.Equal(2, (int)result.Properties["Count"].Value);
            Assert.Equal("ats_id=BH-1; stage=onsite", result.ToString());
            using var last = JsonDocument.Parse(MetadataRequests("POST")[1].Body);
            Assert.Equal("{\"metadata\":{\"stage\":\"onsite\"}}", last.RootElement.GetRawText());
            Assert.Equal(2, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        [Fact]
        public void Import_Csv_rows_set_every_column_but_the_interview_id_in_input_order()
        {
            Connect();
            var ids = Interviews.Take(5).ToList();
            Ps.Set("rows", ids.Select((id, i) => Row(("interview_id", id), ("ats_id", "BH-" + (100 + i)), ("ats_stage", i % 2 == 0 ? "screen" : ""))).ToArray());

            var output = Run("$rows | Set-MiloInterviewMetadata").ThrowIfTerminating().Output;

            Assert.Equal(ids, output.Select(o => (string)o.Properties["InterviewId"].Value));
            Assert.Equal(new Dictionary<string, string> { ["ats_id"] = "BH-100", ["ats_stage"] = "screen" }, Sim.Data.InterviewMetadata(ids[0]));
            // A blank cell is left out, not sent as an empty value.
            Assert.Equal(new Dictionary<string, string> { ["ats_id"] = "BH-101" }, Sim.Data.InterviewMetadata(ids[1]));
            Assert.All(MetadataRequests("POST"), r => Assert.DoesNotContain("interview_id", r.Body));
            Assert.Equal(5, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        [Fact]
        public void MetadataProperty_sends_only_the_named_columns_and_fixed_Metadata_wins_on_the_same_key()
        {
            Connect();
            Ps.Set("row", Row(("InterviewId", Interviews[0]), ("ats_id", "BH-7"), ("source", "csv"), ("private", "do not send")));
            Run("$row | Set-MiloInterviewMetadata -MetadataProperty ats_id, source -Metadata @{ source = 'fixed' }").ThrowIfTerminating();

            Assert.Equal(new Dictionary<string, string> { ["ats_id"] = "BH-7", ["source"] = "fixed" }, Sim.Data.InterviewMetadata(Interviews[0]));
        }

        [Fact]
        public void Interviews_piped_with_Metadata_get_only_the_fixed_pairs_and_without_it_a_MetadataRequired_error()
        {
            Connect();
            Ps.Set("p", Posting);
            Run("Get-MiloInterview -PostingId $p -First 2 | Set-MiloInterviewMetadata -Metadata @{ reviewed = 'yes' }").ThrowIfTerminating();
            Assert.Equal(new Dictionary<string, string> { ["reviewed"] = "yes" }, Sim.Data.InterviewMetadata(Interviews[1]));

            var before = MetadataRequests("POST").Count;
            var error = Assert.Single(Run("Get-MiloInterview -PostingId $p -First 1 | Set-MiloInterviewMetadata").Errors);
            Assert.Equal("HeyMilo.MetadataRequired,HeyMilo.Commands.SetMiloInterviewMetadataCommand", error.FullyQualifiedErrorId);
            Assert.Equal("HeyMilo.Interview", ((PSObject)error.TargetObject).TypeNames[0]);
            Assert.Equal(before, MetadataRequests("POST").Count);
        }

        [Fact]
        public void Plain_id_strings_piped_in_are_interview_ids()
        {
            Connect();
            Ps.Set("ids", Interviews.Take(3).ToArray());
            var output = Run("$ids | Set-MiloInterviewMetadata -Metadata @{ batch = '7' }").ThrowIfTerminating().Output;
            Assert.Equal(Interviews.Take(3), output.Select(o => (string)o.Properties["InterviewId"].Value));
        }

        [Fact]
        public void Bad_rows_are_errors_in_their_place_with_the_row_as_target_and_are_not_sent()
        {
            Connect();
            var ids = Interviews.Take(3).ToList();
            Ps.Set("rows", new[]
            {
                Row(("interview_id", ids[0]), ("tag", "1")),
                Row(("interview_id", ""), ("tag", "2")),
                Row(("interview_id", ids[1]), ("tag", "3"), ("note", new string('v', 501))),
                Row(("interview_id", ids[2]), ("tag", "4"), (new string('k', 41), "x")),
                Row(("interview_id", ids[2]), ("tag", "5")),
                Row(("interview_id", ids[1]), ("tag", "")),
            });

            // Errors and output merged into one stream, as a console shows them: in input order.
            var lines = Run(@"$rows | Set-MiloInterviewMetadata -ThrottleLimit 4 2>&1 3>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject.tag }
                elseif ($_ -is [System.Management.Automation.WarningRecord]) { 'warning ' + $_.Message }
                else { 'ok ' + $_.InterviewId }
            }").ThrowIfTerminating().Output.Select(o => o.ToString()).ToList();

            Assert.Equal(6, lines.Count);
            Assert.Equal("ok " + ids[0], lines[0]);
            Assert.Equal("error HeyMilo.InterviewIdRequired 2", lines[1]);
            Assert.Equal("error HeyMilo.InvalidMetadata 3", lines[2]);
            Assert.Equal("error HeyMilo.InvalidMetadata 4", lines[3]);
            Assert.Equal("ok " + ids[2], lines[4]);
            Assert.StartsWith("warning Row 6: nothing to set on interview " + ids[1], lines[5]);
            Assert.Equal(2, MetadataRequests("POST").Count);
        }

        [Fact]
        public void API_failures_are_per_row_errors_and_the_rows_after_them_still_go()
        {
            Connect();
            var ids = Interviews.Take(2).ToList();
            Ps.Set("rows", new[] { Row(("interview_id", "int_unknown")), Row(("interview_id", ids[0])), Row(("interview_id", ids[1])) });
            // The merged result may hold 50 keys: an interview with 50 already refuses a 51st (422), the API's own check.
            Ps.Set("full", ids[1]);
            Run("$many = @{}; 1..50 | ForEach-Object { $many[\"k$_\"] = 'v' }; Set-MiloInterviewMetadata -InterviewId $full -Metadata $many").ThrowIfTerminating();

            var result = Run("$rows | Set-MiloInterviewMetadata -Metadata @{ extra = 'x' }");

            Assert.Equal(new[] { ids[0] }, result.Output.Select(o => (string)o.Properties["InterviewId"].Value));
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.SetMiloInterviewMetadataCommand", result.Errors[0].FullyQualifiedErrorId);
            Assert.Equal("int_unknown", ((PSObject)result.Errors[0].TargetObject).Properties["interview_id"].Value);
            Assert.Equal("HeyMilo.ValidationFailed,HeyMilo.Commands.SetMiloInterviewMetadataCommand", result.Errors[1].FullyQualifiedErrorId);
            Assert.Contains("50", result.Errors[1].Exception.Message);
        }

        [Fact]
        public void A_rejected_key_stops_the_whole_run_and_no_row_after_the_window_is_sent()
        {
            Connect(key: "sim-key-rejected-0001");
            Ps.Set("ids", Interviews.Take(10).ToArray());
            var result = Run("$ids | Set-MiloInterviewMetadata -Metadata @{ a = 'b' }");
            Assert.NotNull(result.Terminating);
            Assert.Equal("HeyMilo.Unauthorized,HeyMilo.Commands.SetMiloInterviewMetadataCommand", result.Terminating!.FullyQualifiedErrorId);
            Assert.Empty(result.Output);
            Assert.InRange(Sim.Requests.Snapshot().Count, 1, 4);
        }

        [Fact]
        public void A_bad_fixed_Metadata_stops_before_any_row()
        {
            Connect();
            Ps.Set("ids", Interviews.Take(2).ToArray());
            var result = Run("$ids | Set-MiloInterviewMetadata -Metadata @{ ('k' * 41) = 'v' }");
            Assert.NotNull(result.Terminating);
            Assert.Equal("HeyMilo.InvalidMetadata,HeyMilo.Commands.SetMiloInterviewMetadataCommand", result.Terminating!.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            Connect();
            Ps.Set("ids", Interviews.Take(3).ToArray());
            Assert.Empty(Run("$ids | Set-MiloInterviewMetadata -Metadata @{ a = 'b' } -WhatIf").ThrowIfTerminating().Output);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Set_is_retried_after_a_503_because_setting_the_same_pairs_again_changes_nothing()
        {
            Connect();
            Ps.Set("id", Interviews[0]);
            Sim.Faults.Add("POST", MetadataPattern, new Fault { Status = 503, AfterHandler = true });
            Assert.Single(Run("Set-MiloInterviewMetadata -InterviewId $id -Metadata @{ a = 'b' }").ThrowIfTerminating().Output);
            Assert.Equal(2, MetadataRequests("POST").Count);
        }

        [Fact]
        public void Four_requests_are_in_flight_at_once_no_fifth_and_output_stays_in_input_order_when_the_first_answer_comes_last()
        {
            Connect();
            var ids = Interviews.Take(8).ToList();
            using var othersArrived = new CountdownEvent(3);
            var released = false;
            var sawFifthBeforeRelease = false;
            var sync = new object();
            void OnRecorded(RecordedRequest r)
            {
                if (r.Method != "POST" || !r.Path.EndsWith("/metadata", StringComparison.Ordinal)) return;
                // The first row's request is held, picked by its interview id: with four in flight, another row's
                // request may reach the server first (it did under load, and its hold let a fifth through the gap).
                var hold = r.Path.Contains("/" + ids[0] + "/");
                lock (sync)
                {
                    if (!hold && othersArrived.CurrentCount > 0) othersArrived.Signal();
                    else if (!hold && !released) sawFifthBeforeRelease = true;
                }
                if (!hold) return;
                // The first row's request waits (on the server) until three more have arrived: four in flight.
                othersArrived.Wait(TimeSpan.FromSeconds(20));
                lock (sync) released = true;
            }
            Sim.Requests.Recorded += OnRecorded;
            try
            {
                Ps.Set("ids", ids.ToArray());
                var output = Run("$ids | Set-MiloInterviewMetadata -Metadata @{ wave = '1' }").ThrowIfTerminating().Output;
                Assert.Equal(ids, output.Select(o => (string)o.Properties["InterviewId"].Value));
            }
            finally
            {
                Sim.Requests.Recorded -= OnRecorded;
            }
            Assert.Equal(0, othersArrived.CurrentCount);
            Assert.False(sawFifthBeforeRelease, "a fifth request was sent while the first four were in flight");
        }

        [Fact]
        public void ThrottleLimit_one_sends_one_row_at_a_time()
        {
            Connect();
            var ids = Interviews.Take(4).ToList();
            var inFlight = 0;
            var most = 0;
            void OnRecorded(RecordedRequest r)
            {
                if (r.Method != "POST") return;
                // Every earlier request must have been answered before this one arrives.
                var open = Sim.Requests.Snapshot().Count(x => x.Method == "POST" && x.Sequence < r.Sequence && x.Status == 0);
                Interlocked.Exchange(ref inFlight, open);
                if (open > most) most = open;
            }
            Sim.Requests.Recorded += OnRecorded;
            try
            {
                Ps.Set("ids", ids.ToArray());
                Run("$ids | Set-MiloInterviewMetadata -Metadata @{ a = 'b' } -ThrottleLimit 1").ThrowIfTerminating();
            }
            finally
            {
                Sim.Requests.Recorded -= OnRecorded;
            }
            Assert.Equal(0, most);
        }
    }

    /// <summary>Thousands of rows: concurrent, within the API's 300 requests a minute, in input order (fake clock: no real waiting).</summary>
    public sealed class InterviewMetadataBulkTests : MiloTestBase
    {
        private const int Rows = 2000;

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 2;
            options.BusyPostingCandidates = Rows;
        }

        [Fact]
        public void Two_thousand_Import_Csv_rows_are_set_under_the_rate_limit_in_input_order()
        {
            // The attempt timeout runs on the fake clock, which jumps a minute at a time while the rate limit
            // waits; with the default 100 s a request in flight across two jumps timed out and was (rightly,
            // it is idempotent) sent again: 2,001 POSTs, seen in the full suite. This test is about pacing.
            Connect("-TimeoutSec 3600");
            var ids = Sim.Data.CandidateInterviewIds(Sim.Data.PostingIds[0]).Take(Rows).ToList();
            Assert.Equal(Rows, ids.Count);
            var rows = ids.Select((id, i) =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("interview_id", id));
                row.Properties.Add(new PSNoteProperty("ats_id", "BH-" + (300000 + i)));
                return row;
            }).ToArray();
            Ps.Set("rows", rows);
            Clock.ClearWaits();

            var result = Run("$rows | Set-MiloInterviewMetadata").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(ids, result.Output.Select(o => (string)o.Properties["InterviewId"].Value));
            var posts = Sim.Requests.Snapshot().Where(r => r.Method == "POST").ToList();
            // Every row was set exactly once. The fake clock can jump a minute between a request's permit and its
            // arrival (four are in flight over real loopback while another waits), so the server may see one a
            // window late and answer 429: those are retried, never repeated after a success, and stay rare.
            var refused = posts.Count(r => r.Status == 429);
            Assert.Equal(Rows, posts.Where(r => r.Status == 200).Select(r => r.Path).Distinct().Count());
            Assert.Equal(Rows, posts.Count(r => r.Status == 200));
            Assert.Equal(Rows + refused, posts.Count);
            Assert.True(refused <= 8, $"{refused} answers of 429 for {Rows} rows: the client did not pace itself");
            Assert.True(Sim.Requests.MaxAcceptedInAnyWindow(Key, TimeSpan.FromSeconds(60)) <= 300);
            // The rate limit, not the module, set the pace: it waited (on the fake clock) between the windows.
            Assert.True(Clock.Waits().Sum(w => w.TotalSeconds) >= 60 * (Rows / 300 - 1));
            Assert.Equal("BH-" + (300000 + Rows - 1), Sim.Data.InterviewMetadata(ids[^1])["ats_id"]);
            // Progress was shown and taken away.
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
            SentRequests.AssertAllMatchTheDocument(posts.Take(50));
        }
    }

    /// <summary>Remove-MiloInterviewMetadata: ConfirmImpact High, -Force, -PassThru, -WhatIf.</summary>
    public sealed class RemoveInterviewMetadataTests : MiloTestBase
    {
        private string Interview(int i = 0) => Sim.Data.CandidateInterviewIds(Sim.Data.PostingIds[1])[i];

        [Fact]
        public void Force_removes_every_key_and_outputs_nothing_unless_PassThru()
        {
            Connect();
            Ps.Set("id", Interview());
            Ps.Set("id2", Interview(1));
            Run("$id, $id2 | Set-MiloInterviewMetadata -Metadata @{ a = '1'; b = '2' }").ThrowIfTerminating();

            Assert.Empty(Run("Remove-MiloInterviewMetadata -InterviewId $id -Force").ThrowIfTerminating().Output);
            Assert.Empty(Sim.Data.InterviewMetadata(Interview()));
            var passed = Assert.Single(Run("[pscustomobject]@{ interview_id = $id2 } | Remove-MiloInterviewMetadata -Confirm:$false -PassThru").ThrowIfTerminating().Output);
            Assert.Equal(0, (int)passed.Properties["Count"].Value);
            Assert.Equal(Interview(1), passed.Properties["InterviewId"].Value);
            Assert.Equal(2, Sim.Requests.Snapshot().Count(r => r.Method == "DELETE" && r.Body.Length == 0));
        }

        [Fact]
        public void WhatIf_sends_nothing_even_with_Force()
        {
            Connect();
            Ps.Set("id", Interview());
            Assert.Empty(Run("Remove-MiloInterviewMetadata $id -WhatIf; Remove-MiloInterviewMetadata $id -Force -WhatIf").ThrowIfTerminating().Output);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Every_write_cmdlet_supports_ShouldProcess_and_removing_is_ConfirmImpact_High()
        {
            var impacts = Run(@"'New-MiloCandidate', 'Set-MiloInterviewMetadata', 'Remove-MiloInterviewMetadata', 'Send-MiloAtsCandidate' | ForEach-Object {
                $a = (Get-Command $_).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
                '{0} {1} {2}' -f $_, $a.SupportsShouldProcess, $a.ConfirmImpact }").ThrowIfTerminating().Output.Select(o => o.ToString());
            Assert.Equal(new[]
            {
                "New-MiloCandidate True Medium", "Set-MiloInterviewMetadata True Medium",
                "Remove-MiloInterviewMetadata True High", "Send-MiloAtsCandidate True Medium",
            }, impacts);
        }

        [Fact]
        public void An_unknown_interview_is_a_NotFound_error_with_the_id_as_target()
        {
            Connect();
            var error = Assert.Single(Run("Remove-MiloInterviewMetadata -InterviewId int_missing -Force").Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.RemoveMiloInterviewMetadataCommand", error.FullyQualifiedErrorId);
            Assert.Equal("int_missing", error.TargetObject);
        }
    }
}

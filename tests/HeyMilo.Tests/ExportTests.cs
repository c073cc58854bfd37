using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class ExportTests : FolderTestBase
    {
        public ExportTests() : base("export")
        {
        }

        protected override void Configure(SimulatorOptions options) => options.Postings = 5;

        private string P0 => Sim.Data.PostingIds[0];
        private string P1 => Sim.Data.PostingIds[1];

        private string File(string name) => Path.Combine(Folder, name);

        private string[] FolderContents() => Directory.GetFiles(Folder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName).OrderBy(n => n).ToArray()!;

        /// <summary>Runs a script that must succeed: no terminating and no non-terminating error.</summary>
        private PsResult Ok(string script)
        {
            var result = Run(script).ThrowIfTerminating();
            Assert.Empty(result.Errors);
            return result;
        }

        [Fact]
        public void Raw_json_export_is_one_array_of_the_interviews_as_the_API_sent_them()
        {
            Ok($"Export-MiloInterview -PostingId {P0}, {P1} -Path interviews.json -Raw");

            var bytes = System.IO.File.ReadAllBytes(File("interviews.json"));
            Assert.NotEqual(0xEF, bytes[0]); // no BOM
            using var doc = JsonDocument.Parse(bytes);
            var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("interview_id").GetString()).ToList();
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Concat(Sim.Data.CandidateInterviewIds(P1)), ids);
            var first = doc.RootElement[0];
            Assert.Equal(P0, first.GetProperty("posting_id").GetString());
            Assert.True(first.TryGetProperty("created_at", out var created) && created.ValueKind == JsonValueKind.Number);
            Assert.Equal(new[] { "interviews.json" }, FolderContents());
        }

        [Fact]
        public void Json_export_has_the_objects_property_names_and_ISO_dates_like_the_CSV()
        {
            Ok($"Export-MiloInterview -PostingId {P0} -Path objects.json");
            Ok($"Export-MiloInterview -PostingId {P0} -Path objects.csv");

            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("objects.json")));
            var csv = System.IO.File.ReadAllLines(File("objects.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var objects = Ok($"Get-MiloInterview -PostingId {P0}").Output;
            Assert.Equal(objects.Count, doc.RootElement.GetArrayLength());
            for (var n = 0; n < objects.Count; n++)
            {
                var json = doc.RootElement[n];
                var o = objects[n];
                foreach (var name in new[] { "InterviewId", "PostingId", "Name", "Email", "Status", "InterviewUrl" })
                    Assert.Equal(o.Properties[name].Value?.ToString(), json.GetProperty(name).GetString());
                var created = json.GetProperty("CreatedAt").GetString();
                Assert.Equal(csv[n][7], created);
                Assert.Equal((DateTimeOffset)o.Properties["CreatedAt"].Value, DateTimeOffset.Parse(created!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(csv[n][9], json.GetProperty("InterviewUrl").GetString());
                Assert.Equal(JsonValueKind.Array, json.GetProperty("Workflow").GetProperty("Steps").ValueKind);
                Assert.False(json.TryGetProperty("interview_id", out _));
            }
        }

        [Fact]
        public void Every_exported_interview_carries_its_interview_url()
        {
            Ok($"Export-MiloInterview -PostingId {P0} -Path urls.csv");
            Ok($"Export-MiloInterview -PostingId {P0} -Path urls.jsonl");
            var ids = Sim.Data.CandidateInterviewIds(P0);
            var csvUrls = System.IO.File.ReadAllLines(File("urls.csv")).Skip(1).Select(l => l.Split(',')[9]).ToList();
            var jsonUrls = System.IO.File.ReadAllLines(File("urls.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("InterviewUrl").GetString()).ToList();
            Assert.Equal(ids.Count, csvUrls.Count);
            Assert.All(csvUrls.Zip(ids), p => Assert.Matches("^https://.+interview=" + p.Second + "$", p.First));
            Assert.Equal(csvUrls, jsonUrls);
        }

        [Fact]
        public void Postings_piped_in_are_exported_to_one_JSON_Lines_file()
        {
            Ok("Get-MiloPosting -First 2 | Export-MiloInterview -Path interviews.jsonl");

            var lines = System.IO.File.ReadAllLines(File("interviews.jsonl"));
            var expected = Sim.Data.PostingIds.Take(2).SelectMany(p => Sim.Data.CandidateInterviewIds(p)).ToList();
            Assert.Equal(expected, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("InterviewId").GetString()));
        }

        [Fact]
        public void Csv_export_has_the_documented_header_and_one_row_per_interview()
        {
            Ok($"Export-MiloInterview -PostingId {P0} -Path interviews.csv");

            var text = System.IO.File.ReadAllText(File("interviews.csv"), new UTF8Encoding(false));
            Assert.False(text.StartsWith("\uFEFF", StringComparison.Ordinal));
            var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var steps = Ok($"Get-MiloInterview -PostingId {P0}").Output
                .Take(100)
                .Max(o => ((Array)((System.Management.Automation.PSObject)System.Management.Automation.PSObject.AsPSObject(o.Properties["Workflow"].Value)).Properties["Steps"].Value).Length);
            var header = "PostingId,InterviewId,CandidateId,Name,Email,Status,Score,CreatedAt,InterviewedAt,InterviewUrl"
                + string.Concat(Enumerable.Range(1, steps).Select(n => $",Step{n}Status"));
            Assert.Equal(header, lines[0]);
            var ids = Sim.Data.CandidateInterviewIds(P0).ToList();
            Assert.Equal(ids.Count + 1, lines.Length);
            Assert.StartsWith($"{P0},{ids[0]},", lines[1]);
            Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z,", lines[1]);
        }

        [Fact]
        public void Csv_fields_are_quoted_per_RFC_4180()
        {
            var id = Sim.Data.CandidateInterviewIds(P0)[0];
            Sim.Faults.Add("GET", $"/api/v2/postings/{P0}/candidates", new Fault
            {
                Status = 200,
                Body = "{\"data\":[{\"interview_id\":\"" + id + "\",\"posting_id\":\"" + P0 + "\",\"name\":\"Smith, \\\"Jo\\\"\",\"email\":\"jo@example.com\",\"status\":\"completed\",\"score\":78.5,\"created_at\":1739612400}],\"pagination\":{\"has_more\":false}}",
            });
            Ok($"Export-MiloInterview -PostingId {P0} -Path quoted.csv");
            var lines = System.IO.File.ReadAllText(File("quoted.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{P0},{id},,\"Smith, \"\"Jo\"\"\",jo@example.com,completed,78.5,2025-02-15T09:40:00Z,,", lines[1]);
        }

        private void ServeOneInterviewNamed(string jsonName, string jsonEmail = "\"jo@example.com\"")
        {
            var id = Sim.Data.CandidateInterviewIds(P0)[0];
            Sim.Faults.Add("GET", $"/api/v2/postings/{P0}/candidates", new Fault
            {
                Status = 200,
                Body = "{\"data\":[{\"interview_id\":\"" + id + "\",\"posting_id\":\"" + P0 + "\",\"name\":" + jsonName + ",\"email\":" + jsonEmail
                    + ",\"status\":\"completed\",\"score\":-5,\"created_at\":1739612400}],\"pagination\":{\"has_more\":false}}",
            });
        }

        [Theory]
        [InlineData("\"=HYPERLINK(\\\"http://x\\\")\"", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
        [InlineData("\"+1+2\"", "'+1+2")]
        [InlineData("\"-2+3\"", "'-2+3")]
        [InlineData("\"@SUM(A1)\"", "'@SUM(A1)")]
        [InlineData("\"\\tcmd\"", "'\tcmd")]
        [InlineData("\"\\rcmd\"", "\"'\rcmd\"")]
        [InlineData("\"Jo\\u0000\\u0007\\u001bBell\\u007f\"", "JoBell")]
        [InlineData("\"Plain Name\"", "Plain Name")]
        public void Csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised_and_control_characters_stripped(string jsonName, string cell)
        {
            ServeOneInterviewNamed(jsonName);
            Ok($"Export-MiloInterview -PostingId {P0} -Path safe.csv");
            var row = System.IO.File.ReadAllText(File("safe.csv")).Split("\r\n")[1];
            Assert.StartsWith($"{P0},{Sim.Data.CandidateInterviewIds(P0)[0]},,{cell},jo@example.com,completed,-5,", row, StringComparison.Ordinal);
        }

        [Fact]
        public void NoFormulaEscape_writes_cells_raw()
        {
            ServeOneInterviewNamed("\"=1+1\"", "\"@evil.example\"");
            Ok($"Export-MiloInterview -PostingId {P0} -Path raw.csv -NoFormulaEscape");
            var row = System.IO.File.ReadAllText(File("raw.csv")).Split("\r\n")[1];
            Assert.Contains(",=1+1,@evil.example,completed,-5,", row);
        }

        [Fact]
        public void PassThru_returns_the_FileInfo_of_the_export()
        {
            var output = Ok($"Export-MiloInterview -PostingId {P0} -Path out.json -PassThru").Output;
            var info = Assert.IsType<FileInfo>(output.Single().BaseObject);
            Assert.Equal(File("out.json"), info.FullName);
            Assert.True(info.Length > 2);
        }

        [Fact]
        public void An_existing_file_without_Force_is_an_error_and_stays_untouched()
        {
            System.IO.File.WriteAllText(File("keep.json"), "precious");
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path keep.json");
            Assert.Equal("HeyMilo.FileExists,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Equal("precious", System.IO.File.ReadAllText(File("keep.json")));
            Assert.Empty(Sim.Requests.Snapshot());
            Assert.Equal(new[] { "keep.json" }, FolderContents());
        }

        [Fact]
        public void Force_replaces_an_existing_file()
        {
            System.IO.File.WriteAllText(File("old.json"), "old");
            Ok($"Export-MiloInterview -PostingId {P0} -Path old.json -Force");
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("old.json")));
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Count, doc.RootElement.GetArrayLength());
        }

        [Fact]
        public void An_export_that_fails_midway_leaves_neither_target_nor_temp_file()
        {
            Assert.True(Sim.Data.CandidateInterviewIds(P0).Count > 100, "the posting needs a second page");
            Sim.Faults.Add("GET", $"/api/v2/postings/{P0}/candidates", new Fault { Status = 500, QueryContains = "starting_after" }, times: 10);
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path partial.json");
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(2, Requests($"/api/v2/postings/{P0}/candidates").Count);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public async System.Threading.Tasks.Task An_export_stopped_with_Ctrl_C_leaves_neither_target_nor_temp_file()
        {
            Assert.True(Sim.Data.CandidateInterviewIds(P0).Count > 100, "the posting needs a second page");
            var secondPage = new System.Threading.Tasks.TaskCompletionSource<RecordedRequest>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += r =>
            {
                if (r.Query.Contains("starting_after")) secondPage.TrySetResult(r);
            };
            Sim.Faults.Add("GET", $"/api/v2/postings/{P0}/candidates", new Fault { Hang = true, QueryContains = "starting_after" });

            using var ps = Ps.Create($"Export-MiloInterview -PostingId {P0} -Path stopped.json");
            var invocation = ps.BeginInvoke();
            await secondPage.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Single(Directory.GetFiles(Folder, ".stopped.json.*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));

            ps.Stop();

            Assert.True(invocation.IsCompleted);
            Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void An_unknown_extension_without_Format_is_rejected_before_any_request()
        {
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path interviews.txt");
            Assert.Equal("HeyMilo.UnknownFormat,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
            Ok($"Export-MiloInterview -PostingId {P0} -Path interviews.txt -Format JsonLines");
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Count, System.IO.File.ReadAllLines(File("interviews.txt")).Length);
        }

        [Fact]
        public void WhatIf_requests_nothing_and_writes_nothing()
        {
            Ok($"Export-MiloInterview -PostingId {P0} -Path what.json -WhatIf");
            Assert.Empty(Sim.Requests.Snapshot());
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void Progress_ends_with_Completed()
        {
            var result = Ok($"Export-MiloInterview -PostingId {P0} -Path progress.json");
            Assert.NotEmpty(result.Progress);
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public void Server_export_polls_the_job_on_the_module_clock_and_downloads_without_the_key()
        {
            var output = Ok($"Export-MiloInterview -PostingId {P0} -Path server.json -Server -PassThru").Output;

            var polls = Requests("/interviews/export/json");
            Assert.True(polls.Count >= 2, "the simulated job should need more than one look");
            Assert.All(polls, r => Assert.Equal(Key, r.ApiKey));
            Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(2), polls.Count - 1), Clock.Waits().Where(w => w == TimeSpan.FromSeconds(2)));
            var download = Sim.Requests.Snapshot().Last();
            Assert.StartsWith("localhost:", download.Headers.First(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value);
            Assert.Null(download.ApiKey);
            Assert.DoesNotContain(download.Headers, h => h.Key.Equals("X-API-KEY", StringComparison.OrdinalIgnoreCase));
            Assert.IsType<FileInfo>(output.Single().BaseObject);
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("server.json")));
            Assert.Equal(new[] { "server.json" }, FolderContents());
        }

        [Fact]
        public void Server_export_whose_download_is_cut_short_without_Content_Length_is_downloaded_again_and_committed_whole()
        {
            Connect("-MaxRetries 2");
            Sim.Faults.Add("GET", "/files/*", new Fault { CutShortWithoutLength = true });
            var result = Ok($"Export-MiloInterview -PostingId {P0} -Path cut.json -Server -Verbose");

            var downloads = Requests("/files/");
            Assert.Equal(2, downloads.Count);
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("cut.json")));
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Count, doc.RootElement.GetArrayLength());
            Assert.Contains(result.Verbose, v => v.Contains("retrying GET", StringComparison.Ordinal) && v.Contains("not one complete JSON document", StringComparison.Ordinal));
            Assert.Equal(new[] { "cut.json" }, FolderContents());
        }

        [Fact]
        public void Server_export_whose_download_stays_cut_short_is_a_network_error_and_leaves_no_file()
        {
            Sim.Faults.Add("GET", "/files/*", new Fault { CutShortWithoutLength = true });
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path cut.json -Server");

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.ExportMiloInterviewCommand", error.FullyQualifiedErrorId);
            Assert.Contains("not one complete JSON document", error.ErrorDetails.Message);
            Assert.DoesNotContain("free space", error.ErrorDetails.RecommendedAction);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void Server_export_whose_download_is_shorter_than_its_Content_Length_is_a_network_error_not_a_write_error()
        {
            Sim.Faults.Add("GET", "/files/*", new Fault { TruncatedJson = true });
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path short.json -Server");

            Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void Server_export_whose_download_is_cut_off_before_its_Content_Length_is_downloaded_again()
        {
            Connect("-MaxRetries 2");
            Sim.Faults.Add("GET", "/files/*", new Fault { TruncatedJson = true });
            Ok($"Export-MiloInterview -PostingId {P0} -Path again.json -Server");

            Assert.Equal(2, Requests("/files/").Count);
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("again.json")));
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Count, doc.RootElement.GetArrayLength());
            Assert.Equal(new[] { "again.json" }, FolderContents());
        }

        [Fact]
        public void Temp_files_a_killed_export_left_are_deleted_by_the_next_export_to_that_file_and_nothing_else_is()
        {
            var stale = File(".kept.json.abcdefghijk.tmp");
            var fresh = File(".kept.json.bcdefghijkl.tmp");
            var others = new[] { File(".kept.json.notours.tmp"), File(".other.json.abcdefghijk.tmp"), File("kept.json.abcdefghijk.tmp") };
            foreach (var path in others.Append(stale).Append(fresh)) System.IO.File.WriteAllText(path, "[{\"interview_id\":");
            foreach (var path in others.Append(stale)) System.IO.File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));

            Ok($"Export-MiloInterview -PostingId {P1} -Path kept.json");

            Assert.False(System.IO.File.Exists(stale));
            Assert.True(System.IO.File.Exists(fresh), "a temp file younger than a minute may belong to a running export");
            Assert.All(others, path => Assert.True(System.IO.File.Exists(path), path));
            Assert.True(System.IO.File.Exists(File("kept.json")));
        }

        [Fact]
        public void A_temp_file_held_open_by_a_running_export_is_not_deleted()
        {
            var held = File(".busy.json.abcdefghijk.tmp");
            using (var stream = new FileStream(held, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                System.IO.File.SetLastWriteTimeUtc(held, DateTime.UtcNow.AddHours(-1));
                Ok($"Export-MiloInterview -PostingId {P1} -Path busy.json");
                Assert.True(System.IO.File.Exists(held));
            }
        }

        [Fact]
        public void Server_export_that_never_finishes_times_out_after_TimeoutSec_of_polling()
        {
            Sim.Faults.Add("GET", "/interviews/export/json", new Fault { Status = 200, Body = "{\"job_id\":\"job_slow\",\"status\":\"processing\",\"file_url\":null}" }, times: 100);
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path slow.json -Server -TimeoutSec 10 -PollInterval 2");
            Assert.Equal("HeyMilo.ExportTimeout,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(6, Requests("/interviews/export/json").Count);
            Assert.Equal(5, Clock.Waits().Count(w => w == TimeSpan.FromSeconds(2)));
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void Server_export_job_that_fails_is_an_error_and_writes_nothing()
        {
            Sim.Faults.Add("GET", "/interviews/export/json", new Fault { Status = 200, Body = "{\"job_id\":\"job_bad\",\"status\":\"failed\",\"file_url\":null}" });
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path bad.json -Server");
            Assert.Equal("HeyMilo.ExportFailed,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Contains("job_bad", Assert.Single(result.AllErrors).ErrorDetails.Message);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public void Server_export_of_several_postings_is_refused()
        {
            var result = Run($"Export-MiloInterview -PostingId {P0}, {P1} -Path two.json -Server");
            Assert.Equal("HeyMilo.ServerExportNeedsOnePosting,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
            Assert.Empty(FolderContents());
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Objects bind to what they are: every output type of the module piped into every cmdlet that takes
    /// pipeline input (the matrix of docs/pipeline.md), and the scenarios behind it.
    /// </summary>
    public class PipelineTests : FolderTestBase
    {
        public PipelineTests() : base("pipe")
        {
        }

        protected override void Configure(SimulatorOptions options) => options.Postings = 4;

        private string P0 => Sim.Data.PostingIds[0];
        private string P1 => Sim.Data.PostingIds[1];

        private PsResult Ok(string script)
        {
            var result = Run(script).ThrowIfTerminating();
            Assert.Empty(result.Errors);
            return result;
        }

        /// <summary>The module's output types, each made by a real call (on posting P1, whose webhook is on P0).</summary>
        public static readonly Dictionary<string, string> Producers = new Dictionary<string, string>
        {
            ["Posting"] = "Get-MiloPosting -PostingId $P1",
            ["Interview"] = "Get-MiloInterview -PostingId $P1 -First 1",
            ["InterviewData"] = "Get-MiloInterview -PostingId $P1 -First 1 -Detailed",
            ["Webhook"] = "Get-MiloWebhook -First 1",
            ["CandidateImportResult"] = "[pscustomobject]@{ Name = 'Pipe Candidate'; Email = 'pipe@example.com' } | Import-MiloCandidate -PostingId $P1",
            ["CandidateImportSummary"] = "$null = [pscustomobject]@{ Name = 'Pipe Candidate'; Email = 'pipe@example.com' } | Import-MiloCandidate -PostingId $P1 -SummaryVariable pipeSummary; $pipeSummary",
            ["FileInfo"] = "Export-MiloInterview -PostingId $P1 -Path made.json -PassThru",
            ["MiloSession"] = "Get-MiloSession",
            ["ConnectionTestResult"] = "Test-MiloConnection",
        };

        public static readonly Dictionary<string, string> Consumers = new Dictionary<string, string>
        {
            ["Get-MiloPosting"] = "Get-MiloPosting",
            ["Copy-MiloPosting"] = "Copy-MiloPosting -Confirm:$false",
            ["Get-MiloInterview"] = "Get-MiloInterview",
            ["Export-MiloInterview"] = "Export-MiloInterview -Path piped.csv",
            ["New-MiloWebhook"] = "New-MiloWebhook -Url https://example.com/hook -EventType interview_completed -Confirm:$false",
            ["Get-MiloWebhook"] = "Get-MiloWebhook",
            ["Disable-MiloWebhook"] = "Disable-MiloWebhook -Force",
            ["Import-MiloCandidate"] = "Import-MiloCandidate -PostingId $P2",
            ["Disconnect-Milo"] = "Disconnect-Milo",
            ["Get-MiloQuestion"] = "Get-MiloQuestion",
            ["Get-MiloInterviewMetadata"] = "Get-MiloInterviewMetadata",
            ["Remove-MiloInterviewMetadata"] = "Remove-MiloInterviewMetadata -Force",
        };

        /// <summary>
        /// What each cell does: the requests the consumer sends ({P0}, {P1}, {P2}, {I} for the piped interview,
        /// {W} for the piped webhook), then "!" and the error id when the object is refused or fails.
        /// </summary>
        public static readonly Dictionary<(string, string), string> Expected = new Dictionary<(string, string), string>
        {
            [("Posting", "Get-MiloPosting")] = "GET /api/v2/postings/{P1}",
            [("Posting", "Copy-MiloPosting")] = "POST /api/v2/postings/{P1}/clone",
            [("Posting", "Get-MiloInterview")] = "GET /api/v2/postings/{P1}/candidates",
            [("Posting", "Export-MiloInterview")] = "GET /api/v2/postings/{P1}/candidates",
            [("Posting", "New-MiloWebhook")] = "GET /api/v2/webhooks; POST /api/v2/webhooks",
            [("Posting", "Get-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Posting", "Disable-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Posting", "Import-MiloCandidate")] = "! HeyMilo.NoEmailColumn",
            [("Posting", "Disconnect-Milo")] = "! InputObjectNotBound",

            [("Interview", "Get-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("Interview", "Copy-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("Interview", "Get-MiloInterview")] = "GET /api/v2/interviews/{I}/data",
            [("Interview", "Export-MiloInterview")] = "",
            [("Interview", "New-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Interview", "Get-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Interview", "Disable-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Interview", "Import-MiloCandidate")] = "POST /api/v2/postings/{P2}/candidates/bulk",
            [("Interview", "Disconnect-Milo")] = "! InputObjectNotBound",

            [("InterviewData", "Get-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("InterviewData", "Copy-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("InterviewData", "Get-MiloInterview")] = "GET /api/v2/interviews/{I}/data",
            [("InterviewData", "Export-MiloInterview")] = "",
            [("InterviewData", "New-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("InterviewData", "Get-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("InterviewData", "Disable-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("InterviewData", "Import-MiloCandidate")] = "POST /api/v2/postings/{P2}/candidates/bulk",
            [("InterviewData", "Disconnect-Milo")] = "! InputObjectNotBound",

            [("Webhook", "Get-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("Webhook", "Copy-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("Webhook", "Get-MiloInterview")] = "! ParameterArgumentTransformationError",
            [("Webhook", "Export-MiloInterview")] = "! ParameterArgumentTransformationError",
            [("Webhook", "New-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("Webhook", "Get-MiloWebhook")] = "GET /api/v2/webhooks/{W}",
            [("Webhook", "Disable-MiloWebhook")] = "DELETE /api/v2/webhooks/{W}",
            [("Webhook", "Import-MiloCandidate")] = "! HeyMilo.NoEmailColumn",
            [("Webhook", "Disconnect-Milo")] = "! InputObjectNotBound",

            [("CandidateImportResult", "Get-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("CandidateImportResult", "Copy-MiloPosting")] = "! ParameterArgumentTransformationError",
            [("CandidateImportResult", "Get-MiloInterview")] = "GET /api/v2/interviews/{I}/data",
            [("CandidateImportResult", "Export-MiloInterview")] = "GET /api/v2/interviews/{I}/data",
            [("CandidateImportResult", "New-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("CandidateImportResult", "Get-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("CandidateImportResult", "Disable-MiloWebhook")] = "! ParameterArgumentTransformationError",
            [("CandidateImportResult", "Import-MiloCandidate")] = "POST /api/v2/postings/{P2}/candidates/bulk",
            [("CandidateImportResult", "Disconnect-Milo")] = "! InputObjectNotBound",

            [("Posting", "Get-MiloQuestion")] = "GET /api/v2/postings/{P1}/questions",
            [("Interview", "Get-MiloInterviewMetadata")] = "GET /api/v2/interviews/{I}/metadata",
            [("InterviewData", "Get-MiloInterviewMetadata")] = "GET /api/v2/interviews/{I}/metadata",
            [("CandidateImportResult", "Get-MiloInterviewMetadata")] = "GET /api/v2/interviews/{I}/metadata",
            [("Interview", "Remove-MiloInterviewMetadata")] = "DELETE /api/v2/interviews/{I}/metadata",
            [("InterviewData", "Remove-MiloInterviewMetadata")] = "DELETE /api/v2/interviews/{I}/metadata",
            [("CandidateImportResult", "Remove-MiloInterviewMetadata")] = "DELETE /api/v2/interviews/{I}/metadata",
        };

        public static IEnumerable<object[]> Cells()
        {
            foreach (var producer in Producers.Keys)
                foreach (var consumer in Consumers.Keys)
                    yield return new object[] { producer, consumer };
        }

        [Theory]
        [MemberData(nameof(Cells))]
        public void Each_output_type_binds_to_what_it_is(string producer, string consumer)
        {
            Ps.Set("P1", P1);
            Ps.Set("P2", Sim.Data.PostingIds[2]);
            var made = Run("$x = @(" + Producers[producer] + "); $x").ThrowIfTerminating();
            var item = Assert.Single(made.Output);
            var interviewId = item.Properties["InterviewId"]?.Value?.ToString() ?? "-";
            var webhookId = item.Properties["WebhookId"]?.Value?.ToString() ?? "-";
            Sim.Requests.Clear();

            var result = Run("$x | " + Consumers[consumer]);

            var requests = Sim.Requests.Snapshot().Select(r => r.Method + " " + r.Path).Distinct()
                .Select(r => r.Replace(interviewId, "{I}").Replace(webhookId, "{W}").Replace(P0, "{P0}").Replace(P1, "{P1}").Replace(Sim.Data.PostingIds[2], "{P2}"));
            var errors = result.AllErrors.Select(e => "! " + e.FullyQualifiedErrorId.Split(',')[0]).Distinct();
            var actual = string.Join("; ", requests.Concat(errors));
            var expected = Expected.TryGetValue((producer, consumer), out var cell) ? cell : Refused(producer, consumer);
            Assert.Equal(expected, actual);
        }

        private PsResult ImportFour(string postingId) =>
            Ok($"$r = 1..4 | ForEach-Object {{ [pscustomobject]@{{ Name = \"Row $_\"; Email = \"row$_@example.com\" }} }} | Import-MiloCandidate -PostingId {postingId}; $r");

        [Fact]
        public void Import_results_piped_to_Get_MiloInterview_get_their_own_interviews_not_the_posting_four_times()
        {
            var imported = ImportFour(P0).Output.Select(o => o.Properties["InterviewId"].Value.ToString()).ToList();
            Assert.Equal(4, imported.Count);
            Sim.Requests.Clear();

            var output = Ok("$r | Get-MiloInterview").Output;

            Assert.Equal(imported, output.Select(o => o.Properties["InterviewId"].Value.ToString()));
            Assert.All(output, o => Assert.Equal("HeyMilo.InterviewData", o.TypeNames[0]));
            Assert.Equal(imported.Select(id => $"/api/v2/interviews/{id}/data"), Sim.Requests.Snapshot().Select(r => r.Path));
        }

        [Fact]
        public void Postings_piped_with_listing_parameters_are_listed()
        {
            var output = Ok("Get-MiloPosting -First 2 | Get-MiloInterview -Detailed -First 3").Output;
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0).Take(3), output.Select(o => o.Properties["InterviewId"].Value.ToString()));
            Assert.All(output, o => Assert.Equal("HeyMilo.InterviewData", o.TypeNames[0]));
            Ok("Get-MiloPosting -First 2 | Export-MiloInterview -Path two.csv -Status completed");
        }

        [Fact]
        public void Interviews_piped_with_listing_parameters_are_refused_not_listed_as_their_posting()
        {
            Ok($"$i = Get-MiloInterview -PostingId {P1} -First 2; $r = [pscustomobject]@{{ Name = 'R'; Email = 'r@example.com' }} | Import-MiloCandidate -PostingId {P1}");
            Sim.Requests.Clear();

            var listed = Run("$i | Get-MiloInterview -Detailed; $r | Get-MiloInterview -Status completed");
            Assert.Equal(3, listed.Errors.Count);
            Assert.All(listed.Errors, e => Assert.Equal("HeyMilo.NotAPosting,HeyMilo.Commands.GetMiloInterviewCommand", e.FullyQualifiedErrorId));
            Assert.Empty(listed.Output);

            var exported = Run("$i | Export-MiloInterview -Path refused.csv -Status completed");
            Assert.Equal("HeyMilo.NotAPosting,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(exported.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
            Assert.Empty(Directory.GetFiles(Folder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        }

        [Fact]
        public void Rows_of_an_exported_import_result_CSV_bind_by_InterviewId_too()
        {
            var imported = ImportFour(P1).Output.Select(o => o.Properties["InterviewId"].Value.ToString()).ToList();
            Sim.Requests.Clear();
            var output = Ok($"$r | ForEach-Object {{ [pscustomobject]@{{ InterviewId = $_.InterviewId; PostingId = $_.PostingId; Email = $_.Email }} }} | Get-MiloInterview").Output;
            Assert.Equal(imported, output.Select(o => o.Properties["InterviewId"].Value.ToString()));
            Assert.DoesNotContain(Sim.Requests.Snapshot(), r => r.Path.EndsWith("/candidates", StringComparison.Ordinal));
        }

        [Fact]
        public void Filtered_interviews_piped_to_Export_MiloInterview_are_exported_as_they_are_without_re_listing()
        {
            var completed = Ok($"Get-MiloInterview -PostingId {P0} -Status completed").Output.Select(o => o.Properties["InterviewId"].Value.ToString()).ToList();
            Assert.InRange(completed.Count, 1, Sim.Data.CandidateInterviewIds(P0).Count - 1);
            Sim.Requests.Clear();

            Ok($"Get-MiloInterview -PostingId {P0} -Status completed | Export-MiloInterview -Path completed.csv");

            var rows = File.ReadAllLines(Path.Combine(Folder, "completed.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Equal(completed, rows.Select(r => r[1]));
            Assert.All(rows, r => Assert.Equal("completed", r[5]));
            // Only Get-MiloInterview's own listing: two pages of the 150 interviews, nothing fetched by the export.
            Assert.Equal(2, Sim.Requests.Snapshot().Count);
        }

        [Fact]
        public void Export_MiloInterview_has_the_filters_of_Get_MiloInterview()
        {
            var after = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var expected = Ok($"Get-MiloInterview -PostingId {P0} -Status completed, shortlisted -CreatedAfter ([DateTimeOffset]'2025-01-01Z')").Output
                .Select(o => o.Properties["InterviewId"].Value.ToString()).ToList();
            Sim.Requests.Clear();

            Ok($"Export-MiloInterview -PostingId {P0} -Status completed, shortlisted -CreatedAfter ([DateTimeOffset]'2025-01-01Z') -Path filtered.csv");

            var ids = File.ReadAllLines(Path.Combine(Folder, "filtered.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
            Assert.Equal(expected, ids);
            Assert.All(Sim.Requests.Snapshot(), r => Assert.Contains("created_after=2025-01-01T00%3A00%3A00Z", r.Query));
            var bad = Run($"Export-MiloInterview -PostingId {P0} -CreatedAfter ([DateTimeOffset]'2025-02-01Z') -CreatedBefore ([DateTimeOffset]'2025-01-01Z') -Path bad.csv");
            Assert.Equal("HeyMilo.InvalidDateRange,HeyMilo.Commands.ExportMiloInterviewCommand", Assert.Single(bad.AllErrors).FullyQualifiedErrorId);
            _ = after;
        }

        [Fact]
        public void Import_results_piped_to_Export_MiloInterview_are_fetched_by_id()
        {
            var imported = ImportFour(P1).Output.Select(o => o.Properties["InterviewId"].Value.ToString()).ToList();
            Sim.Requests.Clear();
            Ok("$r | Export-MiloInterview -Path sent.jsonl");
            var lines = File.ReadAllLines(Path.Combine(Folder, "sent.jsonl"));
            Assert.Equal(imported, lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("InterviewId").GetString()));
            Assert.Equal(imported.Select(id => $"/api/v2/interviews/{id}/data"), Sim.Requests.Snapshot().Select(r => r.Path));
        }

        [Fact]
        public void Raw_writes_piped_interviews_in_the_API_shape()
        {
            Ok($"Get-MiloInterview -PostingId {P1} -First 2 | Export-MiloInterview -Path raw.jsonl -Raw");
            var first = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(Path.Combine(Folder, "raw.jsonl"))[0]).RootElement;
            Assert.Equal(Sim.Data.CandidateInterviewIds(P1)[0], first.GetProperty("interview_id").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Number, first.GetProperty("created_at").ValueKind);
            Assert.False(first.TryGetProperty("InterviewId", out _));
        }

        [Fact]
        public void PassThru_returns_the_FileInfo_with_the_provider_members_Get_Item_adds()
        {
            // The hosted runspace has no Get-Item; the Pester suite compares with Get-Item itself in real pwsh.
            var exported = Ok($"Export-MiloInterview -PostingId {P1} -Path passthru.json -PassThru").Output.Single();
            var path = Path.Combine(Folder, "passthru.json");
            Assert.Equal(path, Assert.IsType<FileInfo>(exported.BaseObject).FullName);
            Assert.Equal(@"Microsoft.PowerShell.Core\FileSystem::" + path, exported.Properties["PSPath"]?.Value);
            Assert.Equal(@"Microsoft.PowerShell.Core\FileSystem::" + Folder, exported.Properties["PSParentPath"]?.Value);
            Assert.Equal("passthru.json", exported.Properties["PSChildName"]?.Value);
            Assert.Equal(false, exported.Properties["PSIsContainer"]?.Value);
            Assert.Equal(@"Microsoft.PowerShell.Core\FileSystem", exported.Properties["PSProvider"]?.Value?.ToString());
        }

        /// <summary>The types that are none of posting, interview, import result or webhook: refused by every cmdlet but Disconnect-Milo (sessions) and Import-MiloCandidate (rows).</summary>
        private static string Refused(string producer, string consumer) => (producer, consumer) switch
        {
            ("MiloSession", "Disconnect-Milo") => "",
            (_, "Disconnect-Milo") => "! InputObjectNotBound",
            (_, "Import-MiloCandidate") => "! HeyMilo.NoEmailColumn",   // an object without an email column: refused once, before any request
            _ => "! ParameterArgumentTransformationError",
        };
    }
}

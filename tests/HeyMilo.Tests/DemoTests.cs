using System.IO;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>The main job of build.ps1 -Task Demo, on its sample CSV, as far as the bare engine allows (rows parsed here as Import-Csv would).</summary>
    public class DemoTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.Postings = 5;

        private static PSObject[] ImportCsv(string path)
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            var header = lines[0].Split(',');
            return lines.Skip(1).Select(line =>
            {
                var cells = line.Split(',');
                var row = new PSObject();
                for (var i = 0; i < header.Length; i++) row.Properties.Add(new PSNoteProperty(header[i], cells[i]));
                return row;
            }).ToArray();
        }

        [Fact]
        public void The_sample_CSV_imports_every_good_row_reports_the_bad_one_and_skips_the_repeat()
        {
            Connect();
            var rows = ImportCsv(Path.Combine(RepoPaths.Root, "docs", "examples", "candidates.csv"));
            Assert.Equal(252, rows.Length);
            Ps.Set("rows", rows);
            Ps.Set("p", Sim.Data.PostingIds[0]);

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -MetadataProperty Source -SummaryVariable s; $s").ThrowIfTerminating();

            var summary = result.Output.Last();
            Assert.Equal("HeyMilo.CandidateImportSummary", summary.TypeNames[0]);
            Assert.Equal(250L, summary.Properties["Sent"].Value);
            Assert.Equal(1L, summary.Properties["Failed"].Value);
            Assert.Equal(1L, summary.Properties["Skipped"].Value);
            Assert.Equal(252L, summary.Properties["Total"].Value);
            Assert.Equal(250, result.Output.Count(o => o.TypeNames[0] == "HeyMilo.CandidateImportResult"));
            Assert.Same(rows[250], Assert.Single(result.Errors).TargetObject);
            Assert.Single(result.Warnings, w => w.Contains(rows[0].Properties["E-mail"].Value.ToString()!));
            Assert.Equal(250, Sim.Data.IngestedCount(Sim.Data.PostingIds[0]));
            Assert.Equal(3, Requests($"/api/v2/postings/{Sim.Data.PostingIds[0]}/candidates/bulk").Count);
        }
    }
}

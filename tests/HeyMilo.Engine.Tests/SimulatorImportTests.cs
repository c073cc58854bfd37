using System;
using System.Linq;
using System.Threading.Tasks;
using HeyMilo.Import;
using HeyMilo.Simulator;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The import service through the real client and transport, against the in-process simulator: still no PowerShell.</summary>
    public sealed class SimulatorImportTests : SimulatorTestBase
    {
        [Fact]
        public void Rows_go_to_the_posting_in_batches_and_a_422_row_is_isolated()
        {
            var posting = Sim.Data.PostingIds[1];
            var target = CandidateImportTarget.Posting(() => Session.Client, posting);
            var importer = new CandidateImporter(target, new CandidateReader(new string[0], new System.Collections.Generic.Dictionary<string, string>()), batchSize: 10, throttleLimit: 1);
            var rows = Driver.Rows(25).ToList();
            // The simulator refuses a phone that is not E.164; the module's own check does not look at this column.
            Sim.Faults.Add("POST", $"/api/v2/postings/{posting}/candidates/bulk", new Fault
            {
                Status = 422,
                Body = "{\"detail\":[{\"loc\":[\"body\",\"data\",3,\"email\"],\"msg\":\"domain does not accept email\",\"type\":\"value_error\"}]}",
            });

            var driver = new Driver(importer).Import(rows);

            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), driver.Outcomes.Select(o => o.Row.Number));
            Assert.Equal(CandidateOutcomeKind.Rejected, driver.Outcomes[3].Kind);
            Assert.Equal(24, driver.Outcomes.Count(o => o.Kind == CandidateOutcomeKind.Sent));
            Assert.Equal(24, Sim.Data.IngestedCount(posting));
            Assert.DoesNotContain("c4@example.com", Sim.Data.IngestedEmails(posting));
        }
    }
}

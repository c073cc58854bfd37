using System;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using HeyMilo.Import;
using HeyMilo.Simulator;
using HeyMilo.Transport;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The import service through the real client and transport, against the in-process simulator: still no PowerShell.</summary>
    public sealed class SimulatorImportTests : IAsyncLifetime
    {
        private SimulatorHost _sim = null!;
        private MiloSession _session = null!;

        public async Task InitializeAsync()
        {
            var key = "sim-engine-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-0001";
            _sim = await SimulatorHost.StartAsync(new SimulatorOptions { ApiKeys = new[] { key }, Postings = 2, RateLimitPerMinute = 0, Url = "http://127.0.0.1:0" });
            var secure = new SecureString();
            foreach (var c in key) secure.AppendChar(c);
            _session = new MiloSession(new TransportSettings { BaseUri = _sim.BaseUri, LegacyBaseUri = _sim.BaseUri, RequestsPerMinute = 100_000, MaxRetries = 0 }, secure);
        }

        public async Task DisposeAsync()
        {
            _session.Dispose();
            await _sim.DisposeAsync();
        }

        [Fact]
        public void Rows_go_to_the_posting_in_batches_and_a_422_row_is_isolated()
        {
            var posting = _sim.Data.PostingIds[1];
            var target = CandidateImportTarget.Posting(() => _session.Client, posting);
            var importer = new CandidateImporter(target, new CandidateReader(new string[0], new System.Collections.Generic.Dictionary<string, string>()), batchSize: 10, throttleLimit: 1);
            var rows = Driver.Rows(25).ToList();
            // The simulator refuses a phone that is not E.164; the module's own check does not look at this column.
            _sim.Faults.Add("POST", $"/api/v2/postings/{posting}/candidates/bulk", new Fault
            {
                Status = 422,
                Body = "{\"detail\":[{\"loc\":[\"body\",\"data\",3,\"email\"],\"msg\":\"domain does not accept email\",\"type\":\"value_error\"}]}",
            });

            var driver = new Driver(importer).Import(rows);

            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), driver.Outcomes.Select(o => o.Row.Number));
            Assert.Equal(CandidateOutcomeKind.Rejected, driver.Outcomes[3].Kind);
            Assert.Equal(24, driver.Outcomes.Count(o => o.Kind == CandidateOutcomeKind.Sent));
            Assert.Equal(24, _sim.Data.IngestedCount(posting));
            Assert.DoesNotContain("c4@example.com", _sim.Data.IngestedEmails(posting));
        }
    }
}

using System;
using System.Linq;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class SecretTests : MiloTestBase
    {
        private const string SecretKey = "hm_live_SECRET_0123456789abcdef";

        protected override void Configure(SimulatorOptions options) => options.ApiKeys = new[] { SecretKey };

        [Fact]
        public void The_key_appears_in_no_stream_error_or_object_even_with_Verbose_and_Debug()
        {
            var connect = Connect("-Verbose -PassThru", key: SecretKey);
            Sim.Faults.Add("GET", "/api/v2/postings/pst_echo", new Fault
            {
                Status = 500,
                Body = "{\"error\":{\"type\":\"api_error\",\"code\":\"boom\",\"message\":\"key " + SecretKey + " rejected\"},\"password\":\"hunter2\"}",
            }, times: 10);
            var results = new[]
            {
                connect,
                Run("Get-MiloPosting -First 3 -Verbose -Debug"),
                Run("Get-MiloPosting -PostingId pst_echo -Verbose -Debug"),
                Run("Get-MiloPosting -PostingId pst_missing -Verbose -Debug"),
                Run("Test-MiloConnection -Verbose -Debug"),
                Run("Get-MiloSession | ForEach-Object { $_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }; (Get-MiloSession).ToString()"),
                Run("$Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message }"),
            };
            Assert.Contains(results[1].Debug, d => d.Contains("response body"));
            Assert.Contains(results[2].Debug, d => d.Contains("***"));
            Assert.Contains(results[5].Output, o => o.ToString().Contains("****cdef"));
            foreach (var text in results.SelectMany(r => r.AllText()))
            {
                Assert.DoesNotContain(SecretKey, text);
                Assert.DoesNotContain("hunter2", text);
            }
        }

        [Fact]
        public void The_key_travels_only_in_the_X_API_KEY_header()
        {
            Connect(key: SecretKey);
            Run("Get-MiloPosting -First 2; Test-MiloConnection").ThrowIfTerminating();
            var requests = Sim.Requests.Snapshot();
            Assert.NotEmpty(requests);
            foreach (var r in requests.Where(r => r.Path != "/health"))
            {
                Assert.Equal(SecretKey, r.ApiKey);
                Assert.DoesNotContain(SecretKey, r.Path + r.Query + r.Body);
                Assert.DoesNotContain(r.Headers, h => !h.Key.Equals("X-API-KEY", StringComparison.OrdinalIgnoreCase) && h.Value.Contains(SecretKey));
            }
        }

        [Fact]
        public void Requests_identify_the_module_in_the_User_Agent()
        {
            Connect(key: SecretKey);
            Run("Get-MiloPosting -First 1").ThrowIfTerminating();
            var agent = Sim.Requests.Snapshot().Single().Headers.First(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value;
            Assert.StartsWith("HeyMilo-PowerShell/0.1.0", agent);
        }
    }
}

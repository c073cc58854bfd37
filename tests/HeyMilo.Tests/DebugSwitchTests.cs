using System;
using System.Linq;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>-Debug never breaks a command: in a host that cannot prompt (pwsh -NonInteractive) it shows lines and asks nothing.</summary>
    public class DebugSwitchTests : MiloTestBase
    {
        [Fact]
        public void Debug_shows_the_modules_lines_without_prompting_in_a_non_interactive_host()
        {
            var host = new NonInteractiveHost();
            using var ps = new PsHost(host);
            ps.Set("k", Secure(Key));
            var posting = Sim.Data.PostingIds[0];

            var result = ps.Invoke($@"
                Connect-Milo -ApiKey $k -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -Debug
                Get-MiloPosting -First 2 -Debug
                Copy-MiloPosting -PostingId {posting} -Debug -Confirm:$false
                Get-MiloSession -Debug | Out-Null
                Disconnect-Milo -Debug");

            Assert.Empty(host.Prompts);
            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count); // two postings and the copy
            Assert.Contains(result.Verbose, v => v.StartsWith("Connected to ", StringComparison.Ordinal));
            Assert.Contains(result.Verbose, v => v.Contains("GET /api/v2/postings?limit=2 -> 200"));
            Assert.Contains(result.Debug, d => d.Contains("response body"));
            Assert.Contains(result.Verbose, v => v.StartsWith("Closed ", StringComparison.Ordinal));
            Assert.Single(Requests("/api/v2/postings/" + posting + "/clone"));
        }
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class ConnectionTests : MiloTestBase
    {
        private const string SecondKey = "sim-key-second-workspace-7777";

        protected override void Configure(SimulatorOptions options) => options.ApiKeys = new[] { Key, SecondKey };

        [Fact]
        public void Connect_with_ApiKey_sets_the_current_session_and_shows_only_a_fingerprint()
        {
            Connect();
            var session = Run("Get-MiloSession").ThrowIfTerminating().Output.Single();
            Assert.Equal("HeyMilo.MiloSession", session.TypeNames[0]);
            Assert.Equal(Sim.BaseUri, (Uri)session.Properties["BaseUri"].Value);
            Assert.Equal("****0001", session.Properties["KeyFingerprint"].Value);
            Assert.DoesNotContain(session.Properties, p => p.Value?.ToString()?.Contains(Key) == true);
        }

        [Fact]
        public void Connect_with_Credential_uses_the_password_as_the_key()
        {
            Ps.Set("cred", new PSCredential("ignored", Secure(Key)));
            Run($"Connect-Milo -Credential $cred -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}'").ThrowIfTerminating();
            Run("Get-MiloPosting -First 1").ThrowIfTerminating();
            Assert.Equal(Key, Requests("/api/v2/postings").Single().ApiKey);
        }

        [Fact]
        public void Connect_reads_the_key_from_HEYMILO_API_KEY()
        {
            Environment.SetEnvironmentVariable("HEYMILO_API_KEY", Key);
            try
            {
                Run($"Connect-Milo -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}'").ThrowIfTerminating();
                Run("Get-MiloPosting -First 1").ThrowIfTerminating();
                Assert.Equal(Key, Requests("/api/v2/postings").Single().ApiKey);
            }
            finally
            {
                Environment.SetEnvironmentVariable("HEYMILO_API_KEY", null);
            }
        }

        [Fact]
        public void Connect_without_any_key_fails_with_MissingApiKey()
        {
            Environment.SetEnvironmentVariable("HEYMILO_API_KEY", null);
            var result = Run($"Connect-Milo -BaseUri '{BaseUri}'");
            Assert.Equal("HeyMilo.MissingApiKey,HeyMilo.Commands.ConnectMiloCommand", result.Terminating?.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("-BaseUri 'http://api.heymilo.ai'")]
        [InlineData("-LegacyBaseUri 'http://10.1.2.3:8080'")]
        public void Connect_refuses_plain_http_to_a_non_loopback_host(string parameter)
        {
            Ps.Set("k", Secure(Key));
            var result = Run($"Connect-Milo -ApiKey $k {parameter}");
            Assert.Equal("HeyMilo.InsecureBaseUri,HeyMilo.Commands.ConnectMiloCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, result.Terminating!.CategoryInfo.Category);
            Assert.Empty(Run("Get-MiloSession").Output);
        }

        [Fact]
        public void A_cmdlet_without_any_session_tells_the_user_to_run_Connect_Milo()
        {
            var result = Run("Get-MiloPosting");
            Assert.Equal("HeyMilo.NotConnected,HeyMilo.Commands.GetMiloPostingCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Contains("Connect-Milo", result.Terminating!.ErrorDetails.RecommendedAction);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Session_parameter_selects_the_workspace_per_call()
        {
            Connect();
            Ps.Set("k2", Secure(SecondKey));
            Run($"$second = Connect-Milo -ApiKey $k2 -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -PassThru").ThrowIfTerminating();
            Connect(); // the first key is current again
            Run("Get-MiloPosting -First 1; Get-MiloPosting -First 1 -Session $second").ThrowIfTerminating();
            Assert.Equal(new[] { Key, SecondKey }, Requests("/api/v2/postings").Select(r => r.ApiKey).ToArray());
        }

        [Fact]
        public void Disconnect_closes_the_session()
        {
            Connect("-PassThru");
            Run("$s = Get-MiloSession; Disconnect-Milo").ThrowIfTerminating();
            Assert.Equal("HeyMilo.NotConnected,HeyMilo.Commands.GetMiloPostingCommand", Run("Get-MiloPosting").Terminating?.FullyQualifiedErrorId);
            Assert.Equal("HeyMilo.SessionClosed,HeyMilo.Commands.GetMiloPostingCommand", Run("Get-MiloPosting -Session $s").Terminating?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Get_MiloSession_shows_the_rate_limit_the_server_reported()
        {
            Connect();
            Run("Get-MiloPosting -First 1").ThrowIfTerminating();
            var limit = Run("(Get-MiloSession).RateLimit").ThrowIfTerminating().Output.Single();
            Assert.Equal(300, limit.Properties["Limit"].Value);
            Assert.Equal(299, limit.Properties["Remaining"].Value);
        }

        [Fact]
        public void Test_MiloConnection_reports_health_and_key_acceptance()
        {
            Connect();
            var ok = Run("Test-MiloConnection").ThrowIfTerminating().Output.Single();
            Assert.True((bool)ok.Properties["Healthy"].Value);
            Assert.True((bool?)ok.Properties["KeyAccepted"].Value);
            Assert.Contains(Requests("/health"), r => r.Path == "/health");

            Connect(key: "sim-key-wrong-000000");
            var bad = Run("Test-MiloConnection -Legacy").ThrowIfTerminating().Output.Single();
            Assert.True((bool)bad.Properties["Healthy"].Value);
            Assert.False((bool?)bad.Properties["KeyAccepted"].Value);
            Assert.True((bool)bad.Properties["Legacy"].Value);
            Assert.Contains(Sim.Requests.Snapshot(), r => r.Path == "/postings");
        }
    }
}

using System;
using System.Security;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Transport;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The in-process simulator with a key of its own and a session on it: the real client and transport, no PowerShell.</summary>
    public abstract class SimulatorTestBase : IAsyncLifetime
    {
        protected SimulatorHost Sim { get; private set; } = null!;
        protected MiloSession Session { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var key = "sim-engine-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-0001";
            Sim = await SimulatorHost.StartAsync(new SimulatorOptions { ApiKeys = new[] { key }, Postings = 2, RateLimitPerMinute = 0, Url = "http://127.0.0.1:0" });
            var secure = new SecureString();
            foreach (var c in key) secure.AppendChar(c);
            Session = new MiloSession(new TransportSettings { BaseUri = Sim.BaseUri, LegacyBaseUri = Sim.BaseUri, RequestsPerMinute = 100_000, MaxRetries = 0 }, secure);
        }

        public async Task DisposeAsync()
        {
            Session.Dispose();
            await Sim.DisposeAsync();
        }
    }
}

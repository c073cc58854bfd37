using System.Net.Http;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using Xunit;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>Each test: a fresh simulator and an HttpClient on it, and no PowerShell runspace (the contract tests speak HTTP only).</summary>
    public abstract class SimulatorOnlyTestBase : IAsyncLifetime
    {
        protected SimulatorHost Sim { get; private set; } = null!;
        protected HttpClient Http { get; private set; } = null!;

        /// <summary>Override to shape the simulator (a clock, limits).</summary>
        protected virtual SimulatorOptions Options() => new SimulatorOptions { Url = "http://127.0.0.1:0" };

        public async Task InitializeAsync()
        {
            Sim = await SimulatorHost.StartAsync(Options());
            Http = new HttpClient { BaseAddress = Sim.BaseUri };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Sim.DisposeAsync();
        }
    }
}

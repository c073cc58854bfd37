using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// Each test: a fresh simulator on a random 127.0.0.1 port sharing the module's fake clock, a fresh
    /// runspace that imported the built module, fresh rate-limit gates.
    /// </summary>
    public abstract class MiloTestBase : IAsyncLifetime
    {
        public const string Key = "sim-key-0001";

        protected PsHost Ps { get; private set; } = null!;
        protected SimulatorHost Sim { get; private set; } = null!;
        protected FakeClock Clock => ModuleInternals.Clock;

        /// <summary>Override to shape the simulator (data size, limits, keys).</summary>
        protected virtual void Configure(SimulatorOptions options)
        {
        }

        public virtual async Task InitializeAsync()
        {
            Ps = new PsHost();
            ModuleInternals.ResetRateLimits();
            ModuleInternals.ResetCurrentSession();
            ModuleInternals.ResetClock();
            var options = new SimulatorOptions { Clock = Clock.Now, Url = "http://127.0.0.1:0" };
            Configure(options);
            Sim = await SimulatorHost.StartAsync(options);
        }

        public virtual async Task DisposeAsync()
        {
            Ps.Dispose();
            await Sim.DisposeAsync();
        }

        protected string BaseUri => Sim.BaseUri.ToString();

        /// <summary>Connect-Milo against the simulator; extra parameters are appended verbatim.</summary>
        protected PsResult Connect(string extra = "", string key = Key)
        {
            Ps.Set("MiloTestKey", Secure(key));
            return Ps.Invoke($"Connect-Milo -ApiKey $MiloTestKey -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' {extra}").ThrowIfTerminating();
        }

        /// <summary>ConvertTo-SecureString is not in the bare engine; build the SecureString here.</summary>
        protected static System.Security.SecureString Secure(string text)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        protected PsResult Run(string script, IDictionary<string, object?>? variables = null) => Ps.Invoke(script, variables);

        protected IReadOnlyList<RecordedRequest> Requests(string pathPrefix) =>
            Sim.Requests.Snapshot().Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();
    }
}

using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>GET /health on the API (or the legacy API), its latency, and whether the key is accepted.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MiloConnection")]
    [OutputType(typeof(ConnectionTestResult))]
    public sealed class TestMiloConnectionCommand : MiloCmdlet
    {
        [Parameter]
        public SwitchParameter Legacy { get; set; }

        protected override void EndProcessing()
        {
            var session = RequireSession();
            var result = Run(ct => session.Client.TestConnectionAsync(Legacy, ct));
            WriteObject(result);
        }
    }
}

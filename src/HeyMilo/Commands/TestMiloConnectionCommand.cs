using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>GET /health on the API (or the legacy API), its latency, whether the key is accepted and (v2) the workspaces it reaches; the session remembers its workspace.</summary>
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
            if (result.KeyAccepted == true && !Legacy) session.RememberWorkspaces(result.Workspaces);
            WriteObject(result);
        }
    }
}

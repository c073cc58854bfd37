using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>Lists the workspace's ATS integrations (GET /api/v2/ats/connections, one answer).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloAtsConnection")]
    [OutputType(typeof(AtsConnection))]
    public sealed class GetMiloAtsConnectionCommand : MiloCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = RequireSession();
            IReadOnlyList<AtsConnection> connections;
            try
            {
                connections = Run(ct => session.Client.ListAtsConnectionsAsync(ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, null);
                return;
            }
            foreach (var connection in connections) WriteObject(connection);
        }
    }
}

using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets the workspaces the session's key can reach (GET /api/v2/workspaces: one page, no paging or
    /// search documented). When there is exactly one, the session remembers it (Get-MiloSession shows its name).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloWorkspace")]
    [OutputType(typeof(Workspace))]
    public sealed class GetMiloWorkspaceCommand : MiloCmdlet
    {
        protected override void EndProcessing()
        {
            var session = RequireSession();
            IReadOnlyList<Workspace> workspaces;
            try
            {
                workspaces = Run(ct => session.Client.ListWorkspacesAsync(ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, null);
                return;
            }
            session.RememberWorkspaces(workspaces);
            foreach (var workspace in workspaces) WriteObject(workspace);
        }
    }
}

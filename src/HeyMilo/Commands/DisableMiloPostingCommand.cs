using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Archives postings (POST /api/v2/postings/{id}/archive): they stop accepting new candidates. Archiving an
    /// archived posting changes nothing, so the call is retried like a read. ConfirmImpact High: PowerShell asks
    /// once per posting; runbooks pass -Confirm:$false or -Force (which still honours -WhatIf).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "MiloPosting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Posting))]
    public sealed class DisableMiloPostingCommand : PostingTargetCmdlet
    {
        /// <summary>Skip the confirmation prompt (for unattended runbooks). -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() =>
            ForEachPosting("archived",
                id => ShouldProcess($"posting {id}", "Archive (the posting stops accepting new candidates)", Force),
                (session, id, ct) => session.Client.ArchivePostingAsync(id, ct),
                posting => WriteObject(posting));
    }
}

using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Activates postings (POST /api/v2/postings/{id}/activate) so they accept candidates: a draft, an archived
    /// posting, or an ATS-derived posting pending activation (which this also attaches to its ATS). The document
    /// calls re-calling activate safe, so the call is retried like a read. The API refuses (422) a posting without
    /// workflow steps or past its deadline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "MiloPosting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Posting))]
    public sealed class EnableMiloPostingCommand : PostingTargetCmdlet
    {
        protected override void ProcessRecord() =>
            ForEachPosting("activated",
                id => ShouldProcess($"posting {id}", "Activate (the posting starts accepting candidates)"),
                (session, id, ct) => session.Client.ActivatePostingAsync(id, ct),
                posting => WriteObject(posting));
    }
}

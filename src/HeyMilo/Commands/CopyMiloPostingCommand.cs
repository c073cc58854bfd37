using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Clones postings (POST /api/v2/postings/{id}/clone) and writes each new posting with its URLs.
    /// A clone is never retried after a server error or timeout (HeyMilo has no idempotency keys, so a
    /// repeat could create a second copy); only a 429, which created nothing, is retried.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "MiloPosting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Posting))]
    public sealed class CopyMiloPostingCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        [PipelineInput(MiloObjects.Posting, IdOf = MiloObjects.Posting)]
        public string[] PostingId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            ForEachId(PostingId, session.Client.ClonePostingAsync,
                confirm: id => ShouldProcess($"posting {id}", "Clone"),
                write: (id, clone) =>
                {
                    if (clone.PendingActivation)
                        WriteWarning($"The clone {clone.Posting.Id} of the ATS posting {id} is a draft pending activation: activate it in HeyMilo (POST /postings/{clone.Posting.Id}/activate) before candidates can take it.");
                    WriteObject(clone.Posting);
                });
        }
    }
}

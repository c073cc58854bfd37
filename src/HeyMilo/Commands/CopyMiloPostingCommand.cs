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
                        WriteWarning($"The clone {clone.Posting.Id} of the ATS posting {id} is a draft pending activation: run Enable-MiloPosting -PostingId {clone.Posting.Id} (POST /postings/{clone.Posting.Id}/activate) before candidates can take it.");
                    WriteObject(clone.Posting);
                },
                ifItMayHaveHappened: (id, ex) => ex.OutcomeUnknown ? HowToFindTheCopy(session, id) : null);
        }

        /// <summary>
        /// After a clone that may have been made: how to find the copy. The source's title is read (a GET,
        /// safe to send) so the advice names what to search for; the copy carries the source's title.
        /// </summary>
        private string HowToFindTheCopy(MiloSession session, string id)
        {
            string? title = null;
            try
            {
                title = Run(ct => session.Client.GetPostingAsync(id, ct)).Title;
            }
            catch (MiloApiException)
            {
                // The API is still unreachable: the advice names the source id only.
            }
            var search = string.IsNullOrEmpty(title) ? $"Get-MiloPosting -Search <title of {id}>" : $"Get-MiloPosting -Search '{title!.Replace("'", "''")}'";
            return $"The posting may have been created: check with {search} for a copy of posting {id} before running Copy-MiloPosting -PostingId {id} again.";
        }
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Deletes questions (DELETE /api/v2/postings/{id}/questions/{question_id}). The API soft-deletes: the
    /// question leaves listings and reads as not found, and the rest of its modality is ranked 1..n again.
    /// ConfirmImpact High: scripts pass -Confirm:$false or -Force (which still honours -WhatIf).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MiloQuestion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Question))]
    public sealed class RemoveMiloQuestionCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("question_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.QuestionIdCompleter))]
        public string[] QuestionId { get; set; } = Array.Empty<string>();

        /// <summary>Skip the confirmation prompt (for unattended runbooks). -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write each deleted question as the API last had it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object (a question), for error records.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(MiloObjects.Question)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            var piped = RequestInput.TargetOf(InputObject);
            foreach (var id in QuestionId)
            {
                var what = piped is Question q && q.Id == id ? $"question {id} of posting {PostingId} ({q.Modality}: '{QuestionDraft.Short(q.Text)}')" : $"question {id} of posting {PostingId}";
                if (!ShouldProcess(what, "Delete", Force)) continue;
                Question question;
                try
                {
                    question = Run(ct => session.Client.DeleteQuestionAsync(PostingId, id, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, piped is string || piped is null ? id : piped);
                    continue;
                }
                if (PassThru) WriteObject(question);
            }
        }
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Removes ALL metadata of interviews (DELETE /api/v2/interviews/{id}/metadata; the API has no way to remove
    /// one key). ConfirmImpact High: scripts pass -Confirm:$false or -Force (which still honours -WhatIf).
    /// Outputs nothing unless -PassThru.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MiloInterviewMetadata", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(InterviewMetadata))]
    public sealed class RemoveMiloInterviewMetadataCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("interview_id")]
        [ValidateNotNullOrEmpty]
        [PipelineInput(MiloObjects.Interview | MiloObjects.ImportResult | MiloObjects.InterviewMetadata, IdOf = MiloObjects.Interview | MiloObjects.ImportResult)]
        public string[] InterviewId { get; set; } = Array.Empty<string>();

        /// <summary>Skip the confirmation prompt (for unattended runbooks). -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output each interview's metadata as the API left it (empty).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            ForEachId(InterviewId, session.Client.RemoveInterviewMetadataAsync,
                confirm: id => ShouldProcess($"interview {id}", "Remove all metadata", Force),
                write: (_, metadata) => { if (PassThru) WriteObject(metadata); });
        }
    }
}

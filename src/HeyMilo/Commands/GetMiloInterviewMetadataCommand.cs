using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>Gets interviews' metadata (GET /api/v2/interviews/{id}/metadata); ids bind from interviews and rows by property name.</summary>
    [Cmdlet(VerbsCommon.Get, "MiloInterviewMetadata")]
    [OutputType(typeof(InterviewMetadata))]
    public sealed class GetMiloInterviewMetadataCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("interview_id")]
        [ValidateNotNullOrEmpty]
        [PipelineInput(MiloObjects.Interview | MiloObjects.ImportResult | MiloObjects.InterviewMetadata, IdOf = MiloObjects.Interview | MiloObjects.ImportResult)]
        public string[] InterviewId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            foreach (var id in InterviewId)
            {
                InterviewMetadata metadata;
                try
                {
                    metadata = Run(ct => session.Client.GetInterviewMetadataAsync(id, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, id);
                    continue;
                }
                WriteObject(metadata);
            }
        }
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets the status of queued ATS pushes (GET /api/v2/ats/candidates/push/{item_id}). Item ids bind from
    /// Send-MiloAtsCandidate's output by property name (ItemId, item_id). A failed push is a status, not an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloAtsPush")]
    [OutputType(typeof(AtsPushStatus))]
    public sealed class GetMiloAtsPushCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.AtsPushReceipt | MiloObjects.AtsPushStatus, IdOf = MiloObjects.AtsPushReceipt | MiloObjects.AtsPushStatus)]
        [Alias("item_id")]
        [ValidateNotNullOrEmpty]
        public string[] ItemId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            foreach (var id in ItemId)
            {
                AtsPushStatus status;
                try
                {
                    status = Run(ct => session.Client.GetAtsPushAsync(id, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, id);
                    continue;
                }
                WriteObject(status);
            }
        }
    }
}

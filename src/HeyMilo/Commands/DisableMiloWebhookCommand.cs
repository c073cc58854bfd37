using System;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Deactivates webhooks: DELETE /api/v2/webhooks/{id}, or legacy POST /deactivate/{id} with -Legacy.
    /// ConfirmImpact High: scripts pass -Confirm:$false or -Force (which still honours -WhatIf).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "MiloWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Webhook))]
    public sealed class DisableMiloWebhookCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("webhook_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.WebhookIdCompleter))]
        [PipelineInput(MiloObjects.Webhook, IdOf = MiloObjects.Webhook)]
        public string[] WebhookId { get; set; } = Array.Empty<string>();

        /// <summary>Use the legacy POST /deactivate/{id}. Binds from a legacy webhook's Legacy property.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Legacy { get; set; }

        /// <summary>Skip the confirmation prompt (for unattended runbooks). -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            ForEachId(WebhookId, (id, ct) => session.Client.DisableWebhookAsync(id, Legacy.IsPresent, ct), confirm: id => Confirmed(session, id));
        }

        /// <summary>
        /// -Force (without -WhatIf) goes ahead; otherwise the prompt and the -WhatIf line name the webhook's
        /// event and URL, read first (a GET, never a change): ids alone say nothing to the person answering.
        /// </summary>
        private bool Confirmed(MiloSession session, string id)
        {
            const string action = "Deactivate webhook";
            if (Force && !WhatIfRequested()) return true;   // no prompt, so no read to name the webhook
            Webhook current;
            try
            {
                current = Run(ct => session.Client.GetWebhookAsync(id, Legacy.IsPresent, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, id);
                return false;
            }
            var state = current.IsActive ? "" : ", already inactive";
            return ShouldProcess($"webhook {id} ({current.EventType} of posting {current.PostingId} to {current.Url}{state})", action, Force);
        }
    }
}

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
            ForEachId(WebhookId, (id, ct) => session.Client.DisableWebhookAsync(id, Legacy.IsPresent, ct), confirm: Confirmed);
        }

        private bool Confirmed(string id)
        {
            const string action = "Deactivate webhook";
            var target = $"webhook {id}";
            if (Force && !WhatIfRequested()) return true;
            return ShouldProcess(target, action);
        }

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value))
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }
    }
}

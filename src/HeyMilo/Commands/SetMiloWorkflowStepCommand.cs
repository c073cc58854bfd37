using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Changes one workflow step's config (PATCH /api/v2/postings/{id}/workflow/{step_id}) without touching the
    /// other steps or the posting's own fields. -Step is the step's type (its first step of that type) or its
    /// 1-based order; the keys are checked before anything is sent (WorkflowStepChange; an order number's type is
    /// not known without a request, so a key the step's own type lacks is the API's HeyMilo.BadRequest).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MiloWorkflowStep", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Posting))]
    public sealed class SetMiloWorkflowStepCommand : PostingTargetCmdlet
    {
        private string _step = string.Empty;
        private Dictionary<string, object?> _config = new Dictionary<string, object?>();

        /// <summary>The step: web_interview, conversational_sms, resume or form, or its 1-based order.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("step_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.StepCompleter))]
        public string Step { get; set; } = string.Empty;

        /// <summary>The config keys to change; a key set to $null is removed (the step falls back to the posting's value); nested hashtables are replaced whole.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNull]
        public IDictionary Config { get; set; } = new Hashtable();

        /// <summary>Write the changed posting.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!(WorkflowStepChange.StepId(Step) is string step))
            {
                ThrowTerminatingError(MiloErrors.Create(
                    new ArgumentException($"-Step '{Step}' is neither a step type ({string.Join(", ", RequestRules.StepTypes)}) nor a 1-based step order. Nothing was sent."),
                    "InvalidStep", ErrorCategory.InvalidArgument, Step, "Get-MiloPosting -PostingId <id> | Select-Object -ExpandProperty Workflow lists the posting's steps."));
                return;
            }
            _step = step;
            var problems = new List<string>();
            _config = WorkflowStepChange.CheckConfig(_step, (IDictionary)RequestInput.Plain(Config)!, problems);
            if (problems.Count > 0)
                ThrowTerminatingError(MiloErrors.InvalidInput("InvalidStepConfig", problems, Config,
                    "Use the keys of the step type's config (Get-Help Set-MiloWorkflowStep -Parameter Config lists them) with values in their limits."));
        }

        protected override void ProcessRecord() =>
            ForEachPosting("updated",
                id => ShouldProcess($"posting {id}", $"Update workflow step '{_step}' config: {string.Join(", ", _config.Keys)}"),
                (session, id, ct) => session.Client.UpdateWorkflowStepAsync(id, _step, _config, ct),
                posting =>
                {
                    if (PassThru) WriteObject(posting);
                });
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Changes one workflow step's config (PATCH /api/v2/postings/{id}/workflow/{step_id}) without touching the
    /// other steps or the posting's own fields. -Step is the step's type (its first step of that type) or its
    /// 1-based order, as the API takes it. Keys are checked against the step type's config schema before
    /// anything is sent; with an order number the type is not known without a request, so a key must fit some
    /// step type and the API rejects one the step's own type lacks (HeyMilo.BadRequest).
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
            var type = RequestRules.StepType(Step);
            var isOrder = int.TryParse(Step, NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order >= 1;
            if (type is null && !isOrder)
            {
                ThrowTerminatingError(MiloErrors.Create(
                    new ArgumentException($"-Step '{Step}' is neither a step type ({string.Join(", ", RequestRules.StepTypes)}) nor a 1-based step order. Nothing was sent."),
                    "InvalidStep", ErrorCategory.InvalidArgument, Step, "Get-MiloPosting -PostingId <id> | Select-Object -ExpandProperty Workflow lists the posting's steps."));
            }
            _step = type ?? order.ToString(CultureInfo.InvariantCulture);

            var problems = new List<string>();
            var config = (IDictionary)RequestInput.Plain(Config)!;
            if (config.Count == 0) problems.Add("-Config names no key to change.");
            _config = type != null
                ? RequestRules.CheckMap(RequestRules.StepConfig[type], config, strict: true, "-Config", problems)
                : CheckAgainstEveryType(config, problems);
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

        /// <summary>For a step named by its order: each key must be a config key of some step type and its value fit one of them.</summary>
        private static Dictionary<string, object?> CheckAgainstEveryType(IDictionary config, List<string> problems)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in config)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var candidates = RequestRules.StepConfig.Values.Select(rules => RequestRules.Find(rules, key)).Where(r => r != null).Select(r => r!).ToList();
                if (candidates.Count == 0)
                {
                    problems.Add($"-Config has '{key}', which is not a config key of any step type; the keys are {string.Join(", ", RequestRules.StepConfig.Values.SelectMany(r => r).Select(r => r.Name).Distinct())}.");
                    continue;
                }
                List<string>? first = null;
                var fitted = false;
                foreach (var rule in candidates)
                {
                    var attempt = new List<string>();
                    if (RequestRules.TryConvert(rule, entry.Value, "-Config." + rule.Name, attempt, out var wire))
                    {
                        result[rule.Name] = wire;
                        fitted = true;
                        break;
                    }
                    first ??= attempt;
                }
                if (!fitted) problems.AddRange(first!);
            }
            return result;
        }
    }
}

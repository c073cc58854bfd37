using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// A change to one workflow step's config (PATCH /api/v2/postings/{id}/workflow/{step_id}). The step is its
    /// type or its 1-based order, as the API takes it; keys are checked against the step type's config schema.
    /// With an order number the type is not known without a request, so a key must fit some step type and the
    /// API rejects one the step's own type lacks.
    /// </summary>
    internal static class WorkflowStepChange
    {
        /// <summary>The step_id to send: the canonical step type, or the order as a number; null when the text is neither.</summary>
        public static string? StepId(string step)
        {
            var type = RequestRules.StepType(step);
            if (type != null) return type;
            return int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order >= 1
                ? order.ToString(CultureInfo.InvariantCulture)
                : null;
        }

        /// <summary>The config to send for <paramref name="stepId"/> (from <see cref="StepId"/>), its keys under their wire names.</summary>
        public static Dictionary<string, object?> CheckConfig(string stepId, IDictionary config, List<string> problems)
        {
            if (config.Count == 0) problems.Add("-Config names no key to change.");
            return RequestRules.StepConfig.TryGetValue(stepId, out var rules)
                ? RequestRules.CheckMap(rules, config, strict: true, "-Config", problems)
                : CheckAgainstEveryType(config, problems);
        }

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

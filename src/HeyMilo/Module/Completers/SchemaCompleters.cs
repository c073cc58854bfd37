using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes a question modality (-Modality: voice, sms, form, resume_eligibility…) from
    /// GET /api/v2/schemas/question-types, so the values follow the API rather than a list in the module.
    /// </summary>
    public sealed class ModalityCompleter : SessionCompleter
    {
        internal override async Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct)
        {
            var items = new List<CompletionItem>();
            foreach (var modality in await session.Client.GetQuestionTypesAsync(ct).ConfigureAwait(false))
            {
                var formats = modality.Formats.Length == 0 ? "" : " (" + string.Join(", ", modality.Formats) + ")";
                items.Add(new CompletionItem(modality.Modality, modality.Modality, modality.Modality,
                    modality.Modality + ": questions of " + (modality.AgentType ?? "any") + " steps" + formats));
            }
            return items;
        }
    }

    /// <summary>
    /// Completes a workflow step type (-Step, -Type, -AgentType: web_interview, conversational_sms, resume, form)
    /// from GET /api/v2/schemas/agents; the prefix also matches the display name ("Web interview").
    /// </summary>
    public sealed class StepTypeCompleter : SessionCompleter
    {
        internal override async Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct)
        {
            var items = new List<CompletionItem>();
            foreach (var agent in await session.Client.GetAgentTypesAsync(ct).ConfigureAwait(false))
            {
                var name = string.IsNullOrEmpty(agent.Name) ? agent.Type : agent.Name!;
                items.Add(new CompletionItem(agent.Type, agent.Name, agent.Type,
                    name + (string.IsNullOrEmpty(agent.Description) ? "" : ": " + agent.Description) + " (" + agent.Type + ")"));
            }
            return items;
        }
    }
}

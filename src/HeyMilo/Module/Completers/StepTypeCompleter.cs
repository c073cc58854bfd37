using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Module.Completers
{
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

using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Requests;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -Step of Set-MiloWorkflowStep: the steps of the posting typed as -PostingId, each by its type
    /// (the API picks the first step of a type) and by its 1-based order. Without -PostingId on the line it
    /// offers the step types of GET /api/v2/schemas/agents, as <see cref="StepTypeCompleter"/> does.
    /// </summary>
    public sealed class StepCompleter : SessionCompleter
    {
        private static readonly StepTypeCompleter s_types = new StepTypeCompleter();

        internal override string? Scope(IDictionary? fakeBoundParameters) => FirstString(fakeBoundParameters, "PostingId") ?? string.Empty;

        internal override async Task<List<CompletionItem>> FetchAsync(MiloSession session, string scope, IDictionary? fakeBoundParameters, CancellationToken ct)
        {
            if (scope.Length == 0) return await s_types.FetchAsync(session, ct).ConfigureAwait(false);
            var posting = await session.Client.GetPostingAsync(scope, ct).ConfigureAwait(false);
            var steps = posting.Workflow.OrderBy(s => s.Order).ToList();
            var items = new List<CompletionItem>();
            foreach (var step in steps.GroupBy(s => s.Type).Select(g => g.First()))
                items.Add(new CompletionItem(step.Type, null, $"{step.Type} (step {Order(step)})", $"Step {Order(step)} of posting {posting.Id}: {step.Type}" + (step.Id is null ? "" : $" ({step.Id})")));
            foreach (var step in steps)
                items.Add(new CompletionItem(Order(step), null, $"{Order(step)} ({step.Type})", $"Step {Order(step)} of posting {posting.Id}: {step.Type}" + (step.Id is null ? "" : $" ({step.Id})")));
            return items;
        }

        internal override Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct) => s_types.FetchAsync(session, ct);

        private static string Order(WorkflowStep step) => step.Order.ToString(CultureInfo.InvariantCulture);
    }
}

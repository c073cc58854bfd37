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
}

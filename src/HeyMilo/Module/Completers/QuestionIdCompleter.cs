using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Requests;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -QuestionId: the questions of the posting typed as -PostingId (of the -Modality typed, if any),
    /// first page (up to 100); inserts the id, shows modality, rank and text. Without -PostingId on the line
    /// there is nothing to offer.
    /// </summary>
    public sealed class QuestionIdCompleter : SessionCompleter
    {
        internal override string? Scope(IDictionary? fakeBoundParameters)
        {
            var posting = FirstString(fakeBoundParameters, "PostingId");
            if (posting is null) return null;
            return posting + "\n" + (RequestRules.Modality(FirstString(fakeBoundParameters, "Modality")) ?? string.Empty);
        }

        internal override Task<List<CompletionItem>> FetchAsync(MiloSession session, string scope, IDictionary? fakeBoundParameters, CancellationToken ct)
        {
            var parts = scope.Split('\n');
            var modality = parts[1].Length == 0 ? null : parts[1];
            return ToListAsync(session.Client.ListQuestionsAsync(parts[0], modality, HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct), Describe, ct);
        }

        internal override Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct) =>
            Task.FromResult(new List<CompletionItem>());

        private static CompletionItem Describe(Question item)
        {
            var text = item.Text.Length <= 50 ? item.Text : item.Text.Substring(0, 47) + "...";
            var rank = item.Rank is int r ? " " + r.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            return new CompletionItem(item.Id, item.Text, $"{item.Modality}{rank}: {text}", $"{item.Id} ({item.Modality}{rank}): {item.Text}");
        }
    }
}

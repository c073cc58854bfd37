using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes an id of the workspace catalog: inserts the id, shows the name (a phone number's number, a
    /// sender's address, a domain's name) and matches the typed prefix on either. Offers the first page (up
    /// to 100) of the family, cached per session like every <see cref="SessionCompleter"/>.
    /// </summary>
    public abstract class CatalogIdCompleter : SessionCompleter
    {
        internal abstract CatalogFamily Family { get; }

        internal override async Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct)
        {
            var choices = await Family.ChoicesAsync(session.Client, ct).ConfigureAwait(false);
            var items = new List<CompletionItem>(choices.Count);
            foreach (var choice in choices)
                items.Add(new CompletionItem(choice.Id, choice.Name, choice.Name ?? choice.Id, choice.Description));
            return items;
        }
    }

}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-SenderEmailId: sender emails by address (they have no name).</summary>
    public sealed class SenderEmailIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.SenderEmails;
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-DomainId: custom domains by domain name.</summary>
    public sealed class DomainIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.Domains;
    }
}

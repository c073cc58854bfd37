using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-DesignTemplateGroupId (and Get-MiloDesignTemplateGroup -GroupId): brand kits by name.</summary>
    public sealed class DesignTemplateGroupIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.DesignTemplateGroups;
    }
}

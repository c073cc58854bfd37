using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-TemplateId of Get-MiloDesignTemplate: design templates by name.</summary>
    public sealed class DesignTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.DesignTemplates;
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-TemplateId of Get-MiloEmailTemplate: email templates by name.</summary>
    public sealed class EmailTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.EmailTemplates;
    }
}

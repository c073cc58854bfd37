using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-EmailTemplateGroupId (and Get-MiloEmailTemplateGroup -GroupId): email template groups by name.</summary>
    public sealed class EmailTemplateGroupIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.EmailTemplateGroups;
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-InterviewTemplateId (and Get-MiloInterviewTemplate -TemplateId): interview templates by name.</summary>
    public sealed class InterviewTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.InterviewTemplates;
    }
}

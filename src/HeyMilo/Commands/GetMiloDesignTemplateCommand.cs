using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets design templates by id, or streams them all (GET /api/v2/design-templates, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloDesignTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(DesignTemplate))]
    public sealed class GetMiloDesignTemplateCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.DesignTemplate, IdOf = MiloObjects.DesignTemplate)]
        [Alias("Id", "template_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DesignTemplateIdCompleter))]
        public string[] TemplateId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.DesignTemplates;

        internal override string[] Ids => TemplateId;
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets design template groups (brand kits) by id, or streams them all (GET /api/v2/design-template-groups, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloDesignTemplateGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(DesignTemplateGroup))]
    public sealed class GetMiloDesignTemplateGroupCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.DesignTemplateGroup, IdOf = MiloObjects.DesignTemplateGroup)]
        [Alias("Id", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DesignTemplateGroupIdCompleter))]
        public string[] GroupId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.DesignTemplateGroups;

        internal override string[] Ids => GroupId;
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets email template groups by id, or streams them all (GET /api/v2/email-template-groups, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloEmailTemplateGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(EmailTemplateGroup))]
    public sealed class GetMiloEmailTemplateGroupCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.EmailTemplateGroup, IdOf = MiloObjects.EmailTemplateGroup)]
        [Alias("Id", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EmailTemplateGroupIdCompleter))]
        public string[] GroupId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.EmailTemplateGroups;

        internal override string[] Ids => GroupId;
    }
}

using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets email templates by id, or streams them all (GET /api/v2/email-templates, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloEmailTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(EmailTemplate))]
    public sealed class GetMiloEmailTemplateCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.EmailTemplate, IdOf = MiloObjects.EmailTemplate)]
        [Alias("Id", "template_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EmailTemplateIdCompleter))]
        public string[] TemplateId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.EmailTemplates;

        internal override string[] Ids => TemplateId;
    }
}

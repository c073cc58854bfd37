using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets interview templates by id, or streams them all (GET /api/v2/interview-templates, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloInterviewTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(InterviewTemplate))]
    public sealed class GetMiloInterviewTemplateCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.InterviewTemplate, IdOf = MiloObjects.InterviewTemplate)]
        [Alias("Id", "template_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(InterviewTemplateIdCompleter))]
        public string[] TemplateId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.InterviewTemplates;

        internal override string[] Ids => TemplateId;
    }
}

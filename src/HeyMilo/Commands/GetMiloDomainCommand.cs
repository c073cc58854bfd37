using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets custom interview-link domains by id, or streams them all (GET /api/v2/domains, cursor pagination). The API documents no search for this listing, so the cmdlet offers no -Search.</summary>
    [Cmdlet(VerbsCommon.Get, "MiloDomain", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CustomDomain))]
    public sealed class GetMiloDomainCommand : GetMiloCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.Domain, IdOf = MiloObjects.Domain)]
        [Alias("Id", "config_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DomainIdCompleter))]
        public string[] DomainId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.Domains;

        internal override string[] Ids => DomainId;
    }
}

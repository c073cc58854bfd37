using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets phone numbers by id, or streams them all (GET /api/v2/phone-numbers, cursor pagination). The API documents no search for this listing, so the cmdlet offers no -Search.</summary>
    [Cmdlet(VerbsCommon.Get, "MiloPhoneNumber", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class GetMiloPhoneNumberCommand : GetMiloCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.PhoneNumber, IdOf = MiloObjects.PhoneNumber)]
        [Alias("Id", "config_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PhoneNumberIdCompleter))]
        public string[] PhoneNumberId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.PhoneNumbers;

        internal override string[] Ids => PhoneNumberId;
    }
}

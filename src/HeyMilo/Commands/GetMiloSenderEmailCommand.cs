using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets sender emails by id, or streams them all (GET /api/v2/sender-emails, cursor pagination). The API documents no search for this listing, so the cmdlet offers no -Search.</summary>
    [Cmdlet(VerbsCommon.Get, "MiloSenderEmail", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SenderEmail))]
    public sealed class GetMiloSenderEmailCommand : GetMiloCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.SenderEmail | MiloObjects.EmailTemplateGroup, IdOf = MiloObjects.SenderEmail)]
        [Alias("Id", "sender_email_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SenderEmailIdCompleter))]
        public string[] SenderEmailId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.SenderEmails;

        internal override string[] Ids => SenderEmailId;
    }
}

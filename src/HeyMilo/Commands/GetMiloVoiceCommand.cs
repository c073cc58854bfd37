using System;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets interviewer voices by id, or streams them all (GET /api/v2/voices, cursor pagination).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloVoice", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Voice))]
    public sealed class GetMiloVoiceCommand : GetMiloSearchableCatalogItemCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.Voice, IdOf = MiloObjects.Voice)]
        [Alias("Id", "voice_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VoiceIdCompleter))]
        public string[] VoiceId { get; set; } = Array.Empty<string>();

        internal override CatalogFamily Family => CatalogFamilies.Voices;

        internal override string[] Ids => VoiceId;
    }
}

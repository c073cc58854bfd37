using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-VoiceId: voices by name, with language, gender and provider in the tool tip.</summary>
    public sealed class VoiceIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.Voices;
    }
}

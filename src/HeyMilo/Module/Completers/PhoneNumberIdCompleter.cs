using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>-PhoneNumberId: phone numbers by number (they have no name).</summary>
    public sealed class PhoneNumberIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.PhoneNumbers;
    }
}

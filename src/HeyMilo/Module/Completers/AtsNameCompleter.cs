using System.Collections.Generic;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -AtsName with the providers the ATS candidate operations serve ("Only Bullhorn and Avionte are
    /// currently supported"). No request, and no ValidateSet: the API decides, so a provider it adds later works
    /// without a new module.
    /// </summary>
    public sealed class AtsNameCompleter : FixedValueCompleter
    {
        internal static readonly KeyValuePair<string, string>[] Providers =
        {
            new KeyValuePair<string, string>("bullhorn", "Bullhorn"),
            new KeyValuePair<string, string>("avionte", "Avionte"),
        };

        internal override IReadOnlyList<KeyValuePair<string, string>> Values => Providers;
    }
}

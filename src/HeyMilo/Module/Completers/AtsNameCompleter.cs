using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes -AtsName with the providers the ATS candidate operations serve ("Only Bullhorn and Avionte are
    /// currently supported"). No request, and no ValidateSet: the API decides, so a provider it adds later works
    /// without a new module.
    /// </summary>
    public sealed class AtsNameCompleter : IArgumentCompleter
    {
        internal static readonly KeyValuePair<string, string>[] Providers =
        {
            new KeyValuePair<string, string>("bullhorn", "Bullhorn"),
            new KeyValuePair<string, string>("avionte", "Avionte"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var pair in Providers)
            {
                if (pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(pair.Key, pair.Key, CompletionResultType.ParameterValue, pair.Value);
            }
        }
    }
}

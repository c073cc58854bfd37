using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HeyMilo.Module.Completers
{
    /// <summary>Completes a parameter from a fixed list of values with a tool tip each (no request).</summary>
    public abstract class FixedValueCompleter : IArgumentCompleter
    {
        /// <summary>The values offered, in order, each with its tool tip.</summary>
        internal abstract IReadOnlyList<KeyValuePair<string, string>> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var pair in Values)
            {
                if (pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(pair.Key, pair.Key, CompletionResultType.ParameterValue, pair.Value);
            }
        }
    }
}

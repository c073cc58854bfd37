using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HeyMilo.Module.Completers
{
    /// <summary>Completes -EventType from the fixed set of webhook events the API delivers (no request).</summary>
    public sealed class EventTypeCompleter : IArgumentCompleter
    {
        internal static readonly KeyValuePair<string, string>[] EventTypes =
        {
            new KeyValuePair<string, string>("interview_started", "A candidate started the interview."),
            new KeyValuePair<string, string>("interview_completed", "A candidate finished the interview."),
            new KeyValuePair<string, string>("report_available", "The interview's evaluation report is ready."),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var pair in EventTypes)
            {
                if (pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(pair.Key, pair.Key, CompletionResultType.ParameterValue, pair.Value);
            }
        }
    }
}

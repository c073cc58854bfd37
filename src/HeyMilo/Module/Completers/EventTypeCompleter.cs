using System.Collections.Generic;

namespace HeyMilo.Module.Completers
{
    /// <summary>Completes -EventType from the fixed set of webhook events the API delivers (no request).</summary>
    public sealed class EventTypeCompleter : FixedValueCompleter
    {
        internal static readonly KeyValuePair<string, string>[] EventTypes =
        {
            new KeyValuePair<string, string>("interview_started", "A candidate started the interview."),
            new KeyValuePair<string, string>("interview_completed", "A candidate finished the interview."),
            new KeyValuePair<string, string>("report_available", "The interview's evaluation report is ready."),
        };

        internal override IReadOnlyList<KeyValuePair<string, string>> Values => EventTypes;
    }
}

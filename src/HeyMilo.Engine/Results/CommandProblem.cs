namespace HeyMilo
{
    /// <summary>The kinds of <see cref="CommandProblem"/>; each is the PowerShell error category of the same name.</summary>
    internal enum CommandProblemKind
    {
        /// <summary>A parameter value that cannot be sent (ArgumentException).</summary>
        InvalidArgument,
        /// <summary>A value that would put a secret at risk (ArgumentException).</summary>
        SecurityError,
        /// <summary>A row or value of the input that cannot be sent (ArgumentException).</summary>
        InvalidData,
        /// <summary>The API answered, but not with what was asked for (InvalidOperationException).</summary>
        InvalidResult,
        /// <summary>What is asked for exists already (InvalidOperationException).</summary>
        ResourceExists,
        /// <summary>A wait ended before the API did (TimeoutException).</summary>
        OperationTimeout,
    }

    /// <summary>
    /// A failure an engine service finds without an API error — input refused before anything is sent, a push
    /// the API did not queue, a wait that ran out — with the stable id, the message and the advice the cmdlet's
    /// ErrorRecord carries. The engine decides what is wrong; the cmdlet only writes it.
    /// </summary>
    internal sealed class CommandProblem
    {
        public CommandProblem(string reason, CommandProblemKind kind, string message, object? target, string? advice)
        {
            Reason = reason;
            Kind = kind;
            Message = message;
            Target = target;
            Advice = advice;
        }

        /// <summary>The error id after "HeyMilo." (InvalidEmail, AtsPushFailed …).</summary>
        public string Reason { get; }
        public CommandProblemKind Kind { get; }
        public string Message { get; }
        /// <summary>The value the problem is about (the ErrorRecord's TargetObject).</summary>
        public object? Target { get; }
        /// <summary>What to do about it (RecommendedAction).</summary>
        public string? Advice { get; }
    }
}

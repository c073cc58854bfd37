using System;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>An engine <see cref="CommandProblem"/> as the ErrorRecord a cmdlet writes (see MiloErrors.Create).</summary>
    internal static class CommandProblems
    {
        public static ErrorRecord ToErrorRecord(this CommandProblem problem)
        {
            var category = problem.Kind switch
            {
                CommandProblemKind.InvalidData => ErrorCategory.InvalidData,
                CommandProblemKind.SecurityError => ErrorCategory.SecurityError,
                CommandProblemKind.ResourceExists => ErrorCategory.ResourceExists,
                CommandProblemKind.InvalidResult => ErrorCategory.InvalidResult,
                CommandProblemKind.OperationTimeout => ErrorCategory.OperationTimeout,
                _ => ErrorCategory.InvalidArgument,
            };
            Exception exception = problem.Kind switch
            {
                CommandProblemKind.ResourceExists or CommandProblemKind.InvalidResult => new InvalidOperationException(problem.Message),
                CommandProblemKind.OperationTimeout => new TimeoutException(problem.Message),
                _ => new ArgumentException(problem.Message),
            };
            return MiloErrors.Create(exception, problem.Reason, category, problem.Target, problem.Advice);
        }
    }
}

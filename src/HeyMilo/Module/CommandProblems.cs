using System;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>An engine <see cref="CommandProblem"/> as the ErrorRecord a cmdlet writes (see MiloErrors.Create).</summary>
    internal static class CommandProblems
    {
        public static ErrorRecord ToErrorRecord(this CommandProblem problem)
        {
            switch (problem.Kind)
            {
                case CommandProblemKind.InvalidResult:
                    return MiloErrors.Create(new InvalidOperationException(problem.Message), problem.Reason, ErrorCategory.InvalidResult, problem.Target, problem.Advice);
                case CommandProblemKind.ResourceExists:
                    return MiloErrors.Create(new InvalidOperationException(problem.Message), problem.Reason, ErrorCategory.ResourceExists, problem.Target, problem.Advice);
                case CommandProblemKind.OperationTimeout:
                    return MiloErrors.Create(new TimeoutException(problem.Message), problem.Reason, ErrorCategory.OperationTimeout, problem.Target, problem.Advice);
                case CommandProblemKind.SecurityError:
                    return MiloErrors.Create(new ArgumentException(problem.Message), problem.Reason, ErrorCategory.SecurityError, problem.Target, problem.Advice);
                case CommandProblemKind.InvalidData:
                    return MiloErrors.Create(new ArgumentException(problem.Message), problem.Reason, ErrorCategory.InvalidData, problem.Target, problem.Advice);
                default:
                    return MiloErrors.Create(new ArgumentException(problem.Message), problem.Reason, ErrorCategory.InvalidArgument, problem.Target, problem.Advice);
            }
        }
    }
}

using System;

namespace HeyMilo.Export
{
    /// <summary>How the cmdlet files an export failure; the names match PowerShell's ErrorCategory.</summary>
    internal enum ExportFailureCategory
    {
        InvalidArgument,
        ResourceExists,
        ObjectNotFound,
        WriteError,
        InvalidResult,
        OperationTimeout,
    }

    /// <summary>
    /// An export that cannot go on, with what the cmdlet needs for its ErrorRecord: a stable reason
    /// (HeyMilo.&lt;Reason&gt;), a category, the target and what the user can do. API failures are not
    /// wrapped: they stay <see cref="MiloApiException"/>.
    /// </summary>
    internal sealed class ExportException : Exception
    {
        public ExportException(string reason, ExportFailureCategory category, string message, string action, object? target, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
            Category = category;
            Action = action;
            Target = target;
        }

        public string Reason { get; }
        public ExportFailureCategory Category { get; }
        public string Action { get; }
        public object? Target { get; }

        internal static ExportException WriteFailed(Exception inner, object? target, string action = "Check free space and permissions of the folder, then export again.") =>
            new ExportException("WriteFailed", ExportFailureCategory.WriteError, inner.Message, action, target, inner);
    }
}

using System;
using System.Threading;

namespace HeyMilo
{
    /// <summary>
    /// A request the caller cancelled (Ctrl+C), saying whether it may have reached the server: false when it was
    /// still waiting (for a rate-limit permit, a retry delay) or its last attempt was refused before any work
    /// (a 429 or another 4xx). Callers that only care that it was cancelled catch OperationCanceledException.
    /// </summary>
    public sealed class RequestCancelledException : OperationCanceledException
    {
        public RequestCancelledException(bool mayHaveReachedServer, Exception inner, CancellationToken token)
            : base(mayHaveReachedServer ? "The request was cancelled; it may have reached the server." : "The request was cancelled before it reached the server.", inner, token)
        {
            MayHaveReachedServer = mayHaveReachedServer;
        }

        public bool MayHaveReachedServer { get; }
    }
}

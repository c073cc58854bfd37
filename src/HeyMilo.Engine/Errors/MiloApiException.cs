using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo
{
    /// <summary>The single exception type for failed HeyMilo API calls.</summary>
    public sealed class MiloApiException : Exception
    {
        public MiloApiException(
            MiloFailureKind kind,
            string message,
            string method,
            string path,
            int? statusCode = null,
            string? errorType = null,
            string? errorCode = null,
            string? requestId = null,
            TimeSpan? retryAfter = null,
            IReadOnlyList<MiloFieldError>? fieldErrors = null,
            Exception? inner = null,
            bool idempotent = true,
            bool mayHaveReachedServer = false,
            DateTimeOffset? rateLimitResetAt = null)
            : base(message, inner)
        {
            RateLimitResetAt = rateLimitResetAt;
            Idempotent = idempotent;
            MayHaveReachedServer = mayHaveReachedServer;
            Kind = kind;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ErrorType = errorType;
            ErrorCode = errorCode;
            RequestId = requestId;
            RetryAfter = retryAfter;
            FieldErrors = fieldErrors ?? Array.Empty<MiloFieldError>();
        }

        public MiloFailureKind Kind { get; }
        public string Method { get; }
        /// <summary>Path and query of the request (never carries the API key).</summary>
        public string Path { get; }
        public int? StatusCode { get; }
        public string? ErrorType { get; }
        public string? ErrorCode { get; }
        public string? RequestId { get; }
        public TimeSpan? RetryAfter { get; }
        public IReadOnlyList<MiloFieldError> FieldErrors { get; }

        /// <summary>For a rate-limit failure: when the API's window resets and a request may be sent again.</summary>
        public DateTimeOffset? RateLimitResetAt { get; }

        /// <summary>Whether sending the request again could not do its work twice (a read, a delete, an ingestion without -Retake).</summary>
        public bool Idempotent { get; }

        /// <summary>
        /// Whether the request may have reached the server and been carried out although the module has no
        /// answer saying so: an attempt timed out or lost its connection after it was sent, the server failed
        /// with a 5xx after it may have acted, or a 2xx answer could not be read. False when the server
        /// answered that it did not act (4xx, 429) or the connection was never opened (refused, DNS, TLS).
        /// For a request that is not <see cref="Idempotent"/>, check whether it took effect before sending it again.
        /// </summary>
        public bool MayHaveReachedServer { get; }

        /// <summary>The case that must not be blindly repeated: an unsafe request that may have been carried out.</summary>
        public bool OutcomeUnknown => MayHaveReachedServer && !Idempotent;

        /// <summary>The API's own message, without the request line.</summary>
        public string ApiMessage => base.Message;

        public override string Message
        {
            get
            {
                var status = StatusCode is int s ? $" {s}" : string.Empty;
                var text = $"{Method} {Path} failed{status}: {base.Message}";
                var tags = new List<string>();
                if (!string.IsNullOrEmpty(ErrorCode)) tags.Add("code " + ErrorCode);
                if (!string.IsNullOrEmpty(RequestId)) tags.Add("request " + RequestId);
                if (tags.Count > 0) text += " (" + string.Join(", ", tags) + ")";
                if (FieldErrors.Count > 0)
                {
                    text += Environment.NewLine + string.Join(Environment.NewLine, FieldErrors.Select(e => "  - " + e));
                }
                return text;
            }
        }
    }

}

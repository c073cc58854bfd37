using System;

namespace HeyMilo
{
    /// <summary>Output of Test-MiloConnection.</summary>
    public sealed class ConnectionTestResult
    {
        public ConnectionTestResult(Uri baseUri, bool legacy, bool healthy, string? status, TimeSpan latency, bool? keyAccepted, int? httpStatus)
        {
            BaseUri = baseUri;
            Legacy = legacy;
            Healthy = healthy;
            Status = status;
            Latency = latency;
            KeyAccepted = keyAccepted;
            HttpStatus = httpStatus;
        }

        public Uri BaseUri { get; }
        public bool Legacy { get; }
        public bool Healthy { get; }
        public string? Status { get; }
        public TimeSpan Latency { get; }
        /// <summary>True when an authenticated call succeeded, false on 401/403, null when the API could not be reached.</summary>
        public bool? KeyAccepted { get; }
        public int? HttpStatus { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo
{
    /// <summary>Output of Test-MiloConnection.</summary>
    public sealed class ConnectionTestResult
    {
        public ConnectionTestResult(Uri baseUri, bool legacy, bool healthy, string? status, TimeSpan latency, bool? keyAccepted, int? httpStatus, IReadOnlyList<Workspace>? workspaces = null)
        {
            BaseUri = baseUri;
            Legacy = legacy;
            Healthy = healthy;
            Status = status;
            Latency = latency;
            KeyAccepted = keyAccepted;
            HttpStatus = httpStatus;
            Workspaces = workspaces?.ToArray() ?? Array.Empty<Workspace>();
        }

        public Uri BaseUri { get; }
        public bool Legacy { get; }
        public bool Healthy { get; }
        public string? Status { get; }
        public TimeSpan Latency { get; }
        /// <summary>True when an authenticated call succeeded, false on 401/403, null when the API could not be reached.</summary>
        public bool? KeyAccepted { get; }
        public int? HttpStatus { get; }
        /// <summary>The workspaces the key can reach (GET /api/v2/workspaces); empty with -Legacy or when the key was refused.</summary>
        public Workspace[] Workspaces { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using HeyMilo.Client;
using HeyMilo.Session;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo
{
    /// <summary>
    /// A connection to one HeyMilo workspace: base URIs, the API key (kept as a SecureString, never
    /// shown) and the key's rate-limit state. Created by Connect-Milo; pass it to -Session to work with
    /// several workspaces in one script.
    /// </summary>
    public sealed class MiloSession : IDisposable
    {
        internal MiloSession(TransportSettings settings, SecureString key)
        {
            BaseUri = settings.BaseUri;
            LegacyBaseUri = settings.LegacyBaseUri;
            RequestsPerMinute = settings.RequestsPerMinute;
            MaxRetries = settings.MaxRetries;
            MaxRateLimitWait = settings.MaxRateLimitWait;
            Timeout = settings.AttemptTimeout;
            KeyFingerprint = ApiKey.Fingerprint(key);
            ConnectedAt = ModuleClock.Current.GetUtcNow();
            Transport = new MiloTransport(settings, key, ApiKey.Id(key));
            Client = new HeyMiloClient(Transport);
        }

        public Uri BaseUri { get; }
        public Uri LegacyBaseUri { get; }
        /// <summary>At most the last four characters of the key.</summary>
        public string KeyFingerprint { get; }
        public int RequestsPerMinute { get; }
        public int MaxRetries { get; }
        /// <summary>The longest rate-limit pause the API may impose before a request fails with HeyMilo.RateLimited (Connect-Milo -MaxRateLimitWaitSec).</summary>
        public TimeSpan MaxRateLimitWait { get; }
        public TimeSpan Timeout { get; }
        public DateTimeOffset ConnectedAt { get; }
        public bool IsClosed { get; private set; }
        /// <summary>The key's rate-limit state at the moment it is read (not the last response's headers).</summary>
        public RateLimitState RateLimit => Transport.Gate.Snapshot();
        /// <summary>The name of the key's workspace, once Test-MiloConnection or Get-MiloWorkspace has read it (null before, and when the key reaches several).</summary>
        public string? WorkspaceName => _workspace?.Name;
        /// <summary>The id of the key's workspace, known as WorkspaceName is.</summary>
        public string? WorkspaceId => _workspace?.Id;

        private volatile Workspace? _workspace;

        /// <summary>Keeps the workspace when the key reaches exactly one (several: which one a call uses is the API's choice).</summary>
        internal void RememberWorkspaces(IReadOnlyList<Workspace> workspaces)
        {
            if (workspaces.Count == 1) _workspace = workspaces[0];
        }

        internal MiloTransport Transport { get; }
        internal HeyMiloClient Client { get; }

        public void Dispose()
        {
            if (IsClosed) return;
            IsClosed = true;
            Transport.Dispose();
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "HeyMilo {0} (key {1})", BaseUri.GetLeftPart(UriPartial.Authority), KeyFingerprint);
    }
}

using System;
using System.Management.Automation;
using System.Security;
using HeyMilo.Module;
using HeyMilo.Session;

namespace HeyMilo.Commands
{
    /// <summary>Opens a session: the key (SecureString, credential or $env:HEYMILO_API_KEY), base URIs and the rate limit.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Milo", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(MiloSession))]
    public sealed class ConnectMiloCommand : PSCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";
        internal const string KeyVariable = "HEYMILO_API_KEY";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString ApiKey { get; set; } = null!;

        /// <summary>The password is the API key; the user name is ignored (handy with Automation credentials).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = null!;

        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = new Uri("https://api.heymilo.ai/");

        [Parameter]
        [ValidateNotNull]
        public Uri LegacyBaseUri { get; set; } = new Uri("https://api.heymilo.network/");

        /// <summary>The client-side ceiling for this key; the API documents 300.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int RequestsPerMinute { get; set; } = 300;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 5;

        /// <summary>Per-attempt timeout in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>
        /// The longest pause (seconds) the API's rate limit may ask for before a request fails with
        /// HeyMilo.RateLimited and the reset time instead of waiting.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int MaxRateLimitWaitSec { get; set; } = 300;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>-Debug shows this command's lines without prompting (see DebugSwitch).</summary>
        protected override void BeginProcessing() => DebugSwitch.ShowWithoutInquiring(this);

        protected override void EndProcessing()
        {
            var baseUri = CheckUri(BaseUri, nameof(BaseUri));
            var legacyUri = CheckUri(LegacyBaseUri, nameof(LegacyBaseUri));
            var key = ReadKey();
            var session = new MiloSession(ConnectionOptions.Settings(baseUri, legacyUri, RequestsPerMinute, MaxRetries, TimeoutSec, MaxRateLimitWaitSec), key);
            SessionStore.Connect(session);
            WriteVerbose($"Connected to {session.BaseUri} (legacy {session.LegacyBaseUri}) with key {session.KeyFingerprint}, at most {session.RequestsPerMinute} requests per minute.");
            if (PassThru) WriteObject(session);
        }

        private SecureString ReadKey()
        {
            SecureString? key = ParameterSetName switch
            {
                ApiKeySet => ApiKey,
                CredentialSet => Credential.Password,
                _ => Environment.GetEnvironmentVariable(KeyVariable) is string fromEnv && fromEnv.Trim().Length > 0
                    ? Session.ApiKey.FromPlainText(fromEnv.Trim())
                    : null,
            };
            if (key is null)
            {
                ThrowTerminatingError(MiloErrors.Create(
                    new ArgumentException($"No API key given: pass -ApiKey or -Credential, or set the {KeyVariable} environment variable."),
                    "MissingApiKey", ErrorCategory.InvalidArgument, null,
                    "Connect-Milo -ApiKey (Read-Host -AsSecureString 'HeyMilo API key')"));
            }
            if (Session.ApiKey.IsEmpty(key!))
            {
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("The API key is empty."),
                    "MissingApiKey", ErrorCategory.InvalidArgument, null, "Pass the key shown in the HeyMilo dashboard."));
            }
            return key!;
        }

        private Uri CheckUri(Uri uri, string parameter)
        {
            var checkedUri = ConnectionOptions.BaseUri(uri, parameter, out var problem);
            if (problem != null) ThrowTerminatingError(problem.ToErrorRecord());
            return checkedUri!;
        }
    }
}

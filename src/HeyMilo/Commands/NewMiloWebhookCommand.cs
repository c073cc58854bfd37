using System;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Registers a webhook for a posting: POST /api/v2/webhooks, or the legacy POST /create when
    /// -HttpMethod is given (only the legacy API lets the caller choose GET or POST delivery).
    /// Not retried after server errors (a repeat could register the webhook twice); a 429 is retried.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MiloWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Webhook))]
    public sealed class NewMiloWebhookCommand : MiloCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        /// <summary>The object piped in: only postings (and rows or ids) may create webhooks, never one per interview.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(MiloObjects.Posting)]
        public PSObject? InputObject { get; set; }

        /// <summary>Absolute http or https URL that receives the events.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("webhook_url")]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2)]
        [Alias("event_type")]
        [ValidateSet("interview_started", "interview_completed", "report_available")]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.EventTypeCompleter))]
        public string EventType { get; set; } = string.Empty;

        /// <summary>Delivery method. Only the legacy API offers it: when given, the webhook is created through legacy POST /create.</summary>
        [Parameter]
        [ValidateSet("Get", "Post")]
        public string? HttpMethod { get; set; }

        /// <summary>Create the webhook even when an active one with the same posting, URL and event exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private List<Webhook>? _existing;

        protected override void ProcessRecord()
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                WriteError(MiloErrors.Create(
                    new ArgumentException($"'{Url}' is not an absolute http or https URL."),
                    "InvalidWebhookUrl", ErrorCategory.InvalidArgument, Url,
                    "Pass -Url as an absolute URL such as https://example.com/hooks/heymilo."));
                return;
            }

            var session = RequireSession();
            var eventType = EventType.ToLowerInvariant();
            if (!ShouldProcess($"posting {PostingId}", $"Create {EventType} webhook to {Url}")) return;
            if (FindDuplicate(session, eventType) is { } duplicate)
            {
                if (!Force)
                {
                    WriteError(MiloErrors.Create(
                        new InvalidOperationException($"Posting {PostingId} already has an active {eventType} webhook to {Url} ({duplicate.WebhookId}); a second one would deliver every event twice."),
                        "WebhookExists", ErrorCategory.ResourceExists, PostingId,
                        $"Keep {duplicate.WebhookId} (Get-MiloWebhook -WebhookId {duplicate.WebhookId}), or add -Force to create another one anyway."));
                    return;
                }
                WriteWarning($"Posting {PostingId} already has an active {eventType} webhook to {Url} ({duplicate.WebhookId}); creating another because of -Force: each event will be delivered to that URL once per webhook.");
            }

            var method = HttpMethod?.ToLowerInvariant();
            Webhook webhook;
            try
            {
                webhook = method is null
                    ? Run(ct => session.Client.CreateWebhookAsync(PostingId, Url, eventType, ct))
                    : Run(ct => session.Client.CreateLegacyWebhookAsync(PostingId, Url, eventType, method, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, PostingId,
                    $"The webhook may have been created: check with Get-MiloWebhook{(method is null ? string.Empty : " -Legacy")} -PostingId {PostingId} -EventType {eventType} for one to {Url} before running New-MiloWebhook again.");
                return;
            }
            _existing?.Add(webhook);
            WriteObject(webhook);
        }

        /// <summary>An active webhook of the workspace with this posting, URL and event (the listing is read once per invocation).</summary>
        private Webhook? FindDuplicate(MiloSession session, string eventType)
        {
            if (_existing is null)
            {
                try
                {
                    // Legacy creates check the legacy listing (filtered by the server), v2 creates the v2 one.
                    _existing = HttpMethod is null
                        ? new List<Webhook>(Stream(session.Client.ListWebhooksAsync(HeyMilo.Client.HeyMiloClient.MaxPageSize, null, null, Cancellation)))
                        : new List<Webhook>(Run(ct => session.Client.ListLegacyWebhooksAsync(PostingId, eventType, ct)));
                }
                catch (MiloApiException ex)
                {
                    WriteWarning($"Could not check for an existing {eventType} webhook to {Url} ({ex.Message}); creating it anyway.");
                    _existing = new List<Webhook>();
                }
            }
            return _existing.Find(w => w.IsActive && w.PostingId == PostingId && w.EventType == eventType && SameUrl(w.Url, Url));
        }

        /// <summary>Scheme and host compare without case (Uri lower-cases them), the path with case; a trailing slash does not count.</summary>
        private static bool SameUrl(string a, string b) =>
            Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
            && string.Equals(x.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/'),
                             y.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/'), StringComparison.Ordinal);
    }
}

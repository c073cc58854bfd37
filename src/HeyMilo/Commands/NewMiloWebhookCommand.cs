using System;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Client;
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

        /// <summary>The webhooks already read, by posting for legacy creates (the server filters that listing), under "" for v2.</summary>
        private readonly Dictionary<string, List<Webhook>> _existing = new Dictionary<string, List<Webhook>>(StringComparer.Ordinal);

        protected override void ProcessRecord()
        {
            if (WebhookRegistration.CheckUrl(Url) is { } invalid)
            {
                WriteError(invalid.ToErrorRecord());
                return;
            }

            var session = RequireSession();
            var eventType = EventType.ToLowerInvariant();
            if (!ShouldProcess($"posting {PostingId}", $"Create {EventType} webhook to {Url}")) return;
            if (WebhookRegistration.Duplicate(Existing(session, eventType), PostingId, eventType, Url) is { } duplicate)
            {
                if (!Force)
                {
                    WriteError(WebhookRegistration.Exists(duplicate, PostingId, eventType, Url).ToErrorRecord());
                    return;
                }
                WriteWarning(WebhookRegistration.ExistsWarning(duplicate, PostingId, eventType, Url));
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
                WriteFailure(ex, PostingId, WebhookRegistration.IfItMayHaveHappened(PostingId, eventType, Url, legacy: method != null));
                return;
            }
            if (_existing.TryGetValue(ListingKey, out var known)) known.Add(webhook);
            WriteObject(webhook);
        }

        private string ListingKey => HttpMethod is null ? string.Empty : PostingId;

        /// <summary>
        /// The webhooks a new one must not repeat: v2 creates check the v2 listing, read once per invocation; legacy
        /// creates the legacy listing, which the server filters by posting, so it is read once per piped posting.
        /// </summary>
        private List<Webhook> Existing(MiloSession session, string eventType)
        {
            if (_existing.TryGetValue(ListingKey, out var known)) return known;
            List<Webhook> listed;
            try
            {
                listed = HttpMethod is null
                    ? new List<Webhook>(Stream(session.Client.ListWebhooksAsync(HeyMilo.Client.HeyMiloClient.MaxPageSize, null, null, Cancellation)))
                    : new List<Webhook>(Run(ct => session.Client.ListLegacyWebhooksAsync(PostingId, eventType, ct)));
            }
            catch (MiloApiException ex)
            {
                WriteWarning($"Could not check for an existing {eventType} webhook to {Url} ({ex.Message}); creating it anyway.");
                listed = new List<Webhook>();
            }
            return _existing[ListingKey] = listed;
        }
    }
}

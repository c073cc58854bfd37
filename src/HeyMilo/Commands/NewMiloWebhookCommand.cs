using System;
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
            if (!ShouldProcess($"posting {PostingId}", $"Create {EventType} webhook to {Url}")) return;

            var eventType = EventType.ToLowerInvariant();
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
                WriteFailure(ex, PostingId);
                return;
            }
            WriteObject(webhook);
        }
    }
}

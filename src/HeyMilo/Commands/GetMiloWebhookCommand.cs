using System;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets webhooks by id, or streams every webhook of the workspace (GET /api/v2/webhooks, cursor
    /// pagination). The v2 list has no posting or event filters: -PostingId and -EventType are applied
    /// here, after each page arrives. With -Legacy the legacy GET /all filters on the server instead; it
    /// has no paging, so -Legacy -PageSize fails at binding.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloWebhook", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Webhook))]
    public sealed class GetMiloWebhookCommand : MiloCmdlet
    {
        private const string ListSet = "List";
        private const string LegacySet = "Legacy";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("webhook_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.WebhookIdCompleter))]
        [PipelineInput(MiloObjects.Webhook, IdOf = MiloObjects.Webhook)]
        public string[] WebhookId { get; set; } = Array.Empty<string>();

        /// <summary>Only webhooks of this posting (filtered client-side for v2; server-side with -Legacy).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LegacySet)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string? PostingId { get; set; }

        /// <summary>Only webhooks for this event (filtered client-side for v2; server-side with -Legacy).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LegacySet)]
        [Alias("event_type")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.EventTypeCompleter))]
        public string? EventType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>Use the legacy API (GET /all, GET /fetch/{id}). Binds from a legacy webhook's Legacy property.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LegacySet)]
        public SwitchParameter Legacy { get; set; }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (ParameterSetName == ByIdSet)
            {
                ForEachId(WebhookId, (id, ct) => session.Client.GetWebhookAsync(id, Legacy.IsPresent, ct));
                return;
            }

            var paging = PagingWindow.From(PagingParameters);
            var filtered = PostingId != null || EventType != null;
            try
            {
                IEnumerable<Webhook> source;
                if (Legacy)
                {
                    source = Run(ct => session.Client.ListLegacyWebhooksAsync(PostingId, EventType, ct));
                    paging.SetTotal(null);
                }
                else
                {
                    // Filtering here means the server's page sizes and total say nothing about the matches.
                    source = Stream(session.Client.ListWebhooksAsync(PageSize, filtered ? null : paging.MaxItems,
                        filtered ? (Action<long?>)(_ => paging.SetTotal(null)) : paging.SetTotal, Cancellation));
                }

                foreach (var webhook in paging.Apply(Filter(source)))
                {
                    paging.FlushTotal(this);
                    WriteObject(webhook);
                }
                paging.FlushTotal(this);
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, PostingId ?? EventType);
            }
        }

        private IEnumerable<Webhook> Filter(IEnumerable<Webhook> source)
        {
            foreach (var webhook in source)
            {
                if (PostingId != null && !string.Equals(webhook.PostingId, PostingId, StringComparison.Ordinal)) continue;
                if (EventType != null && !string.Equals(webhook.EventType, EventType, StringComparison.OrdinalIgnoreCase)) continue;
                yield return webhook;
            }
        }
    }
}

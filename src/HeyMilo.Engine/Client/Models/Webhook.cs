using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A webhook configuration (v2 WebhookResponse, or a legacy /fetch, /all, /create answer mapped to the same shape).</summary>
    public sealed class Webhook
    {
        [JsonPropertyName("webhook_id")] public string WebhookId { get; set; } = string.Empty;
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("webhook_url")] public string Url { get; set; } = string.Empty;
        [JsonPropertyName("event_type")] public string EventType { get; set; } = string.Empty;
        /// <summary>"get" or "post" (legacy API only; v2 webhooks are delivered by POST and report null).</summary>
        [JsonPropertyName("http_method")] public string? HttpMethod { get; set; }
        [JsonPropertyName("is_active")] public bool IsActive { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        /// <summary>True when the webhook came from the legacy API.</summary>
        [JsonIgnore] public bool Legacy { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        /// <remarks>Built once per object from the fields the API sent, so what a script adds or changes in it stays.</remarks>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => WebhookId;
    }
}

namespace HeyMilo.Client.Models
{
    internal sealed class CreateWebhookRequest
    {
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("webhook_url")] public string WebhookUrl { get; set; } = string.Empty;
        [JsonPropertyName("event_type")] public string EventType { get; set; } = string.Empty;
    }

    internal sealed class LegacyCreateWebhookRequest
    {
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("url")] public string Url { get; set; } = string.Empty;
        [JsonPropertyName("event_type")] public string EventType { get; set; } = string.Empty;
        [JsonPropertyName("http_method")] public string? HttpMethod { get; set; }
    }

    /// <summary>CreatePostingResponse: the answer of POST /api/v2/postings (create) and POST /api/v2/postings/{id}/clone.</summary>
    internal sealed class CloneReceipt
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("urls")] public HeyMilo.PostingUrls? Urls { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("posting")] public HeyMilo.Posting? Posting { get; set; }
        [JsonPropertyName("ats_metadata")] public Dictionary<string, object?>? AtsMetadata { get; set; }
    }
}

using System;
using System.Collections.Generic;

namespace HeyMilo.Client
{
    /// <summary>
    /// New-MiloWebhook's rules: the URL it may register, and when a new webhook would repeat an active one (same
    /// posting, event and URL), which would deliver every event twice.
    /// </summary>
    internal static class WebhookRegistration
    {
        /// <summary>Null for an absolute http or https URL, else the InvalidWebhookUrl problem.</summary>
        public static CommandProblem? CheckUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? null
                : new CommandProblem("InvalidWebhookUrl", CommandProblemKind.InvalidArgument, $"'{url}' is not an absolute http or https URL.", url,
                    "Pass -Url as an absolute URL such as https://example.com/hooks/heymilo.");

        /// <summary>An active webhook among <paramref name="existing"/> with this posting, event and URL.</summary>
        public static Webhook? Duplicate(IEnumerable<Webhook> existing, string postingId, string eventType, string url)
        {
            foreach (var w in existing)
                if (w.IsActive && w.PostingId == postingId && w.EventType == eventType && SameUrl(w.Url, url)) return w;
            return null;
        }

        /// <summary>The WebhookExists error without -Force (its Target: the posting id).</summary>
        public static CommandProblem Exists(Webhook duplicate, string postingId, string eventType, string url) =>
            new CommandProblem("WebhookExists", CommandProblemKind.ResourceExists,
                $"Posting {postingId} already has an active {eventType} webhook to {url} ({duplicate.WebhookId}); a second one would deliver every event twice.", postingId,
                $"Keep {duplicate.WebhookId} (Get-MiloWebhook -WebhookId {duplicate.WebhookId}), or add -Force to create another one anyway.");

        /// <summary>The warning when -Force creates the second webhook anyway.</summary>
        public static string ExistsWarning(Webhook duplicate, string postingId, string eventType, string url) =>
            $"Posting {postingId} already has an active {eventType} webhook to {url} ({duplicate.WebhookId}); creating another because of -Force: each event will be delivered to that URL once per webhook.";

        /// <summary>After a failure that may have created it: how to check before trying again.</summary>
        public static string IfItMayHaveHappened(string postingId, string eventType, string url, bool legacy) =>
            $"The webhook may have been created: check with Get-MiloWebhook{(legacy ? " -Legacy" : string.Empty)} -PostingId {postingId} -EventType {eventType} for one to {url} before running New-MiloWebhook again.";

        /// <summary>Scheme and host compare without case (Uri lower-cases them), the path with case; a trailing slash does not count.</summary>
        private static bool SameUrl(string a, string b) =>
            Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
            && string.Equals(x.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/'),
                             y.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/'), StringComparison.Ordinal);
    }
}

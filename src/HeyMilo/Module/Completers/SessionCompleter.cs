using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Session;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Base of the completers that ask the API: they use the -Session already typed on the line (when
    /// PowerShell could evaluate it) or the current session, cache what they fetched per session for
    /// <see cref="CacheLifetime"/> on the module clock, and never fail: no session, a closed session or
    /// an API error just means no completions (Tab must not print errors into the user's prompt).
    /// Not generic over the engine's models: PowerShell reflects over this assembly's public types before
    /// the engine can load, so none may name an engine type in its base type.
    /// </summary>
    public abstract class SessionCompleter : IArgumentCompleter
    {
        /// <summary>How long a fetched list is reused, so repeated Tab presses cost no requests.</summary>
        internal static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

        /// <summary>Completion must come back even if the API hangs: a real-time bound on one fetch.</summary>
        private static readonly TimeSpan s_fetchTimeout = TimeSpan.FromSeconds(10);

        /// <summary>Per session, one entry per completer type (a posting list must never answer for webhooks).</summary>
        private static readonly ConditionalWeakTable<MiloSession, CacheEntry> s_cache = new ConditionalWeakTable<MiloSession, CacheEntry>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            var session = SessionFrom(fakeBoundParameters);
            var scope = Scope(fakeBoundParameters);
            List<CompletionItem>? items;
            if (scope is null) items = Unscoped();
            else if (session is null || session.IsClosed) return results;
            else items = Cached(session, scope, fakeBoundParameters);
            if (items is null) return results;

            var quote = LeadingQuote(wordToComplete);
            var prefix = Unquote(wordToComplete);
            foreach (var item in items)
            {
                var id = item.Id;
                if (string.IsNullOrEmpty(id)) continue;
                if (prefix.Length > 0 && !id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    && !(item.Text?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ?? false)) continue;
                var text = quote is null ? Quote(id) : quote + id.Replace(quote, quote + quote) + quote;
                results.Add(new CompletionResult(text, item.ListItemText, CompletionResultType.ParameterValue, item.ToolTip));
            }
            return results;
        }

        /// <summary>Fetches the items to offer (the first page; completion never pages through a workspace).</summary>
        internal abstract Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct);

        /// <summary>
        /// What the offered values depend on besides the session, such as the -PostingId already typed on the line
        /// (each scope is fetched and cached on its own); "" when nothing; null when the line lacks what the values
        /// need, and then <see cref="Unscoped"/> is offered without a request.
        /// </summary>
        internal virtual string? Scope(IDictionary? fakeBoundParameters) => string.Empty;

        /// <summary>Fetches the items of one scope; by default the unscoped <see cref="FetchAsync(MiloSession, CancellationToken)"/>.</summary>
        internal virtual Task<List<CompletionItem>> FetchAsync(MiloSession session, string scope, IDictionary? fakeBoundParameters, CancellationToken ct) =>
            FetchAsync(session, ct);

        /// <summary>What to offer when <see cref="Scope"/> is null (nothing by default).</summary>
        internal virtual List<CompletionItem>? Unscoped() => null;

        /// <summary>The first string of a parameter typed on the line (a string, an array's first item, a PSObject), or null.</summary>
        internal static string? FirstString(IDictionary? fakeBoundParameters, string name)
        {
            if (fakeBoundParameters is null || !fakeBoundParameters.Contains(name)) return null;
            var value = fakeBoundParameters[name];
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is IEnumerable items && !(value is string))
            {
                foreach (var item in items)
                {
                    value = item is PSObject inner ? inner.BaseObject : item;
                    break;
                }
            }
            var text = value as string;
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>Drains a (first-page-bounded) listing into completion items.</summary>
        internal static async Task<List<CompletionItem>> ToListAsync<T>(IAsyncEnumerable<T> listing, Func<T, CompletionItem> describe, CancellationToken ct)
        {
            var items = new List<CompletionItem>();
            var e = listing.GetAsyncEnumerator(ct);
            try
            {
                while (await e.MoveNextAsync().ConfigureAwait(false)) items.Add(describe(e.Current));
            }
            finally
            {
                await e.DisposeAsync().ConfigureAwait(false);
            }
            return items;
        }

        internal static MiloSession? SessionFrom(IDictionary? fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                var value = fakeBoundParameters["Session"];
                if (value is PSObject wrapped) value = wrapped.BaseObject;
                if (value is MiloSession typed) return typed;
            }
            return SessionStore.Current;
        }

        private List<CompletionItem>? Cached(MiloSession session, string scope, IDictionary? fakeBoundParameters)
        {
            var entries = s_cache.GetValue(session, _ => new CacheEntry());
            var clock = ModuleClock.Current;
            lock (entries)
            {
                var key = GetType().FullName + "\n" + scope;
                if (entries.Scopes.TryGetValue(key, out var cached) && clock.GetElapsedTime(cached.FetchedAt) < CacheLifetime) return cached.Items;
                List<CompletionItem>? items;
                try
                {
                    using var timeout = new CancellationTokenSource(s_fetchTimeout);
                    items = Task.Run(() => FetchAsync(session, scope, fakeBoundParameters, timeout.Token)).GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // Unreachable API, bad key, rate limit, timeout: offer nothing, and ask again next Tab.
                    return null;
                }
                entries.Scopes[key] = new CachedItems(items, clock.GetTimestamp());
                return items;
            }
        }

        private static string? LeadingQuote(string? word)
        {
            if (string.IsNullOrEmpty(word)) return null;
            var first = word![0];
            return first == '\'' || first == '"' ? first.ToString() : null;
        }

        private static string Unquote(string? word)
        {
            if (string.IsNullOrEmpty(word)) return string.Empty;
            var text = word!;
            if (text[0] == '\'' || text[0] == '"') text = text.Substring(1);
            if (text.Length > 0 && (text[text.Length - 1] == '\'' || text[text.Length - 1] == '"')) text = text.Substring(0, text.Length - 1);
            return text;
        }

        /// <summary>Ids are plain tokens; anything else is single-quoted so the line still parses.</summary>
        private static string Quote(string id)
        {
            foreach (var c in id)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                    return "'" + id.Replace("'", "''") + "'";
            }
            return id;
        }

        /// <summary>What one session's completers fetched, by completer and scope.</summary>
        private sealed class CacheEntry
        {
            public readonly Dictionary<string, CachedItems> Scopes = new Dictionary<string, CachedItems>(StringComparer.Ordinal);
        }

        private sealed class CachedItems
        {
            public CachedItems(List<CompletionItem> items, long fetchedAt)
            {
                Items = items;
                FetchedAt = fetchedAt;
            }

            public List<CompletionItem> Items { get; }
            public long FetchedAt { get; }
        }
    }

    /// <summary>One offered value: the id inserted, the text the typed prefix may also match, what the menu shows.</summary>
    internal sealed class CompletionItem
    {
        public CompletionItem(string id, string? text, string listItemText, string toolTip)
        {
            Id = id;
            Text = text;
            ListItemText = string.IsNullOrEmpty(listItemText) ? id : listItemText;
            ToolTip = string.IsNullOrEmpty(toolTip) ? id : toolTip;
        }

        public string Id { get; }
        public string? Text { get; }
        public string ListItemText { get; }
        public string ToolTip { get; }
    }
}

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

        private static readonly ConditionalWeakTable<MiloSession, CacheEntry> s_cache = new ConditionalWeakTable<MiloSession, CacheEntry>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            var session = SessionFrom(fakeBoundParameters);
            if (session is null || session.IsClosed) return results;

            var items = Cached(session);
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

        private List<CompletionItem>? Cached(MiloSession session)
        {
            var entry = s_cache.GetValue(session, _ => new CacheEntry());
            var clock = ModuleClock.Current;
            lock (entry)
            {
                if (entry.Items != null && clock.GetElapsedTime(entry.FetchedAt) < CacheLifetime) return entry.Items;
                List<CompletionItem>? items;
                try
                {
                    using var timeout = new CancellationTokenSource(s_fetchTimeout);
                    items = Task.Run(() => FetchAsync(session, timeout.Token)).GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // Unreachable API, bad key, rate limit, timeout: offer nothing, and ask again next Tab.
                    return null;
                }
                entry.Items = items;
                entry.FetchedAt = clock.GetTimestamp();
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

        private sealed class CacheEntry
        {
            public List<CompletionItem>? Items;
            public long FetchedAt;
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

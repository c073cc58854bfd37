using HeyMilo.Diagnostics;
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// One family of the workspace catalog: a cursor listing (limit, starting_after and, where the
    /// document has it, search) and a read by id, in the v2 envelopes. Every catalog cmdlet and completer
    /// works through this one description instead of a pair of client methods per family.
    /// The non-generic face is what HeyMilo.dll's (non-generic) cmdlet and completer bases hold: they may
    /// not be generic over engine models (docs/dependencies.md), and they only hand items to the pipeline.
    /// </summary>
    internal abstract class CatalogFamily
    {
        protected CatalogFamily(string path, string what, string item, string? idParameter, bool searchable, bool paged)
        {
            Path = path;
            What = what;
            Item = item;
            IdParameter = idParameter;
            Searchable = searchable;
            Paged = paged;
        }

        /// <summary>The listing's path, e.g. api/v2/email-templates; a read by id appends /{id}.</summary>
        public string Path { get; }
        /// <summary>Plural, for messages: "email templates".</summary>
        public string What { get; }
        /// <summary>Singular, for messages: "email template".</summary>
        public string Item { get; }
        /// <summary>The document's name of the path parameter (template_id, config_id…); null when there is no read by id.</summary>
        public string? IdParameter { get; }
        /// <summary>Whether the listing documents a search parameter (case-insensitive substring of the name).</summary>
        public bool Searchable { get; }
        /// <summary>Whether the listing documents limit and starting_after; one that does not is read as one page.</summary>
        public bool Paged { get; }

        public abstract IAsyncEnumerable<object> ListObjectsAsync(HeyMiloClient client, string? search, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct);

        public abstract Task<object> GetObjectAsync(HeyMiloClient client, string id, CancellationToken ct);

        /// <summary>The first page (up to 100) as (id, name, description) for tab completion.</summary>
        public abstract Task<List<CatalogChoice>> ChoicesAsync(HeyMiloClient client, CancellationToken ct);
    }

    /// <summary>One item as tab completion offers it: the id inserted, the name shown and matched, a tool tip.</summary>
    internal sealed class CatalogChoice
    {
        public CatalogChoice(string id, string? name, string description)
        {
            Id = id;
            Name = name;
            Description = description;
        }

        public string Id { get; }
        public string? Name { get; }
        public string Description { get; }
    }

    internal sealed class CatalogFamily<T> : CatalogFamily where T : class
    {
        private readonly JsonTypeInfo<ListEnvelope<T>> _list;
        private readonly JsonTypeInfo<SingleEnvelope<T>>? _single;
        private readonly Func<T, string> _idOf;
        private readonly Func<T, string?> _nameOf;
        private readonly Func<T, string> _describe;

        public CatalogFamily(string path, string what, string item, string? idParameter, bool searchable, bool paged,
            JsonTypeInfo<ListEnvelope<T>> list, JsonTypeInfo<SingleEnvelope<T>>? single,
            Func<T, string> idOf, Func<T, string?> nameOf, Func<T, string> describe)
            : base(path, what, item, idParameter, searchable, paged)
        {
            _list = list;
            _single = single;
            _idOf = idOf;
            _nameOf = nameOf;
            _describe = describe;
        }

        public string IdOf(T item) => _idOf(item);

        /// <summary>
        /// Streams the family lazily: the next page is requested only when the consumer passes the last
        /// item of the previous one, and never more than <paramref name="maxItems"/> are asked for.
        /// </summary>
        public IAsyncEnumerable<T> ListAsync(HeyMiloClient client, string? search, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct)
        {
            if (search != null && !Searchable)
                throw new ArgumentException($"The API documents no search for {What}.", nameof(search));
            if (pageSize < 1 || pageSize > HeyMiloClient.MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "1 to " + HeyMiloClient.MaxPageSize);
            return CursorPager.EnumerateAsync(
                async (cursor, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, Path);
                    if (Paged) call.Query("limit", limit).Query("starting_after", cursor);
                    call.Query("search", search);
                    var envelope = await client.Transport.SendAsync(call, _list, token).ConfigureAwait(false);
                    var page = HeyMiloClient.ToPage(envelope);
                    if (!Paged && page.HasMore)
                    {
                        // Nothing documents how to ask for more: say so rather than loop on the same page.
                        OperationLog.Verbose($"The API says more {What} follow, but documents no way to ask for them; {page.Items.Count} were returned.");
                        page = new Page<T>(page.Items, false, page.TotalCount);
                    }
                    return page;
                },
                _idOf, pageSize, maxItems, What, onTotal, ct);
        }

        public async Task<T> GetAsync(HeyMiloClient client, string id, CancellationToken ct)
        {
            if (_single is null) throw new NotSupportedException($"The API has no read of one {Item} by id.");
            var call = new ApiCall(HttpMethod.Get, Path + "/" + ApiCall.Segment(id));
            var envelope = await client.Transport.SendAsync(call, _single, ct).ConfigureAwait(false);
            return envelope.Data ?? throw client.MissingData(call);
        }

        public override async IAsyncEnumerable<object> ListObjectsAsync(HeyMiloClient client, string? search, int pageSize, long? maxItems, Action<long?>? onTotal,
            [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var item in ListAsync(client, search, pageSize, maxItems, onTotal, ct).ConfigureAwait(false))
                yield return item;
        }

        public override async Task<object> GetObjectAsync(HeyMiloClient client, string id, CancellationToken ct) =>
            await GetAsync(client, id, ct).ConfigureAwait(false);

        public override async Task<List<CatalogChoice>> ChoicesAsync(HeyMiloClient client, CancellationToken ct)
        {
            var choices = new List<CatalogChoice>();
            await foreach (var item in ListAsync(client, null, HeyMiloClient.MaxPageSize, HeyMiloClient.MaxPageSize, null, ct).ConfigureAwait(false))
                choices.Add(new CatalogChoice(_idOf(item), _nameOf(item), _describe(item)));
            return choices;
        }
    }

    /// <summary>The catalog families, as the document describes them (docs/api-choices.md, "Workspace catalog").</summary>
    internal static class CatalogFamilies
    {
        private static MiloJsonContext Json => MiloJsonContext.Default;

        public static readonly CatalogFamily<EmailTemplate> EmailTemplates = new CatalogFamily<EmailTemplate>(
            "api/v2/email-templates", "email templates", "email template", "template_id", searchable: true, paged: true,
            Json.ListEnvelopeEmailTemplate, Json.SingleEnvelopeEmailTemplate,
            t => t.Id, t => t.Name, t => $"{t.Name} ({t.TemplateKey}, {t.Id}): {t.Subject}");

        public static readonly CatalogFamily<EmailTemplateGroup> EmailTemplateGroups = new CatalogFamily<EmailTemplateGroup>(
            "api/v2/email-template-groups", "email template groups", "email template group", "group_id", searchable: true, paged: true,
            Json.ListEnvelopeEmailTemplateGroup, Json.SingleEnvelopeEmailTemplateGroup,
            g => g.Id, g => g.Name, g => $"{g.Name} ({g.Id}): {g.TemplateMappings.Count} email types");

        public static readonly CatalogFamily<DesignTemplate> DesignTemplates = new CatalogFamily<DesignTemplate>(
            "api/v2/design-templates", "design templates", "design template", "template_id", searchable: true, paged: true,
            Json.ListEnvelopeDesignTemplate, Json.SingleEnvelopeDesignTemplate,
            t => t.Id, t => t.Name, t => $"{t.Name} ({t.TemplateType}, {t.Id})");

        public static readonly CatalogFamily<DesignTemplateGroup> DesignTemplateGroups = new CatalogFamily<DesignTemplateGroup>(
            "api/v2/design-template-groups", "design template groups", "design template group", "group_id", searchable: true, paged: true,
            Json.ListEnvelopeDesignTemplateGroup, Json.SingleEnvelopeDesignTemplateGroup,
            g => g.Id, g => g.Name, g => $"{g.Name} ({g.Id}){(g.IsDefault ? ", the default" : "")}");

        public static readonly CatalogFamily<InterviewTemplate> InterviewTemplates = new CatalogFamily<InterviewTemplate>(
            "api/v2/interview-templates", "interview templates", "interview template", "template_id", searchable: true, paged: true,
            Json.ListEnvelopeInterviewTemplate, Json.SingleEnvelopeInterviewTemplate,
            t => t.Id, t => t.Name, t => $"{t.Name} ({t.TemplateCode}, {t.Id}){(t.IsDefault ? ", the default" : "")}");

        public static readonly CatalogFamily<CustomDomain> Domains = new CatalogFamily<CustomDomain>(
            "api/v2/domains", "domains", "domain", "config_id", searchable: false, paged: true,
            Json.ListEnvelopeCustomDomain, Json.SingleEnvelopeCustomDomain,
            d => d.Id, d => d.Domain, d => $"{d.Domain} ({d.Id}, {d.Status})");

        public static readonly CatalogFamily<Voice> Voices = new CatalogFamily<Voice>(
            "api/v2/voices", "voices", "voice", "voice_id", searchable: true, paged: true,
            Json.ListEnvelopeVoice, Json.SingleEnvelopeVoice,
            v => v.Id, v => v.Name, v => $"{v.Name} ({v.Id}): {Join(v.Language, v.CountryCode, v.Gender, v.Provider)}");

        public static readonly CatalogFamily<PhoneNumber> PhoneNumbers = new CatalogFamily<PhoneNumber>(
            "api/v2/phone-numbers", "phone numbers", "phone number", "config_id", searchable: false, paged: true,
            Json.ListEnvelopePhoneNumber, Json.SingleEnvelopePhoneNumber,
            p => p.Id, p => p.Number, p => $"{p.Number} ({p.Id}{(p.CountryCode is null ? "" : ", " + p.CountryCode)}{(p.Active ? "" : ", inactive")})");

        public static readonly CatalogFamily<SenderEmail> SenderEmails = new CatalogFamily<SenderEmail>(
            "api/v2/sender-emails", "sender emails", "sender email", "sender_email_id", searchable: false, paged: true,
            Json.ListEnvelopeSenderEmail, Json.SingleEnvelopeSenderEmail,
            e => e.Id, e => e.FullEmail, e => $"{e.FullEmail} ({e.Id})");

        /// <summary>No limit, cursor or read by id documented: one page.</summary>
        public static readonly CatalogFamily<Workspace> Workspaces = new CatalogFamily<Workspace>(
            "api/v2/workspaces", "workspaces", "workspace", null, searchable: false, paged: false,
            Json.ListEnvelopeWorkspace, null,
            w => w.Id, w => w.Name, w => $"{w.Name} ({w.Id})");

        private static string Join(params string?[] parts) => string.Join(", ", Array.FindAll(parts, p => !string.IsNullOrEmpty(p)));
    }
}

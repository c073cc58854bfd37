namespace HeyMilo.Simulator;

internal sealed record SimBlackout(bool Enabled, string Timezone, int StartHour, int EndHour);

internal sealed record SimEmailTemplate(string Id, string TemplateKey, string Name, string Subject, string Content, SimBlackout? Blackout, long CreatedAt, double UpdatedAt);

internal sealed record SimEmailTemplateGroup(string Id, string Name, IReadOnlyDictionary<string, string> Mappings, string? SenderEmailId, long CreatedAt, double UpdatedAt);

internal sealed record SimDesignTemplate(string Id, string Name, string TemplateType, IReadOnlyDictionary<string, object?> Config, long CreatedAt, double UpdatedAt);

internal sealed record SimDesignTemplateGroup(string Id, string Name, IReadOnlyDictionary<string, string> Mappings, bool IsDefault, long CreatedAt, double UpdatedAt);

internal sealed record SimInterviewTemplate(string Id, string Code, string Name, string? Description, string PostingId, bool IsDefault, long CreatedAt, double UpdatedAt);

internal sealed record SimDomain(string Id, string Domain, string Status, long CreatedAt, double UpdatedAt)
{
    public bool Active => Status == "active";
}

internal sealed record SimVoice(string Id, string Provider, string ProviderVoiceId, string Name, string? Language, string? CountryCode, string? Gender,
    IReadOnlyDictionary<string, string> Labels, long CreatedAt, double UpdatedAt);

internal sealed record SimPhoneNumber(string Id, string Number, string? CountryCode, bool Active, long? ProvisionedAt);

internal sealed record SimSenderEmail(string Id, string Prefix, string Domain, string DomainId, long CreatedAt)
{
    public string FullEmail => Prefix + "@" + Domain;
}

/// <summary>
/// The workspace's read-only catalog (templates, domains, voices, phone numbers, sender emails),
/// made up from the seed with its own random source, so the postings, candidates and webhooks of a
/// seed stay what they were. List order is creation order. Nothing here changes after start, so no lock.
/// </summary>
public sealed class CatalogData
{
    /// <summary>Page types of design templates and the keys of design template groups.</summary>
    internal static readonly string[] PageTypes = { "welcome_page", "status_page", "interview_complete_page", "interview_page" };

    /// <summary>The one workspace an API key sees (the id in the simulator's review URLs).</summary>
    public const string WorkspaceId = "SIM001";
    public const string WorkspaceName = "Acme";

    private readonly Random _random;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    internal CatalogData(int seed, IReadOnlyList<string> postingIds)
    {
        _random = new Random(unchecked(seed * 7919 + 0xCA7));
        var start = SimulatorData.Epoch - 60 * 86_400L;
        var step = 0;
        long At() => start + 86_400L * step++ + 3_600L * _random.Next(8, 18);
        double Later(long at) => at + 3_600L * _random.Next(1, 240) + 0.5;

        // Sender emails first: email template groups name them.
        var acme = Hex(12);
        var careers = Hex(12);
        SenderEmails = new[]
        {
            ("hiring", "acme.com", acme), ("recruiting", "acme.com", acme), ("talent", "acme.com", acme),
            ("no-reply", "careers.acme.com", careers), ("engineering-jobs", "acme.com", acme),
        }.Select(s => new SimSenderEmail(Hex(12), s.Item1, s.Item2, s.Item3, At())).ToList();

        var hours = new SimBlackout(true, "America/New_York", 21, 8);
        EmailTemplates = new (string Key, string Name, string Subject, string Body, SimBlackout? Blackout)[]
        {
            ("WEB_INTERVIEW_INVITATION", "Default interview invitation", "Interview invitation for {{job_title}} at {{company_name}}", "<p>Hello {{candidate_name}}, you are invited to interview for {{job_title}}: {{interview_link}}</p>", hours),
            ("WEB_INTERVIEW_NUDGE", "Default interview reminder", "Reminder: your {{job_title}} interview at {{company_name}}", "<p>Hello {{candidate_name}}, your interview is still waiting: {{interview_link}}</p>", hours),
            ("WEB_INTERVIEW_FINAL_NUDGE", "Final interview reminder", "Last chance to interview for {{job_title}}", "<p>Hello {{candidate_name}}, the interview closes soon: {{interview_link}}</p>", hours),
            ("RESUME_INVITATION", "Resume request", "Share your resume for {{job_title}}", "<p>Hello {{candidate_name}}, please upload your resume: {{resume_link}}</p>", null),
            ("RESUME_NUDGE", "Resume reminder", "Reminder: share your resume for {{job_title}}", "<p>Hello {{candidate_name}}, we have not received your resume yet: {{resume_link}}</p>", null),
            ("FORM_INVITATION", "Screening form invitation", "A few questions about {{job_title}}", "<p>Hello {{candidate_name}}, please answer a short form: {{form_link}}</p>", null),
            ("FORM_NUDGE", "Screening form reminder", "Reminder: a few questions about {{job_title}}", "<p>Hello {{candidate_name}}, the form is still open: {{form_link}}</p>", new SimBlackout(false, "UTC", 0, 24)),
            ("SCHEDULING_LINK_EMAIL", "Scheduling link", "Pick a time to talk about {{job_title}}", "<p>Hello {{candidate_name}}, choose a slot: {{scheduling_link}}</p>", null),
            ("REPORT_READY_EMAIL", "Report ready", "Interview report ready: {{candidate_name}} for {{job_title}}", "<p>The report for {{candidate_name}} is ready: {{report_link}}</p>", null),
            ("WEB_INTERVIEW_INVITATION", "Engineering interview invitation", "{{company_name}} engineering interview: {{job_title}}", "<p>Hi {{candidate_name}}, our engineering team invites you to a technical interview: {{interview_link}}</p>", new SimBlackout(true, "America/Los_Angeles", 22, 7)),
        }.Select(t => { var at = At(); return new SimEmailTemplate(Hex(12), t.Key, t.Name, t.Subject, t.Body, t.Blackout, at, Later(at)); }).ToList();

        string Template(string name) => EmailTemplates.First(t => t.Name == name).Id;
        Dictionary<string, string> Defaults(params (string Key, string Name)[] overrides)
        {
            var map = EmailTemplates.Take(9).ToDictionary(t => t.TemplateKey, t => t.Id);
            foreach (var (key, name) in overrides) map[key] = Template(name);
            return map;
        }
        EmailTemplateGroups = new (string Name, Dictionary<string, string> Map, string? Sender)[]
        {
            ("Default emails", Defaults(), SenderEmails[0].Id),
            ("Engineering hiring emails", Defaults(("WEB_INTERVIEW_INVITATION", "Engineering interview invitation")), SenderEmails[4].Id),
            ("Hourly hiring emails", new Dictionary<string, string> { ["FORM_INVITATION"] = Template("Screening form invitation"), ["FORM_NUDGE"] = Template("Screening form reminder") }, SenderEmails[3].Id),
            ("Campus recruiting emails", new Dictionary<string, string> { ["WEB_INTERVIEW_INVITATION"] = Template("Default interview invitation"), ["SCHEDULING_LINK_EMAIL"] = Template("Scheduling link") }, null),
        }.Select(g => { var at = At(); return new SimEmailTemplateGroup(Hex(12), g.Name, g.Map, g.Sender, at, Later(at)); }).ToList();

        Dictionary<string, object?> Design(string background, string primary, string header, string? image) => new()
        {
            ["background_color"] = background, ["primary_color"] = primary, ["font_family"] = "Inter, sans-serif",
            ["header_text"] = header, ["show_logo"] = true, ["image_url"] = image,
        };
        DesignTemplates = new (string Name, string Type, Dictionary<string, object?> Config)[]
        {
            ("Default welcome page", "welcome_page", Design("#ffffff", "#007bff", "Welcome to your interview", null)),
            ("Default status page", "status_page", Design("#ffffff", "#007bff", "Your application", null)),
            ("Default interview complete page", "interview_complete_page", Design("#ffffff", "#007bff", "Thank you!", null)),
            ("Default interview page", "interview_page", Design("#ffffff", "#007bff", "Interview with Milo", null)),
            ("Dark mode welcome page", "welcome_page", Design("#111827", "#22d3ee", "Welcome to your interview", null)),
            ("Engineering welcome page", "welcome_page", Design("#0b1020", "#7c3aed", "Build with us at Acme", "https://cdn.heymilo.ai/acme/engineering.png")),
        }.Select(d => { var at = At(); return new SimDesignTemplate(Hex(12), d.Name, d.Type, d.Config, at, Later(at)); }).ToList();

        Dictionary<string, string> Pages(string? welcome = null)
        {
            var map = DesignTemplates.Take(4).ToDictionary(t => t.TemplateType, t => t.Id);
            if (welcome != null) map["welcome_page"] = DesignTemplates.First(t => t.Name == welcome).Id;
            return map;
        }
        DesignTemplateGroups = new (string Name, Dictionary<string, string> Map, bool IsDefault)[]
        {
            ("Default brand kit", Pages(), true),
            ("Dark mode brand kit", Pages("Dark mode welcome page"), false),
            ("Engineering brand kit", Pages("Engineering welcome page"), false),
            ("Campus brand kit", new Dictionary<string, string> { ["welcome_page"] = DesignTemplates[0].Id, ["interview_complete_page"] = DesignTemplates[2].Id }, false),
        }.Select(g => { var at = At(); return new SimDesignTemplateGroup(Hex(12), g.Name, g.Map, g.IsDefault, at, Later(at)); }).ToList();

        // A template's blueprint is a posting of this workspace (one is made up when there are none).
        string Blueprint(int i) => postingIds.Count > 0 ? postingIds[i % postingIds.Count] : "pst_blueprint" + (i + 1);
        InterviewTemplates = new (string Code, string Name, string? Description, bool IsDefault)[]
        {
            ("software-engineer-screen", "Software engineer screen", "Resume screen and a 20-minute technical voice interview.", true),
            ("senior-swe-template", "Senior software engineer template", "Standard 3-stage interview for senior backend roles.", false),
            ("customer-success-screen", "Customer success screen", null, false),
            ("warehouse-quick-screen", "Warehouse associate quick screen", "SMS screen for shift availability, then a short form.", false),
            ("registered-nurse-screen", "Registered nurse screen", null, false),
        }.Select((t, i) => { var at = At(); return new SimInterviewTemplate("IT_" + Alnum(6), t.Code, t.Name, t.Description, Blueprint(i), t.IsDefault, at, Later(at)); }).ToList();

        Domains = new (string Domain, string Status)[]
        {
            ("interviews.acme.com", "active"), ("careers.acme.com", "active"), ("jobs.acme.co.uk", "pending"), ("talent.acme.dev", "error"),
        }.Select(d => { var at = At(); return new SimDomain(Hex(8), d.Domain, d.Status, at, Later(at)); }).ToList();

        Voices = new (string Provider, string Name, string? Language, string? Country, string? Gender, Dictionary<string, string> Labels)[]
        {
            ("elevenlabs", "Milo", "en", "US", "male", new() { ["accent"] = "american", ["age"] = "young", ["style"] = "conversational" }),
            ("elevenlabs", "Sarah", "en", "US", "female", new() { ["accent"] = "american", ["age"] = "young", ["style"] = "soft" }),
            ("cartesia", "Engineering voice", "en", "US", "neutral", new() { ["style"] = "calm" }),
            ("cartesia", "Friendly recruiter", "en", "GB", "female", new() { ["accent"] = "british", ["style"] = "warm" }),
            ("lmnt", "Lily", "en", null, "female", new()),
            ("lmnt", "Mateo", "es", "MX", "male", new() { ["accent"] = "mexican" }),
        }.Select(v =>
        {
            var at = At();
            var providerId = v.Provider switch
            {
                "elevenlabs" => Alnum(20, mixedCase: true),
                "cartesia" => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray()).ToString(),
                _ => v.Name.ToLowerInvariant(),
            };
            return new SimVoice("wrv-" + Alnum(6), v.Provider, providerId, v.Name, v.Language, v.Country, v.Gender, v.Labels, at, Later(at));
        }).ToList();

        PhoneNumbers = new (string Number, string? Country, bool Active, bool Dated)[]
        {
            ("+12065550100", "US", true, true), ("+12065550101", "US", true, true), ("+14155550123", "US", false, true), ("+442079460000", "GB", true, false),
        }.Select(p => new SimPhoneNumber(Hex(8), p.Number, p.Country, p.Active, p.Dated ? At() : null)).ToList();
    }

    internal IReadOnlyList<SimEmailTemplate> EmailTemplates { get; }
    internal IReadOnlyList<SimEmailTemplateGroup> EmailTemplateGroups { get; }
    internal IReadOnlyList<SimDesignTemplate> DesignTemplates { get; }
    internal IReadOnlyList<SimDesignTemplateGroup> DesignTemplateGroups { get; }
    internal IReadOnlyList<SimInterviewTemplate> InterviewTemplates { get; }
    internal IReadOnlyList<SimDomain> Domains { get; }
    internal IReadOnlyList<SimVoice> Voices { get; }
    internal IReadOnlyList<SimPhoneNumber> PhoneNumbers { get; }
    internal IReadOnlyList<SimSenderEmail> SenderEmails { get; }

    // ---- what tests ask: ids in list order ------------------------------------------------

    public IReadOnlyList<string> EmailTemplateIds => EmailTemplates.Select(t => t.Id).ToList();
    public IReadOnlyList<string> EmailTemplateGroupIds => EmailTemplateGroups.Select(g => g.Id).ToList();
    public IReadOnlyList<string> DesignTemplateIds => DesignTemplates.Select(t => t.Id).ToList();
    public IReadOnlyList<string> DesignTemplateGroupIds => DesignTemplateGroups.Select(g => g.Id).ToList();
    public IReadOnlyList<string> InterviewTemplateIds => InterviewTemplates.Select(t => t.Id).ToList();
    public IReadOnlyList<string> DomainIds => Domains.Select(d => d.Id).ToList();
    public IReadOnlyList<string> VoiceIds => Voices.Select(v => v.Id).ToList();
    public IReadOnlyList<string> PhoneNumberIds => PhoneNumbers.Select(p => p.Id).ToList();
    public IReadOnlyList<string> SenderEmailIds => SenderEmails.Select(s => s.Id).ToList();

    private string Hex(int length) => Unique(() => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789ABCDEF"[_random.Next(16)])));

    private string Alnum(int length, bool mixedCase = false)
    {
        const string lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        const string mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var alphabet = mixedCase ? mixed : lower;
        return Unique(() => string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)])));
    }

    private string Unique(Func<string> next)
    {
        while (true)
        {
            var id = next();
            if (_used.Add(id)) return id;
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>
/// The v2 workspace catalog (heymilo-openapi-v2.json): email and design templates and their groups,
/// interview templates, custom domains, voices (and their audio previews), phone numbers, sender
/// emails, workspaces and the schema registries. All read-only; data from <see cref="CatalogData"/>.
/// </summary>
internal static partial class V2Api
{
    private static Reply? HandleCatalog(Exchange x)
    {
        if (x.Method != "GET" || x.Segments.Length < 3) return null;
        var c = x.Data.Catalog;
        var s = x.Segments;
        string At() => s[3];

        if (x.Is("GET", "api", "v2", "email-templates")) return CatalogList(x, c.EmailTemplates, t => t.Id, t => t.Name, CatalogShapes.EmailTemplate);
        if (x.Is("GET", "api", "v2", "email-templates", "*")) return CatalogGet(c.EmailTemplates.FirstOrDefault(t => t.Id == At()), CatalogShapes.EmailTemplate, "email template", At(), "template_id");
        if (x.Is("GET", "api", "v2", "email-template-groups")) return CatalogList(x, c.EmailTemplateGroups, g => g.Id, g => g.Name, CatalogShapes.EmailTemplateGroup);
        if (x.Is("GET", "api", "v2", "email-template-groups", "*")) return CatalogGet(c.EmailTemplateGroups.FirstOrDefault(g => g.Id == At()), CatalogShapes.EmailTemplateGroup, "email template group", At(), "group_id");
        if (x.Is("GET", "api", "v2", "design-templates")) return CatalogList(x, c.DesignTemplates, t => t.Id, t => t.Name, CatalogShapes.DesignTemplate);
        if (x.Is("GET", "api", "v2", "design-templates", "*")) return CatalogGet(c.DesignTemplates.FirstOrDefault(t => t.Id == At()), CatalogShapes.DesignTemplate, "design template", At(), "template_id");
        if (x.Is("GET", "api", "v2", "design-template-groups")) return CatalogList(x, c.DesignTemplateGroups, g => g.Id, g => g.Name, CatalogShapes.DesignTemplateGroup);
        if (x.Is("GET", "api", "v2", "design-template-groups", "*")) return CatalogGet(c.DesignTemplateGroups.FirstOrDefault(g => g.Id == At()), CatalogShapes.DesignTemplateGroup, "design template group", At(), "group_id");
        if (x.Is("GET", "api", "v2", "interview-templates")) return CatalogList(x, c.InterviewTemplates, t => t.Id, t => t.Name, CatalogShapes.InterviewTemplate);
        if (x.Is("GET", "api", "v2", "interview-templates", "*")) return CatalogGet(c.InterviewTemplates.FirstOrDefault(t => t.Id == At()), CatalogShapes.InterviewTemplate, "interview template", At(), "template_id");
        // Domains, phone numbers and sender emails document no search parameter: like FastAPI, it is ignored.
        if (x.Is("GET", "api", "v2", "domains")) return CatalogList(x, c.Domains, d => d.Id, null, CatalogShapes.Domain);
        if (x.Is("GET", "api", "v2", "domains", "*")) return CatalogGet(c.Domains.FirstOrDefault(d => d.Id == At()), CatalogShapes.Domain, "domain", At(), "config_id");
        if (x.Is("GET", "api", "v2", "voices")) return CatalogList(x, c.Voices, v => v.Id, v => v.Name, v => CatalogShapes.Voice(v, x));
        if (x.Is("GET", "api", "v2", "voices", "*")) return CatalogGet(c.Voices.FirstOrDefault(v => v.Id == At()), v => CatalogShapes.Voice(v, x), "voice", At(), "voice_id");
        if (x.Is("GET", "api", "v2", "voices", "*", "preview"))
            return c.Voices.FirstOrDefault(v => v.Id == At()) is { } voice ? new Reply(200, "") { Bytes = CatalogShapes.PreviewAudio(voice), ContentType = "audio/mpeg" } : Reply.NotFound("voice", At(), "voice_id");
        if (x.Is("GET", "api", "v2", "phone-numbers")) return CatalogList(x, c.PhoneNumbers, p => p.Id, null, CatalogShapes.PhoneNumber);
        if (x.Is("GET", "api", "v2", "phone-numbers", "*")) return CatalogGet(c.PhoneNumbers.FirstOrDefault(p => p.Id == At()), CatalogShapes.PhoneNumber, "phone number", At(), "config_id");
        if (x.Is("GET", "api", "v2", "sender-emails")) return CatalogList(x, c.SenderEmails, e => e.Id, null, CatalogShapes.SenderEmail);
        if (x.Is("GET", "api", "v2", "sender-emails", "*")) return CatalogGet(c.SenderEmails.FirstOrDefault(e => e.Id == At()), CatalogShapes.SenderEmail, "sender email", At(), "sender_email_id");
        // No limit or cursor documented: an API key sees exactly one workspace.
        if (x.Is("GET", "api", "v2", "workspaces")) return Reply.List(new JsonNode[] { CatalogShapes.Workspace() }, false, 1, "/api/v2/workspaces");
        if (x.Is("GET", "api", "v2", "schemas", "agents")) return Reply.Ok(CatalogShapes.AgentTypes());
        if (x.Is("GET", "api", "v2", "schemas", "question-types")) return Reply.Ok(CatalogShapes.QuestionTypes());
        return null;
    }

    /// <summary>A cursor-paged listing; <paramref name="nameOf"/> (when the document has a search parameter) is what search matches.</summary>
    private static Reply CatalogList<T>(Exchange x, IReadOnlyList<T> all, Func<T, string> idOf, Func<T, string>? nameOf, Func<T, JsonObject> shape)
    {
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        if (problem != null) return problem;
        var search = nameOf is null ? null : x.Query("search");
        var items = string.IsNullOrEmpty(search) ? all : all.Where(i => nameOf!(i).Contains(search, StringComparison.OrdinalIgnoreCase)).ToList();
        return Page(x, items, idOf, limit, shape, "/" + string.Join('/', x.Segments));
    }

    private static Reply CatalogGet<T>(T? item, Func<T, JsonObject> shape, string what, string id, string param) where T : class =>
        item is null ? Reply.NotFound(what, id, param) : Reply.Single(shape(item));
}

/// <summary>The JSON of the catalog objects, property for property as the document names them.</summary>
internal static class CatalogShapes
{
    public static JsonObject EmailTemplate(SimEmailTemplate t) => new()
    {
        ["object"] = "email_template",
        ["id"] = t.Id,
        ["template_key"] = t.TemplateKey,
        ["name"] = t.Name,
        ["subject"] = t.Subject,
        ["content"] = t.Content,
        ["blackout_period"] = t.Blackout is { } b
            ? new JsonObject { ["enabled"] = b.Enabled, ["timezone"] = b.Timezone, ["start_hour"] = b.StartHour, ["end_hour"] = b.EndHour }
            : null,
        ["created_at"] = t.CreatedAt,
        ["updated_at"] = t.UpdatedAt,
    };

    public static JsonObject EmailTemplateGroup(SimEmailTemplateGroup g) => new()
    {
        ["object"] = "email_template_group",
        ["id"] = g.Id,
        ["name"] = g.Name,
        ["template_mappings"] = Map(g.Mappings),
        ["sender_email_id"] = g.SenderEmailId,
        ["created_at"] = g.CreatedAt,
        ["updated_at"] = g.UpdatedAt,
    };

    public static JsonObject DesignTemplate(SimDesignTemplate t) => new()
    {
        ["object"] = "design_template",
        ["id"] = t.Id,
        ["name"] = t.Name,
        ["template_type"] = t.TemplateType,
        ["design_config"] = new JsonObject(t.Config.Select(kv => KeyValuePair.Create(kv.Key, kv.Value switch
        {
            null => null,
            bool b => (JsonNode)JsonValue.Create(b),
            var v => JsonValue.Create(v.ToString()),
        }))),
        ["created_at"] = t.CreatedAt,
        ["updated_at"] = t.UpdatedAt,
    };

    public static JsonObject DesignTemplateGroup(SimDesignTemplateGroup g) => new()
    {
        ["object"] = "design_template_group",
        ["id"] = g.Id,
        ["name"] = g.Name,
        ["template_mappings"] = Map(g.Mappings),
        ["is_default"] = g.IsDefault,
        ["created_at"] = g.CreatedAt,
        ["updated_at"] = g.UpdatedAt,
    };

    public static JsonObject InterviewTemplate(SimInterviewTemplate t) => new()
    {
        ["object"] = "interview_template",
        ["id"] = t.Id,
        ["template_code"] = t.Code,
        ["name"] = t.Name,
        ["description"] = t.Description,
        ["posting_id"] = t.PostingId,
        ["is_default"] = t.IsDefault,
        ["created_at"] = t.CreatedAt,
        ["updated_at"] = t.UpdatedAt,
    };

    public static JsonObject Domain(SimDomain d) => new()
    {
        ["object"] = "domain",
        ["id"] = d.Id,
        ["domain"] = d.Domain,
        ["cname_target"] = "ingress.heymilo.ai",
        ["status"] = d.Status,
        ["active"] = d.Active,
        ["created_at"] = d.CreatedAt,
        ["updated_at"] = d.UpdatedAt,
    };

    /// <summary>preview_url points at this simulator's own preview route, on the host the client used.</summary>
    public static JsonObject Voice(SimVoice v, Exchange x) => new()
    {
        ["object"] = "voice",
        ["id"] = v.Id,
        ["provider"] = v.Provider,
        ["provider_voice_id"] = v.ProviderVoiceId,
        ["name"] = v.Name,
        ["language"] = v.Language,
        ["country_code"] = v.CountryCode,
        ["gender"] = v.Gender,
        ["preview_url"] = $"{x.Http.Request.Scheme}://{x.Http.Request.Host}/api/v2/voices/{v.Id}/preview",
        ["labels"] = Map(v.Labels),
        ["created_at"] = v.CreatedAt,
        ["updated_at"] = v.UpdatedAt,
    };

    public static JsonObject PhoneNumber(SimPhoneNumber p) => new()
    {
        ["object"] = "phone_number",
        ["id"] = p.Id,
        ["phone_number"] = p.Number,
        ["country_code"] = p.CountryCode,
        ["active"] = p.Active,
        ["date_provisioned"] = p.ProvisionedAt,
    };

    public static JsonObject SenderEmail(SimSenderEmail e) => new()
    {
        ["object"] = "sender_email",
        ["id"] = e.Id,
        ["email_prefix"] = e.Prefix,
        ["domain"] = e.Domain,
        ["full_email"] = e.FullEmail,
        ["domain_id"] = e.DomainId,
        ["created_at"] = e.CreatedAt,
    };

    /// <summary>The document leaves a workspace's fields open; these are the simulator's.</summary>
    public static JsonObject Workspace() => new()
    {
        ["object"] = "workspace",
        ["id"] = CatalogData.WorkspaceId,
        ["name"] = CatalogData.WorkspaceName,
        ["company_id"] = "cmp_sim0001",
    };

    /// <summary>
    /// A silent MPEG-1 Layer III clip (ID3v2.3 tag titled with the voice, then three 417-byte frames at
    /// 128 kbit/s, 44.1 kHz, mono): small, playable, and the same bytes for a voice every time.
    /// </summary>
    public static byte[] PreviewAudio(SimVoice v)
    {
        var title = Encoding.ASCII.GetBytes($"{v.Name} ({v.Id}) preview");
        var frameSize = 1 + title.Length;
        var tagSize = 10 + frameSize;
        var bytes = new List<byte>();
        bytes.AddRange("ID3"u8.ToArray());
        bytes.AddRange(new byte[] { 3, 0, 0, (byte)(tagSize >> 21 & 0x7F), (byte)(tagSize >> 14 & 0x7F), (byte)(tagSize >> 7 & 0x7F), (byte)(tagSize & 0x7F) });
        bytes.AddRange("TIT2"u8.ToArray());
        bytes.AddRange(new byte[] { (byte)(frameSize >> 24), (byte)(frameSize >> 16), (byte)(frameSize >> 8), (byte)frameSize, 0, 0, 0 });
        bytes.AddRange(title);
        for (var i = 0; i < 3; i++)
        {
            var frame = new byte[417];
            frame[0] = 0xFF;
            frame[1] = 0xFB;
            frame[2] = 0x90;
            frame[3] = 0xC4;
            bytes.AddRange(frame);
        }
        return bytes.ToArray();
    }

    private static readonly (string Name, string Type, string Description)[] s_overrides =
    {
        ("instructions", "string", "Per-step override for AI interviewer instructions."),
        ("company_overview", "string", "Per-step override for company overview."),
        ("job_overview", "string", "Per-step override for job overview."),
        ("interview_process_overview", "string", "Per-step override for interview process overview."),
        ("company_overview_delivery_mode", "string", "How the AI interviewer delivers the company overview."),
        ("job_overview_delivery_mode", "string", "How the AI interviewer delivers the job overview."),
        ("interview_process_overview_delivery_mode", "string", "How the AI interviewer delivers the interview process overview."),
    };

    /// <summary>GET /api/v2/schemas/agents: each agent type, its question modalities and its config fields.</summary>
    public static JsonObject AgentTypes()
    {
        JsonObject Agent(string type, string name, string description, string[] modalities, params (string Name, string Type, string Description)[] fields) => new()
        {
            ["type"] = type,
            ["name"] = name,
            ["description"] = description,
            ["question_modalities"] = new JsonArray(modalities.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["config"] = new JsonObject(s_overrides.Concat(fields).Select(f => KeyValuePair.Create(f.Name,
                (JsonNode?)new JsonObject { ["type"] = f.Type, ["nullable"] = true, ["description"] = f.Description }))),
        };
        return new JsonObject
        {
            ["object"] = "agent_type_registry",
            ["agents"] = new JsonObject
            {
                ["web_interview"] = Agent("web_interview", "Web interview", "AI voice or video interview in the browser.", new[] { "voice", "voice_tags" },
                    ("video", "boolean", "Enable video during interview (default: audio-only)."),
                    ("voice_id", "string", "Voice ID for the AI interviewer (GET /api/v2/voices)."),
                    ("phone_calls_enabled", "boolean", "Allow outbound phone call interviews (requires phone_number_id)."),
                    ("interview_type", "string", "Interview focus: general, technical, cultural, behavioral."),
                    ("num_questions", "integer", "Number of questions (ignored if questions provided)."),
                    ("min_evaluation_score", "number", "Minimum normalized score (0.0-1.0) to pass this stage."),
                    ("prompt_version", "string", "Prompt version: v1 or v2 (latest)."),
                    ("is_multilingual", "boolean", "Auto-detect candidate language and respond in kind."),
                    ("cheat_detection_config", "object", "Cheat detection settings: {enabled, threshold, types}."),
                    ("web_interview_config", "object", "Advanced interview UI config.")),
                ["conversational_sms"] = Agent("conversational_sms", "Conversational SMS", "Screening by text message.", new[] { "sms" },
                    ("knockout_enabled", "boolean", "Auto-disqualify candidates who fail dealbreaker criteria."),
                    ("num_questions", "integer", "Number of SMS criteria (ignored if criteria provided)."),
                    ("intro_message", "string", "Custom intro message; {{candidate_name}} and {{job_title}} are replaced."),
                    ("disqualification_message", "string", "Message sent when a candidate fails a dealbreaker."),
                    ("follow_up_message", "string", "Custom follow-up/nudge message."),
                    ("hop_on_call_message", "string", "Message for a phone/video call invitation."),
                    ("cooldown_period_hrs", "integer", "Hours to wait before a follow-up nudge."),
                    ("max_nudge_amount", "integer", "Maximum number of follow-up nudges."),
                    ("blackout_period", "object", "No-message window: {enabled, timezone, start_hour, end_hour}.")),
                ["resume"] = Agent("resume", "Resume screening", "Scores the resume against eligibility and scoring criteria.", new[] { "resume_eligibility", "resume_scoring" },
                    ("knockout_enabled", "boolean", "Auto-reject candidates failing eligibility criteria."),
                    ("min_evaluation_score", "number", "Minimum normalized score on scoring criteria."),
                    ("mandatory", "boolean", "Require a resume upload to proceed."),
                    ("num_eligibility_questions", "integer", "Number of pass/fail eligibility criteria."),
                    ("num_criteria_questions", "integer", "Number of scored criteria.")),
                ["form"] = Agent("form", "Form screening", "A form of knockout and information questions.", new[] { "form" },
                    ("knockout_enabled", "boolean", "Auto-disqualify on knockout question failure.")),
            },
        };
    }

    /// <summary>GET /api/v2/schemas/question-types: per modality, its agent, its question formats and its fields.</summary>
    public static JsonObject QuestionTypes()
    {
        JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        JsonObject Modality(string modality, string agent, string[] types, string[] fields, string[]? responseFormats = null)
        {
            var m = new JsonObject
            {
                ["modality"] = modality,
                ["agent_type"] = agent,
                ["question_types"] = Strings(types),
                ["fields"] = Strings(fields),
            };
            if (responseFormats != null) m["response_formats"] = Strings(responseFormats);
            return m;
        }
        return new JsonObject
        {
            ["object"] = "question_type_registry",
            ["modalities"] = new JsonObject
            {
                ["voice"] = Modality("voice", "web_interview", new[] { "open-ended", "scored" },
                    new[] { "text", "evaluation_criteria", "score_of_1", "score_of_5", "score_weight", "not_scored", "question_type", "min_follow_ups", "max_follow_ups", "additional_instructions", "post_processing_evaluation_criteria", "structured_config" }),
                ["sms"] = Modality("sms", "conversational_sms", new[] { "YES_NO", "NUMERIC" },
                    new[] { "text", "question_type", "expected_answer", "expected_value", "is_dealbreaker", "score_weight" }),
                ["form"] = Modality("form", "form", new[] { "textarea", "dropdown", "file_upload", "slider", "number", "date" },
                    new[] { "text", "question_type", "answer", "is_knockout", "dropdown_values", "is_answer_mandated", "mcq_type", "operator", "file_types", "allow_multiple_files", "slider_min", "slider_max", "slider_step" }),
                ["resume_eligibility"] = Modality("resume_eligibility", "resume", Array.Empty<string>(), new[] { "text", "score_weight" }),
                ["resume_scoring"] = Modality("resume_scoring", "resume", Array.Empty<string>(), new[] { "text", "evaluation_criteria", "score_of_1", "score_of_5", "score_weight" }),
                ["voice_tags"] = Modality("voice_tags", "web_interview", Array.Empty<string>(), new[] { "text", "response_format", "instructions", "options" },
                    new[] { "text", "freeform", "date", "number" }),
            },
        };
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
}

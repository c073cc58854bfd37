using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

// The workspace catalog (GET /api/v2/email-templates, design-templates, interview-templates, domains,
// voices, phone-numbers, sender-emails, workspaces and their /{id} reads): one class per document schema,
// property for property, timestamps as DateTimeOffset, unknown fields kept in AdditionalProperties.
namespace HeyMilo
{
    /// <summary>An email template (EmailTemplateResponse).</summary>
    public sealed class EmailTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The email type, e.g. WEB_INTERVIEW_INVITATION, RESUME_NUDGE, REPORT_READY_EMAIL.</summary>
        [JsonPropertyName("template_key")] public string TemplateKey { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("subject")] public string Subject { get; set; } = string.Empty;
        /// <summary>The HTML body, with {{variable}} placeholders.</summary>
        [JsonPropertyName("content")] public string Content { get; set; } = string.Empty;
        [JsonPropertyName("blackout_period")] public BlackoutPeriod? BlackoutPeriod { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>Hours in which an email is held back (BlackoutPeriod).</summary>
    public sealed class BlackoutPeriod
    {
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }
        /// <summary>IANA time zone, e.g. America/New_York.</summary>
        [JsonPropertyName("timezone")] public string Timezone { get; set; } = string.Empty;
        [JsonPropertyName("start_hour")] public int StartHour { get; set; }
        /// <summary>0 to 24 (24 = midnight).</summary>
        [JsonPropertyName("end_hour")] public int EndHour { get; set; }
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() =>
            (Enabled ? "" : "(off) ") + StartHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00-" +
            EndHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00 " + Timezone;
    }

    /// <summary>An email template group (EmailTemplateGroupResponse): which template sends each email type, and from which sender.</summary>
    public sealed class EmailTemplateGroup
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>Email type (template_key) → email template id.</summary>
        [JsonPropertyName("template_mappings")] public Dictionary<string, string> TemplateMappings { get; set; } = new Dictionary<string, string>();
        [JsonPropertyName("sender_email_id")] public string? SenderEmailId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A design template (DesignTemplateResponse): the look of one candidate-facing page type.</summary>
    public sealed class DesignTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>welcome_page, status_page, interview_complete_page or interview_page.</summary>
        [JsonPropertyName("template_type")] public string TemplateType { get; set; } = string.Empty;
        /// <summary>Colours, fonts, texts and images; the shape varies by TemplateType.</summary>
        [JsonPropertyName("design_config")] public Dictionary<string, object?> DesignConfig { get; set; } = new Dictionary<string, object?>();
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A design template group (DesignTemplateGroupResponse): a brand kit, one design template per page type.</summary>
    public sealed class DesignTemplateGroup
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>Page type → design template id.</summary>
        [JsonPropertyName("template_mappings")] public Dictionary<string, string> TemplateMappings { get; set; } = new Dictionary<string, string>();
        [JsonPropertyName("is_default")] public bool IsDefault { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>An interview template (InterviewTemplateResponse): a blueprint posting whose workflow new postings copy.</summary>
    public sealed class InterviewTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The code ATS integrations use (letters, digits and dashes, at most 32).</summary>
        [JsonPropertyName("template_code")] public string TemplateCode { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>The blueprint posting (Get-MiloPosting -PostingId).</summary>
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("is_default")] public bool IsDefault { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A custom domain for interview links (CustomDomainResponse).</summary>
    public sealed class CustomDomain
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("domain")] public string Domain { get; set; } = string.Empty;
        /// <summary>What the domain's CNAME record must point at.</summary>
        [JsonPropertyName("cname_target")] public string CnameTarget { get; set; } = string.Empty;
        /// <summary>pending, active or error.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("active")] public bool Active { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Domain;
    }

    /// <summary>A voice of the AI interviewer (VoiceResponse).</summary>
    public sealed class Voice
    {
        /// <summary>The registry id (wrv-…), what -VoiceId takes.</summary>
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>elevenlabs, cartesia or lmnt.</summary>
        [JsonPropertyName("provider")] public string Provider { get; set; } = string.Empty;
        [JsonPropertyName("provider_voice_id")] public string ProviderVoiceId { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        /// <summary>BCP-47 language code.</summary>
        [JsonPropertyName("language")] public string? Language { get; set; }
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        /// <summary>male, female or neutral.</summary>
        [JsonPropertyName("gender")] public string? Gender { get; set; }
        [JsonPropertyName("preview_url")] public string? PreviewUrl { get; set; }
        /// <summary>Provider-defined labels (accent, age, style…).</summary>
        [JsonPropertyName("labels")] public Dictionary<string, object?> Labels { get; set; } = new Dictionary<string, object?>();
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A phone number of the workspace for calls and SMS (PhoneNumberResponse).</summary>
    public sealed class PhoneNumber
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The number in E.164 form (the API's phone_number).</summary>
        [JsonPropertyName("phone_number")] public string Number { get; set; } = string.Empty;
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        [JsonPropertyName("active")] public bool Active { get; set; }
        [JsonPropertyName("date_provisioned"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? DateProvisioned { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Number;
    }

    /// <summary>An address candidates' emails are sent from (SenderEmailResponse).</summary>
    public sealed class SenderEmail
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The part before the @.</summary>
        [JsonPropertyName("email_prefix")] public string EmailPrefix { get; set; } = string.Empty;
        [JsonPropertyName("domain")] public string Domain { get; set; } = string.Empty;
        [JsonPropertyName("full_email")] public string FullEmail { get; set; } = string.Empty;
        /// <summary>The sending (email) domain's id; not one of Get-MiloDomain's interview-link domains.</summary>
        [JsonPropertyName("domain_id")] public string DomainId { get; set; } = string.Empty;
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => FullEmail;
    }

    /// <summary>A workspace the API key can reach (GET /api/v2/workspaces; the document leaves its fields open, so all but Id are optional).</summary>
    public sealed class Workspace
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("company_id")] public string? CompanyId { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }

    /// <summary>A workflow step type (GET /api/v2/schemas/agents): its question modalities and config fields.</summary>
    public sealed class AgentType
    {
        /// <summary>The step type a workflow uses: web_interview, conversational_sms, resume, form.</summary>
        [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>The question modalities a step of this type asks (Get-MiloQuestionType).</summary>
        [JsonPropertyName("question_modalities")] public string[] QuestionModalities { get; set; } = Array.Empty<string>();
        /// <summary>Config field → {type, nullable, description}.</summary>
        [JsonPropertyName("config")] public Dictionary<string, object?> Config { get; set; } = new Dictionary<string, object?>();

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Type;
    }

    /// <summary>A question modality (GET /api/v2/schemas/question-types): its step type, question formats and fields.</summary>
    public sealed class QuestionType
    {
        /// <summary>voice, sms, form, resume_eligibility, resume_scoring, voice_tags…</summary>
        [JsonPropertyName("modality")] public string Modality { get; set; } = string.Empty;
        /// <summary>The step type whose questions have this modality.</summary>
        [JsonPropertyName("agent_type")] public string? AgentType { get; set; }
        /// <summary>The question formats of the modality (the API's question_types), e.g. YES_NO, NUMERIC.</summary>
        [JsonPropertyName("question_types")] public string[] Formats { get; set; } = Array.Empty<string>();
        /// <summary>The question fields that apply.</summary>
        [JsonPropertyName("fields")] public string[] Fields { get; set; } = Array.Empty<string>();
        [JsonPropertyName("response_formats")] public string[]? ResponseFormats { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Modality;
    }
}

namespace HeyMilo.Client.Models
{
    /// <summary>GET /api/v2/schemas/agents (the document says only "an object"; docs/api-choices.md has the shape).</summary>
    internal sealed class AgentTypeRegistry
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("agents")] public Dictionary<string, AgentType>? Agents { get; set; }
        /// <summary>Read too, in case the registry comes in the usual {data: …} envelope.</summary>
        [JsonPropertyName("data")] public AgentTypeRegistry? Data { get; set; }
    }

    /// <summary>GET /api/v2/schemas/question-types.</summary>
    internal sealed class QuestionTypeRegistry
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("modalities")] public Dictionary<string, QuestionType>? Modalities { get; set; }
        [JsonPropertyName("data")] public QuestionTypeRegistry? Data { get; set; }
    }
}

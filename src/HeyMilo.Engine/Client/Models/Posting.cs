using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A HeyMilo posting ("interviewer"): a job with its agentic workflow.</summary>
    public sealed class Posting
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("title")] public string Title { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("finalized")] public bool Finalized { get; set; }
        [JsonPropertyName("archived")] public bool Archived { get; set; }
        [JsonPropertyName("test_posting")] public bool TestPosting { get; set; }
        [JsonPropertyName("language")] public string? Language { get; set; }
        [JsonPropertyName("interviewer_name")] public string? InterviewerName { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("company_id")] public string? CompanyId { get; set; }
        [JsonPropertyName("workflow")] public WorkflowStep[] Workflow { get; set; } = Array.Empty<WorkflowStep>();
        [JsonPropertyName("urls")] public PostingUrls? Urls { get; set; }
        [JsonPropertyName("deadline"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? Deadline { get; set; }
        [JsonPropertyName("redirect_url")] public string? RedirectUrl { get; set; }
        [JsonPropertyName("scheduling_url")] public string? SchedulingUrl { get; set; }
        [JsonPropertyName("max_retakes")] public int? MaxRetakes { get; set; }
        [JsonPropertyName("allow_sms_comms")] public bool? AllowSmsComms { get; set; }
        [JsonPropertyName("instructions")] public string? Instructions { get; set; }
        [JsonPropertyName("company_overview")] public string? CompanyOverview { get; set; }
        [JsonPropertyName("job_overview")] public string? JobOverview { get; set; }
        [JsonPropertyName("interview_process_overview")] public string? InterviewProcessOverview { get; set; }
        [JsonPropertyName("company_overview_delivery_mode")] public string? CompanyOverviewDeliveryMode { get; set; }
        [JsonPropertyName("job_overview_delivery_mode")] public string? JobOverviewDeliveryMode { get; set; }
        [JsonPropertyName("interview_process_overview_delivery_mode")] public string? InterviewProcessOverviewDeliveryMode { get; set; }
        [JsonPropertyName("phone_number_id")] public string? PhoneNumberId { get; set; }
        [JsonPropertyName("sender_email_id")] public string? SenderEmailId { get; set; }
        [JsonPropertyName("email_template_group_id")] public string? EmailTemplateGroupId { get; set; }
        [JsonPropertyName("design_template_group_id")] public string? DesignTemplateGroupId { get; set; }
        [JsonPropertyName("retake_cooldown_days")] public double? RetakeCooldownDays { get; set; }
        [JsonPropertyName("email_report_to_candidate")] public bool? EmailReportToCandidate { get; set; }
        [JsonPropertyName("ats_metadata")] public Dictionary<string, object?>? AtsMetadata { get; set; }
        [JsonPropertyName("metadata")] public Dictionary<string, object?>? Metadata { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>True when read from the legacy API (GET /postings); fields it lacks are empty.</summary>
        [JsonIgnore] public bool Legacy { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        /// <remarks>Built once per object from the fields the API sent, so what a script adds or changes in it stays.</remarks>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{Id} {Title}";
    }

}

using System.Text.Json.Nodes;
using static HeyMilo.Simulator.Api.FieldKind;

namespace HeyMilo.Simulator.Api;

/// <summary>CreatePostingRequest, UpdatePostingRequest and the four step configs, field by field as the document declares them.</summary>
internal static class PostingRules
{
    private static readonly string[] Modes = BodyRules.DeliveryModes;

    public static readonly FieldRule[] Create =
    {
        new("title", Text, Nullable: false, Required: true, MinLength: 3, MaxLength: 200),
        new("description", Text, Nullable: false, MaxLength: 50000),
        new("interview_template_id", Text),
        new("name", Text),
        new("language", Text, Nullable: false),
        new("interviewer_name", Text, Nullable: false),
        new("instructions", Text, Nullable: false),
        new("company_overview", Text, Nullable: false),
        new("job_overview", Text, Nullable: false),
        new("interview_process_overview", Text, MaxLength: 10000),
        new("company_overview_delivery_mode", Text, Enum: Modes),
        new("job_overview_delivery_mode", Text, Enum: Modes),
        new("interview_process_overview_delivery_mode", Text, Enum: Modes),
        new("phone_number_id", Text),
        new("sender_email_id", Text),
        new("email_template_group_id", Text),
        new("design_template_group_id", Text),
        new("redirect_url", Text),
        new("scheduling_url", Text),
        new("deadline", Text),
        new("allow_sms_comms", Bool),
        new("max_retakes", Int, Minimum: 0, Maximum: 5),
        new("retake_cooldown_days", Num, Minimum: 0),
        new("email_report_to_candidate", Bool),
        new("metadata", Metadata),
    };

    public static readonly FieldRule[] Update =
    {
        new("title", Text, MinLength: 3, MaxLength: 200),
        new("description", Text, MinLength: 10, MaxLength: 50000),
        new("name", Text, MaxLength: 100),
        new("language", Text),
        new("interviewer_name", Text, MaxLength: 100),
        new("instructions", Text, MaxLength: 10000),
        new("company_overview", Text, MaxLength: 10000),
        new("job_overview", Text, MaxLength: 10000),
        new("interview_process_overview", Text, MaxLength: 10000),
        new("company_overview_delivery_mode", Text, Enum: Modes),
        new("job_overview_delivery_mode", Text, Enum: Modes),
        new("interview_process_overview_delivery_mode", Text, Enum: Modes),
        new("phone_number_id", Text),
        new("sender_email_id", Text),
        new("email_template_group_id", Text),
        new("design_template_group_id", Text),
        new("redirect_url", Text),
        new("scheduling_url", Text),
        new("deadline", Text),
        new("allow_sms_comms", Bool),
        new("max_retakes", Int, Minimum: 0, Maximum: 5),
        new("retake_cooldown_days", Num, Minimum: 0),
        new("email_report_to_candidate", Bool),
        new("metadata", Metadata),
    };

    /// <summary>The workflow step types (the `type` tag of the create request's oneOf) and the step-id abbreviations.</summary>
    public static readonly (string Type, string Abbreviation)[] StepTypes =
    {
        ("web_interview", "vi"), ("conversational_sms", "sms"), ("resume", "rs"), ("form", "fm"),
    };

    private static readonly FieldRule[] CommonConfig =
    {
        new("instructions", Text, MaxLength: 10000),
        new("company_overview", Text, MaxLength: 10000),
        new("job_overview", Text, MaxLength: 10000),
        new("interview_process_overview", Text, MaxLength: 10000),
        new("company_overview_delivery_mode", Text, Enum: Modes),
        new("job_overview_delivery_mode", Text, Enum: Modes),
        new("interview_process_overview_delivery_mode", Text, Enum: Modes),
    };

    /// <summary>WebInterviewConfig, ConversationalSMSConfig, ResumeConfig, FormConfig.</summary>
    public static readonly IReadOnlyDictionary<string, FieldRule[]> Config = new Dictionary<string, FieldRule[]>
    {
        ["web_interview"] = CommonConfig.Concat(new FieldRule[]
        {
            new("video", Bool), new("voice_id", Text), new("phone_calls_enabled", Bool), new("interview_type", Text),
            new("num_questions", Int, Minimum: 1, Maximum: 25), new("min_evaluation_score", Num, Minimum: 0, Maximum: 1),
            new("prompt_version", Text), new("is_multilingual", Bool), new("cheat_detection_config", FieldKind.Map), new("web_interview_config", FieldKind.Map),
        }).ToArray(),
        ["conversational_sms"] = CommonConfig.Concat(new FieldRule[]
        {
            new("knockout_enabled", Bool), new("num_questions", Int, Minimum: 1, Maximum: 10),
            new("intro_message", Text, MaxLength: 500), new("disqualification_message", Text, MaxLength: 500),
            new("follow_up_message", Text, MaxLength: 500), new("hop_on_call_message", Text, MaxLength: 500),
            new("cooldown_period_hrs", Int, Minimum: 1, Maximum: 168), new("max_nudge_amount", Int, Minimum: 0, Maximum: 10),
            new("blackout_period", FieldKind.Map),
        }).ToArray(),
        ["resume"] = CommonConfig.Concat(new FieldRule[]
        {
            new("knockout_enabled", Bool), new("min_evaluation_score", Num, Minimum: 0, Maximum: 1), new("mandatory", Bool),
            new("num_eligibility_questions", Int, Minimum: 0, Maximum: 15), new("num_criteria_questions", Int, Minimum: 0, Maximum: 15),
        }).ToArray(),
        ["form"] = CommonConfig.Concat(new FieldRule[] { new("knockout_enabled", Bool) }).ToArray(),
    };
}

/// <summary>CreateQuestionRequest, UpdateQuestionRequest and the workflow's CreateQuestion, and which fields each modality keeps.</summary>
internal static class QuestionRules
{
    /// <summary>QuestionResponse's optional properties after text and rank, in the document's order.</summary>
    public static readonly string[] OptionalFields =
    {
        "evaluation_criteria", "score_of_1", "score_of_5", "score_weight", "not_scored", "question_type", "min_follow_ups", "max_follow_ups",
        "additional_instructions", "post_processing_evaluation_criteria", "expected_answer", "expected_value", "is_dealbreaker", "answer",
        "is_knockout", "dropdown_values", "is_answer_mandated", "mcq_type", "operator", "file_types", "allow_multiple_files",
        "slider_min", "slider_max", "slider_step", "response_format", "instructions", "options", "structured_config",
    };

    /// <summary>The fields that apply to each modality, from the (voice), (sms), (form) … notes of CreateQuestion.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Applicable = new Dictionary<string, string[]>
    {
        ["voice"] = new[] { "evaluation_criteria", "score_of_1", "score_of_5", "score_weight", "not_scored", "question_type", "min_follow_ups", "max_follow_ups", "additional_instructions", "post_processing_evaluation_criteria", "structured_config" },
        ["resume_scoring"] = new[] { "evaluation_criteria", "score_of_1", "score_of_5", "score_weight" },
        ["resume_eligibility"] = new[] { "score_weight" },
        ["sms"] = new[] { "score_weight", "question_type", "expected_answer", "expected_value", "is_dealbreaker" },
        ["form"] = new[] { "question_type", "answer", "is_knockout", "dropdown_values", "is_answer_mandated", "mcq_type", "operator", "file_types", "allow_multiple_files", "slider_min", "slider_max", "slider_step" },
        ["voice_tags"] = new[] { "response_format", "instructions", "options" },
    };

    private static readonly string[] ResponseFormats = { "text", "freeform", "date", "number" };

    private static FieldRule[] Shared(double weightMin, double weightMax, double? minFollowUpsMax, double? maxFollowUpsMax, int? instructionsMax) => new FieldRule[]
    {
        new("evaluation_criteria", Text), new("score_of_1", Text), new("score_of_5", Text),
        new("score_weight", Int, Minimum: weightMin, Maximum: weightMax), new("not_scored", Bool), new("question_type", Text),
        new("min_follow_ups", Int, Minimum: 0, Maximum: minFollowUpsMax), new("max_follow_ups", Int, Minimum: 0, Maximum: maxFollowUpsMax),
        new("additional_instructions", Text, MaxLength: instructionsMax), new("post_processing_evaluation_criteria", Text, MaxLength: instructionsMax),
        new("expected_answer", Text), new("expected_value", Int), new("is_dealbreaker", Bool), new("answer", Any),
        new("is_knockout", Bool), new("dropdown_values", StringMapList), new("is_answer_mandated", Bool), new("mcq_type", Text),
        new("operator", Text), new("file_types", StringList), new("allow_multiple_files", Bool),
        new("slider_min", Num), new("slider_max", Num), new("slider_step", Num),
        new("instructions", Text), new("options", StringList),
    };

    /// <summary>CreateQuestionRequest: score_weight 1–10, follow-ups ≥ 0.</summary>
    public static readonly FieldRule[] Create = new FieldRule[]
    {
        new("modality", Text, Nullable: false, Required: true, Enum: SimPosting.Modalities),
        new("text", Text, Nullable: false, Required: true),
        new("response_format", Text, Enum: ResponseFormats),
        new("structured_config", FieldKind.Map),
    }.Concat(Shared(1, 10, null, null, null)).ToArray();

    /// <summary>UpdateQuestionRequest: the same fields, all optional; the modality cannot change.</summary>
    public static readonly FieldRule[] Update = new FieldRule[]
    {
        new("text", Text),
        new("response_format", Text, Enum: ResponseFormats),
        new("structured_config", FieldKind.Map),
    }.Concat(Shared(1, 10, null, null, null)).ToArray();

    /// <summary>CreateQuestion inside a create request's workflow step: score_weight 0–5, min_follow_ups ≤ 5, max_follow_ups ≤ 10, instructions ≤ 5000.</summary>
    public static readonly FieldRule[] InWorkflow = new FieldRule[]
    {
        new("modality", Text, Nullable: false, Required: true, Enum: SimPosting.Modalities),
        new("text", Text, Nullable: false, Required: true),
        new("response_format", Text),
    }.Concat(Shared(0, 5, 5, 10, 5000)).ToArray();

    /// <summary>The applicable, non-null fields of a request, with what the API infers when they are not sent.</summary>
    public static JsonObject Fields(string modality, JsonObject body)
    {
        var fields = new JsonObject();
        foreach (var name in Applicable[modality])
            if (body[name] is { } value) fields[name] = value.DeepClone();
        Infer(modality, fields);
        return fields;
    }

    /// <summary>Applies an update: a sent field that applies to the modality changes (null clears it); others are ignored.</summary>
    public static void Apply(SimQuestion question, JsonObject body)
    {
        if (BodyRules.IsString(body["text"], out var text)) question.Text = text;
        foreach (var name in Applicable[question.Modality])
            if (body.TryGetPropertyValue(name, out var value)) question.Fields[name] = value?.DeepClone();
        Infer(question.Modality, question.Fields);
    }

    /// <summary>question_type as the document says the backend infers it (SMS YES_NO/NUMERIC, form dropdown → mcq_type multiple).</summary>
    private static void Infer(string modality, JsonObject fields)
    {
        switch (modality)
        {
            case "voice":
                fields["question_type"] ??= "open-ended";
                fields["not_scored"] ??= false;
                break;
            case "sms":
                fields["question_type"] = fields["expected_value"] is null ? "YES_NO" : "NUMERIC";
                break;
            case "form":
                if (fields["dropdown_values"] is JsonArray) fields["question_type"] ??= "dropdown";
                fields["question_type"] ??= "textarea";
                if (fields["question_type"]?.GetValue<string>() == "dropdown") fields["mcq_type"] ??= "multiple";
                break;
            case "voice_tags":
                fields["response_format"] ??= "text";
                break;
        }
    }
}

using System.Text.Json.Nodes;

namespace HeyMilo.Simulator;

/// <summary>One agent of a posting's workflow (WorkflowStep): its type, 1-based order and config.</summary>
internal sealed class SimStep
{
    public required string Id;
    public required string Type;
    public required int Order;
    public JsonObject Config = new();
}

/// <summary>A question or criterion of a posting (QuestionResponse). Fields holds the modality's optional properties.</summary>
internal sealed class SimQuestion
{
    public required string Id;
    public required SimPosting Posting;
    public required string Modality;
    public required string Text;
    public int Rank;
    public bool Deleted;
    public required long CreatedAt;
    public long UpdatedAt;
    public JsonObject Fields = new();
}

/// <summary>
/// What a posting is configured with beyond its identity: the posting-level settings of PostingResponse,
/// its workflow steps and its questions. Seeded lazily from the posting's id and title, so every
/// posting of a workspace has the same configuration whichever is looked at first.
/// Callers hold SimulatorData.Gate.
/// </summary>
internal sealed partial class SimPosting
{
    /// <summary>PostingResponse's settable properties, in the document's order.</summary>
    internal static readonly string[] SettingNames =
    {
        "description", "language", "interviewer_name", "deadline", "redirect_url", "scheduling_url", "max_retakes", "allow_sms_comms",
        "instructions", "company_overview", "job_overview", "interview_process_overview",
        "company_overview_delivery_mode", "job_overview_delivery_mode", "interview_process_overview_delivery_mode",
        "phone_number_id", "sender_email_id", "email_template_group_id", "design_template_group_id",
        "retake_cooldown_days", "email_report_to_candidate", "metadata",
    };

    internal static readonly string[] Modalities = { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" };

    private JsonObject? _settings;
    private List<SimStep>? _workflow;
    private List<SimQuestion>? _questions;
    private int _questionSequence;

    public JsonObject Settings => _settings ??= DefaultSettings();

    public List<SimStep> Workflow => _workflow ??= DefaultWorkflow();

    /// <summary>All questions, deleted ones included (soft delete).</summary>
    public List<SimQuestion> Questions => _questions ??= SeedQuestions();

    public IEnumerable<SimQuestion> ActiveQuestions(string? modality = null) =>
        Questions.Where(q => !q.Deleted && (modality is null || q.Modality == modality))
            .OrderBy(q => Array.IndexOf(Modalities, q.Modality)).ThenBy(q => q.Rank);

    public string NextQuestionId() => $"qst_{Index + 1:D5}{++_questionSequence:D3}";

    /// <summary>Starts the posting with the given settings, workflow and no questions (create and clone fill them).</summary>
    public void Configure(JsonObject settings, List<SimStep> workflow)
    {
        _settings = settings;
        _workflow = workflow;
        _questions = new List<SimQuestion>();
    }

    /// <summary>A copy of another posting's settings, workflow and active questions (clone, interview templates).</summary>
    public void CopyConfigurationFrom(SimPosting source, long at)
    {
        Configure((JsonObject)source.Settings.DeepClone(),
            source.Workflow.Select(s => new SimStep { Id = s.Id, Type = s.Type, Order = s.Order, Config = (JsonObject)s.Config.DeepClone() }).ToList());
        foreach (var q in source.ActiveQuestions())
            AddQuestion(q.Modality, q.Text, (JsonObject)q.Fields.DeepClone(), at);
    }

    public SimQuestion AddQuestion(string modality, string text, JsonObject fields, long at)
    {
        var question = new SimQuestion
        {
            Id = NextQuestionId(),
            Posting = this,
            Modality = modality,
            Text = text,
            Rank = Questions.Count(q => !q.Deleted && q.Modality == modality) + 1,
            CreatedAt = at,
            UpdatedAt = at,
            Fields = fields,
        };
        Questions.Add(question);
        return question;
    }

    /// <summary>Ranks 1..n in the current order, after a delete.</summary>
    public void Rerank(string modality)
    {
        var rank = 0;
        foreach (var q in ActiveQuestions(modality).ToList()) q.Rank = ++rank;
    }

    private JsonObject DefaultSettings() => new()
    {
        ["description"] = $"<p>{Title} at Acme. Simulated posting.</p>",
        ["language"] = "en",
        ["interviewer_name"] = "Milo",
        ["deadline"] = null,
        ["redirect_url"] = null,
        ["scheduling_url"] = null,
        ["max_retakes"] = 1,
        ["allow_sms_comms"] = false,
        ["instructions"] = "Be kind.",
        ["company_overview"] = "Acme makes everything.",
        ["job_overview"] = $"The {Title} role at Acme.",
        ["interview_process_overview"] = null,
        ["company_overview_delivery_mode"] = "exact_delivery",
        ["job_overview_delivery_mode"] = "exact_delivery",
        ["interview_process_overview_delivery_mode"] = null,
        ["phone_number_id"] = null,
        ["sender_email_id"] = null,
        ["email_template_group_id"] = null,
        ["design_template_group_id"] = null,
        ["retake_cooldown_days"] = null,
        ["email_report_to_candidate"] = false,
        ["metadata"] = new JsonObject { ["source"] = "simulator" },
    };

    private static List<SimStep> DefaultWorkflow() => new()
    {
        new SimStep { Id = "agent_rs_001", Type = "resume", Order = 1, Config = new JsonObject { ["knockout_enabled"] = false, ["min_evaluation_score"] = 0.5 } },
        new SimStep { Id = "agent_vi_001", Type = "web_interview", Order = 2, Config = new JsonObject { ["video"] = true, ["num_questions"] = 5, ["interview_type"] = "general" } },
    };

    /// <summary>Two or three questions of every modality.</summary>
    private List<SimQuestion> SeedQuestions()
    {
        _questions = new List<SimQuestion>();
        var at = CreatedAt;
        AddQuestion("voice", "Tell us about a project you are proud of.", new JsonObject
        {
            ["evaluation_criteria"] = "Clarity, ownership", ["score_of_1"] = "Vague, no personal contribution", ["score_of_5"] = "Specific, measurable impact",
            ["score_weight"] = 5, ["not_scored"] = false, ["question_type"] = "scored", ["min_follow_ups"] = 0, ["max_follow_ups"] = 2,
        }, at);
        AddQuestion("voice", "How do you handle a disagreement with a teammate?", new JsonObject
        {
            ["evaluation_criteria"] = "Empathy, resolution", ["score_weight"] = 3, ["not_scored"] = false, ["question_type"] = "scored", ["min_follow_ups"] = 0, ["max_follow_ups"] = 1,
        }, at);
        AddQuestion("voice", $"Why are you interested in the {Title} role?", new JsonObject { ["not_scored"] = true, ["question_type"] = "open-ended" }, at);
        AddQuestion("sms", "Are you available to work weekends?", new JsonObject { ["question_type"] = "YES_NO", ["expected_answer"] = "yes", ["is_dealbreaker"] = true }, at);
        AddQuestion("sms", "How many years of relevant experience do you have?", new JsonObject { ["question_type"] = "NUMERIC", ["expected_value"] = 2, ["is_dealbreaker"] = false }, at);
        AddQuestion("form", "Preferred work location", new JsonObject
        {
            ["question_type"] = "dropdown", ["mcq_type"] = "multiple", ["is_answer_mandated"] = true,
            ["dropdown_values"] = new JsonArray(new JsonObject { ["label"] = "Remote", ["value"] = "remote" }, new JsonObject { ["label"] = "Office", ["value"] = "office" }),
        }, at);
        AddQuestion("form", "Upload a portfolio or work sample", new JsonObject
        {
            ["question_type"] = "file_upload", ["file_types"] = new JsonArray("pdf", "docx"), ["allow_multiple_files"] = false, ["is_answer_mandated"] = false,
        }, at);
        AddQuestion("resume_eligibility", "Is authorized to work in the country of the role", new JsonObject { ["score_weight"] = 5 }, at);
        AddQuestion("resume_eligibility", "Has at least two years of relevant experience", new JsonObject { ["score_weight"] = 3 }, at);
        AddQuestion("resume_scoring", "Depth of experience with the role's core tools", new JsonObject
        {
            ["evaluation_criteria"] = "Years and breadth of hands-on use", ["score_of_1"] = "None", ["score_of_5"] = "Expert", ["score_weight"] = 4,
        }, at);
        AddQuestion("resume_scoring", "Evidence of ownership and leadership", new JsonObject { ["evaluation_criteria"] = "Led projects or people", ["score_weight"] = 2 }, at);
        AddQuestion("voice_tags", "Earliest start date", new JsonObject { ["response_format"] = "date", ["instructions"] = "The date the candidate can start." }, at);
        AddQuestion("voice_tags", "Preferred shift", new JsonObject
        {
            ["response_format"] = "text", ["instructions"] = "Which shift the candidate prefers.", ["options"] = new JsonArray("morning", "evening", "night"),
        }, at);
        return _questions;
    }
}

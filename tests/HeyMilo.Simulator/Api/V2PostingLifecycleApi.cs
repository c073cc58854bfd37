using System.Globalization;
using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>
/// Creating, listing, changing, archiving and activating postings, their workflow steps and stats, and
/// async candidate ingestion (heymilo-openapi-v2.json, tag Interviewers). Routes of questions, interview
/// metadata and the ATS are in their own files; <see cref="LifecycleRoutes"/> dispatches them all.
/// </summary>
internal static partial class V2Api
{
    /// <summary>The routes of this file and its siblings, or null. Runs before V2Api's own routes (postings/list is not a posting id).</summary>
    private static Reply? LifecycleRoutes(Exchange x)
    {
        var s = x.Segments;
        if (x.Is("POST", "api", "v2", "postings")) return CreatePosting(x);
        if (x.Is("GET", "api", "v2", "postings", "list")) return ListPostingSummaries(x);
        if (x.Is("PATCH", "api", "v2", "postings", "*")) return UpdatePosting(x, s[3]);
        if (x.Is("GET", "api", "v2", "postings", "*", "stats")) return PostingStats(x, s[3]);
        if (x.Is("PATCH", "api", "v2", "postings", "*", "workflow", "*")) return UpdateWorkflowStep(x, s[3], s[5]);
        if (x.Is("POST", "api", "v2", "postings", "*", "archive")) return ArchivePosting(x, s[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "activate")) return ActivatePosting(x, s[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "candidates", "async")) return IngestOneAsync(x, s[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "candidates", "bulk", "async")) return IngestBulkAsync(x, s[3]);
        return QuestionRoutes(x) ?? InterviewMetadataRoutes(x) ?? AtsRoutes(x);
    }

    // ---- createPosting ---------------------------------------------------------------------------

    private static Reply CreatePosting(Exchange x)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        var at = new object[] { "body" };
        BodyRules.Check(body, PostingRules.Create, at, problems);
        var steps = ReadWorkflow(body, problems);
        var templateId = BodyRules.IsString(body["interview_template_id"], out var t) ? t : null;
        if (steps != null && templateId != null)
            problems.Add(new(at, "Value error, workflow and interview_template_id are mutually exclusive: provide one or the other", "value_error"));
        else if (steps == null && templateId == null && !problems.Any(p => p.Location.Length > 1 && Equals(p.Location[1], "workflow")))
            problems.Add(new(BodyRules.At(at, "workflow"), "Value error, workflow is required unless interview_template_id is provided", "value_error"));
        var deadline = Deadline(body, problems);
        if (problems.Count > 0) return Reply.Validation(problems);

        SimPostingTemplate? template = null;
        if (templateId != null && (template = x.Data.PostingTemplate(templateId)) is null)
            return Reply.NotFound("interview template", templateId, "interview_template_id");

        var now = x.Data.Now();
        var title = body["title"]!.GetValue<string>();
        var posting = x.Data.NewPosting(title, now);
        if (template != null)
        {
            posting.CopyConfigurationFrom(x.Data.Posting(template.BlueprintPostingId)!, now);
            foreach (var name in SimPosting.SettingNames)
                if (body[name] is { } value) posting.Settings[name] = value.DeepClone();
            if (template.AtsMetadata is { } ats)
            {
                // ATS-derived template: an intermediate stage until POST /postings/{id}/activate.
                posting.Status = "draft";
                posting.Finalized = false;
                posting.AtsMetadata = (JsonObject)ats.DeepClone();
                posting.AtsMetadata["pending_activation"] = true;
            }
        }
        else
        {
            var settings = new JsonObject();
            foreach (var name in SimPosting.SettingNames) settings[name] = body[name]?.DeepClone() ?? CreateDefault(name);
            posting.Configure(settings, new List<SimStep>());
            AddSteps(posting, steps!, now);
        }
        if (BodyRules.IsString(body["name"], out var slug)) posting.Name = slug;
        posting.Settings["deadline"] = deadline ?? DateTimeOffset.FromUnixTimeSeconds(now).AddMonths(1).ToUnixTimeSeconds();
        RefreshExpiry(posting, now);
        return Reply.Single(LifecycleShapes.CreatedPosting(posting), 201);
    }

    /// <summary>What a created posting has where the request is silent (CreatePostingRequest's and PostingResponse's defaults).</summary>
    private static JsonNode? CreateDefault(string name) => name switch
    {
        "description" or "instructions" or "company_overview" or "job_overview" => "",
        "language" => "en",
        "interviewer_name" => "Sarah",
        "allow_sms_comms" or "email_report_to_candidate" => false,
        "metadata" => new JsonObject(),
        _ => null,
    };

    private sealed record StepRequest(string Type, JsonObject Config, JsonArray? Questions);

    /// <summary>The workflow of a create request: each item is one of the four step types (tagged by `type`).</summary>
    private static List<StepRequest>? ReadWorkflow(JsonObject body, List<ValidationProblem> problems)
    {
        if (!body.TryGetPropertyValue("workflow", out var node) || node is null) return null;
        var at = new object[] { "body", "workflow" };
        if (node is not JsonArray items)
        {
            problems.Add(new(at, "Input should be a valid list", "list_type"));
            return null;
        }
        var steps = new List<StepRequest>();
        var tags = PostingRules.StepTypes.Select(s => s.Type).ToArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject step)
            {
                problems.Add(new(BodyRules.At(at, i), "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
                continue;
            }
            if (!BodyRules.IsString(step["type"], out var type))
            {
                problems.Add(new(BodyRules.At(at, i), "Unable to extract tag using discriminator 'type'", "union_tag_not_found"));
                continue;
            }
            if (!tags.Contains(type))
            {
                problems.Add(new(BodyRules.At(at, i), $"Input tag '{type}' found using 'type' does not match any of the expected tags: {string.Join(", ", tags.Select(tag => $"'{tag}'"))}", "union_tag_invalid"));
                continue;
            }
            var stepAt = BodyRules.At(at, i, type);
            var config = new JsonObject();
            if (step["config"] is JsonObject c)
            {
                BodyRules.Check(c, PostingRules.Config[type], BodyRules.At(stepAt, "config"), problems);
                config = (JsonObject)c.DeepClone();
            }
            else if (step["config"] is not null)
                problems.Add(new(BodyRules.At(stepAt, "config"), "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
            JsonArray? questions = null;
            if (step["questions"] is JsonArray q)
            {
                for (var j = 0; j < q.Count; j++)
                {
                    if (q[j] is JsonObject question) BodyRules.Check(question, QuestionRules.InWorkflow, BodyRules.At(stepAt, "questions", j), problems);
                    else problems.Add(new(BodyRules.At(stepAt, "questions", j), "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
                }
                questions = q;
            }
            else if (step["questions"] is not null)
                problems.Add(new(BodyRules.At(stepAt, "questions"), "Input should be a valid list", "list_type"));
            steps.Add(new StepRequest(type, config, questions));
        }
        return steps;
    }

    /// <summary>Adds the requested steps in order; a step without questions gets generated ones ("If omitted, AI auto-generates").</summary>
    private static void AddSteps(SimPosting posting, List<StepRequest> steps, long now)
    {
        foreach (var step in steps)
        {
            var abbreviation = PostingRules.StepTypes.First(s => s.Type == step.Type).Abbreviation;
            var sameType = posting.Workflow.Count(s => s.Type == step.Type) + 1;
            posting.Workflow.Add(new SimStep { Id = $"agent_{abbreviation}_{sameType:D3}", Type = step.Type, Order = posting.Workflow.Count + 1, Config = step.Config });
            if (step.Questions != null)
            {
                foreach (var item in step.Questions.OfType<JsonObject>())
                {
                    var modality = item["modality"]!.GetValue<string>();
                    posting.AddQuestion(modality, item["text"]!.GetValue<string>(), QuestionRules.Fields(modality, item), now);
                }
                continue;
            }
            int Count(string key, int fallback) => step.Config[key] is JsonValue v && v.TryGetValue<int>(out var n) ? n : fallback;
            var generated = step.Type switch
            {
                "web_interview" => Enumerable.Repeat("voice", Count("num_questions", 3)),
                "conversational_sms" => Enumerable.Repeat("sms", Count("num_questions", 2)),
                "resume" => Enumerable.Repeat("resume_eligibility", Count("num_eligibility_questions", 1)).Concat(Enumerable.Repeat("resume_scoring", Count("num_criteria_questions", 1))),
                _ => Enumerable.Repeat("form", 1),
            };
            foreach (var modality in generated)
            {
                var n = posting.Questions.Count(q => q.Modality == modality) + 1;
                posting.AddQuestion(modality, $"Generated {modality.Replace('_', ' ')} question {n} for {posting.Title}", QuestionRules.Fields(modality, new JsonObject()), now);
            }
        }
    }

    private static long? Deadline(JsonObject body, List<ValidationProblem> problems)
    {
        if (!BodyRules.IsString(body["deadline"], out var text)) return null;
        if (BodyRules.TryIso8601(text, out var seconds)) return seconds;
        problems.Add(new(new object[] { "body", "deadline" }, "Value error, deadline must be an ISO 8601 date-time, e.g. '2025-03-15T00:00:00Z'", "value_error"));
        return null;
    }

    /// <summary>A live posting whose deadline has passed is 'expired'; moving the deadline on makes it 'active' again.</summary>
    private static void RefreshExpiry(SimPosting posting, long now)
    {
        var deadline = BodyRules.IsNumber(posting.Settings["deadline"], out var d) ? d : (double?)null;
        if (posting.Status == "active" && deadline < now) posting.Status = "expired";
        else if (posting.Status == "expired" && !(deadline < now)) posting.Status = "active";
    }

    // ---- listPostingSummaries, updatePosting, getPostingStats -------------------------------------

    private static Reply ListPostingSummaries(Exchange x)
    {
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        if (problem != null) return problem;
        var search = x.Query("search");
        var postings = x.Data.Postings.Where(p => string.IsNullOrEmpty(search) || p.Title.Contains(search, StringComparison.OrdinalIgnoreCase)).ToList();
        return Page(x, postings, p => p.Id, limit, LifecycleShapes.PostingSummary, "/api/v2/postings/list");
    }

    /// <summary>
    /// Only the fields sent change. A sent null clears a field the response allows to be null and is
    /// ignored for one it does not (title, description, name); metadata replaces the old map (null empties it).
    /// </summary>
    private static Reply UpdatePosting(Exchange x, string id)
    {
        if (x.Data.Posting(id) is not { } posting) return Reply.NotFound("posting", id, "posting_id");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, PostingRules.Update, new object[] { "body" }, problems);
        var deadline = Deadline(body, problems);
        if (problems.Count > 0) return Reply.Validation(problems);

        var settings = posting.Settings; // materialize the defaults before the title they are made from changes
        var changed = false;
        foreach (var rule in PostingRules.Update)
        {
            if (!body.TryGetPropertyValue(rule.Name, out var value)) continue;
            changed = true;
            switch (rule.Name)
            {
                case "title" when value is not null: posting.Title = value.GetValue<string>(); break;
                case "name" when value is not null: posting.Name = value.GetValue<string>(); break;
                case "description" when value is not null: settings["description"] = value.GetValue<string>(); break;
                case "title" or "name" or "description": break;
                case "deadline": settings["deadline"] = deadline; break;
                case "metadata": settings["metadata"] = value?.DeepClone() ?? new JsonObject(); break;
                default: settings[rule.Name] = value?.DeepClone(); break;
            }
        }
        if (changed) posting.UpdatedAt = x.Data.Now();
        RefreshExpiry(posting, x.Data.Now());
        return Reply.Single(Shapes.Posting(posting));
    }

    private static Reply PostingStats(Exchange x, string id) =>
        x.Data.Posting(id) is { } posting ? Reply.Single(LifecycleShapes.PostingStats(posting)) : Reply.NotFound("posting", id, "posting_id");

    // ---- updateInterviewerWorkflowStep ---------------------------------------------------------

    /// <summary>
    /// step_id is the step's type or its 1-based order. Keys outside the step type's config are a 400
    /// (the document: "Unknown keys return 400"); values are validated like the create request's; a key
    /// sent as null is removed (the step falls back to the posting-level value); nested objects are replaced.
    /// </summary>
    private static Reply UpdateWorkflowStep(Exchange x, string postingId, string stepId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        var step = int.TryParse(stepId, NumberStyles.None, CultureInfo.InvariantCulture, out var order)
            ? posting.Workflow.FirstOrDefault(s => s.Order == order)
            : posting.Workflow.OrderBy(s => s.Order).FirstOrDefault(s => s.Type == stepId);
        if (step is null) return Reply.NotFound("workflow step", stepId, "step_id");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        if (!body.TryGetPropertyValue("config", out var node))
            return Reply.Validation(new ValidationProblem(new object[] { "body", "config" }, "Field required", "missing"));
        if (node is not JsonObject config)
            return Reply.Validation(new ValidationProblem(new object[] { "body", "config" }, "Input should be a valid dictionary", "dict_type"));

        var rules = PostingRules.Config[step.Type];
        var unknown = config.Select(kv => kv.Key).Where(k => rules.All(r => r.Name != k)).ToList();
        if (unknown.Count > 0)
            return Reply.Error(400, "invalid_request_error", "unknown_config_key",
                $"Unknown config key{(unknown.Count == 1 ? "" : "s")} for a {step.Type} step: {string.Join(", ", unknown)}.", "config",
                unknown.Select(k => ("unknown_config_key", $"'{k}' is not a {step.Type} config key. Allowed: {string.Join(", ", rules.Select(r => r.Name))}.", (string?)("config." + k))));
        var problems = new List<ValidationProblem>();
        BodyRules.Check(config, rules, new object[] { "body", "config" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);

        foreach (var (key, value) in config)
        {
            if (value is null) step.Config.Remove(key);
            else step.Config[key] = value.DeepClone();
        }
        posting.UpdatedAt = x.Data.Now();
        return Reply.Single(Shapes.Posting(posting));
    }

    // ---- archivePosting, activatePosting -------------------------------------------------------

    /// <summary>Any status → 'archived' (archived: true). Archiving an archived posting changes nothing and answers 200.</summary>
    private static Reply ArchivePosting(Exchange x, string id)
    {
        if (x.Data.Posting(id) is not { } posting) return Reply.NotFound("posting", id, "posting_id");
        if (!posting.Archived)
        {
            posting.Archived = true;
            posting.Status = "archived";
            posting.UpdatedAt = x.Data.Now();
        }
        return Reply.Single(Shapes.Posting(posting));
    }

    /// <summary>
    /// draft / archived / active → 'active' (finalized, not archived). A posting pending ATS activation has
    /// ats_metadata.pending_activation set false and the mapping stamped. Activating an active posting is a
    /// no-op (200). No workflow step, or a deadline that has passed: 422.
    /// </summary>
    private static Reply ActivatePosting(Exchange x, string id)
    {
        if (x.Data.Posting(id) is not { } posting) return Reply.NotFound("posting", id, "posting_id");
        var now = x.Data.Now();
        if (posting.Workflow.Count == 0)
            return Reply.Validation(new ValidationProblem(new object[] { "path", "posting_id" }, "Value error, the posting has no workflow steps: it cannot be activated", "value_error"));
        if (BodyRules.IsNumber(posting.Settings["deadline"], out var deadline) && deadline < now)
            return Reply.Validation(new ValidationProblem(new object[] { "path", "posting_id" }, "Value error, the posting's deadline has passed: set a later deadline (PATCH /api/v2/postings/{posting_id}) before activating", "value_error"));
        var changed = posting.Status != "active" || posting.Archived || !posting.Finalized;
        posting.Status = "active";
        posting.Archived = false;
        posting.Finalized = true;
        if (posting.AtsMetadata is { } ats && ats["pending_activation"]?.GetValue<bool>() == true)
        {
            ats["pending_activation"] = false;
            ats["mapping_activated_at"] = DateTimeOffset.FromUnixTimeSeconds(now).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            ats["mapping_activated_by"] = "api_key:" + KeyPrefix(x);
            changed = true;
        }
        if (changed) posting.UpdatedAt = now;
        return Reply.Single(Shapes.Posting(posting));
    }

    private static string KeyPrefix(Exchange x)
    {
        var key = x.Http.Request.Headers["X-API-KEY"].ToString();
        return key.Length <= 4 ? "****" : key[..4] + "****";
    }

    // ---- ingestCandidateAsync, ingestCandidatesBulkAsync ---------------------------------------

    /// <summary>"Archived interviewers stop accepting new candidates."</summary>
    private static Reply? RefuseArchived(SimPosting posting) => posting.Archived
        ? Reply.Validation(new ValidationProblem(new object[] { "path", "posting_id" }, "Value error, the posting is archived and does not accept new candidates", "value_error"))
        : null;

    /// <summary>
    /// What one candidate must pass before it is ingested, synchronously or not: the posting exists, the body is
    /// JSON, the candidate fits the document, the posting is not archived. Null when it passes.
    /// </summary>
    private static Reply? AdmitOne(Exchange x, string postingId, out SimPosting posting, out JsonObject body)
    {
        posting = null!;
        body = null!;
        if (x.Data.Posting(postingId) is not { } found) return Reply.NotFound("posting", postingId, "posting_id");
        if (x.JsonBody(out var problem) is not { } parsed) return problem!;
        var problems = Candidates.Validate(parsed, new object[] { "body" }).ToList();
        if (problems.Count > 0) return Reply.Validation(problems);
        if (RefuseArchived(found) is { } refused) return refused;
        (posting, body) = (found, parsed);
        return null;
    }

    /// <summary>
    /// The same for a bulk ingestion, all or nothing: data is a list of 1 to MaxBulk candidates, one invalid item
    /// rejects the batch with a 422 naming it. Null when it passes.
    /// </summary>
    private static Reply? AdmitBulk(Exchange x, string postingId, out SimPosting posting, out JsonArray items)
    {
        posting = null!;
        items = null!;
        if (x.Data.Posting(postingId) is not { } found) return Reply.NotFound("posting", postingId, "posting_id");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        if (!body.TryGetPropertyValue("data", out var node))
            return Reply.Validation(new ValidationProblem(new object[] { "body", "data" }, "Field required", "missing"));
        if (node is not JsonArray list)
            return Reply.Validation(new ValidationProblem(new object[] { "body", "data" }, "Input should be a valid list", "list_type"));
        if (list.Count == 0)
            return Reply.Validation(new ValidationProblem(new object[] { "body", "data" }, "List should have at least 1 item after validation, not 0", "too_short"));
        if (list.Count > MaxBulk)
            return Reply.Validation(new ValidationProblem(new object[] { "body", "data" }, $"List should have at most {MaxBulk} items after validation, not {list.Count}", "too_long"));
        var problems = list.SelectMany((item, i) => Candidates.Validate(item, new object[] { "body", "data", i })).ToList();
        if (problems.Count > 0) return Reply.Validation(problems);
        if (RefuseArchived(found) is { } refused) return refused;
        (posting, items) = (found, list);
        return null;
    }

    /// <summary>202 with an ingestion id. The candidate is in the posting at once (the job reads as queued).</summary>
    private static Reply IngestOneAsync(Exchange x, string postingId)
    {
        if (AdmitOne(x, postingId, out var posting, out var body) is { } refused) return refused;
        var candidate = Candidates.Ingest(x.Data, posting, body, retake: false);
        return Reply.Single(LifecycleShapes.Ingestion(x.Data.NewIngestion(posting.Id, new List<string> { candidate.InterviewId })), 202);
    }

    /// <summary>All or nothing like the synchronous bulk ingestion: one invalid item rejects the batch.</summary>
    private static Reply IngestBulkAsync(Exchange x, string postingId)
    {
        if (AdmitBulk(x, postingId, out var posting, out var items) is { } refused) return refused;
        var ids = items.Select(item => Candidates.Ingest(x.Data, posting, (JsonObject)item!, retake: false).InterviewId).ToList();
        return Reply.Single(LifecycleShapes.Ingestion(x.Data.NewIngestion(posting.Id, ids)), 202);
    }
}

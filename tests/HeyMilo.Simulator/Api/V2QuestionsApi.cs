using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>A posting's questions and criteria (heymilo-openapi-v2.json, tag Questions).</summary>
internal static partial class V2Api
{
    private static Reply? QuestionRoutes(Exchange x)
    {
        if (x.Segments.Length < 5 || x.Segments[2] != "postings" || x.Segments[4] != "questions") return null;
        var s = x.Segments;
        if (x.Is("GET", "api", "v2", "postings", "*", "questions")) return ListQuestions(x, s[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "questions")) return CreateQuestion(x, s[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "questions", "reorder")) return ReorderQuestions(x, s[3]);
        if (x.Is("GET", "api", "v2", "postings", "*", "questions", "*")) return WithQuestion(x, s[3], s[5], (_, q) => Reply.Single(LifecycleShapes.Question(q)));
        if (x.Is("PATCH", "api", "v2", "postings", "*", "questions", "*")) return WithQuestion(x, s[3], s[5], UpdateQuestion);
        if (x.Is("DELETE", "api", "v2", "postings", "*", "questions", "*")) return WithQuestion(x, s[3], s[5], DeleteQuestion);
        return null;
    }

    /// <summary>Active questions ordered by modality (the document's order: voice, sms, form, resume_eligibility, resume_scoring, voice_tags), then rank.</summary>
    private static Reply ListQuestions(Exchange x, string postingId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        if (problem != null) return problem;
        var modality = x.Query("modality");
        if (modality is { Length: 0 }) modality = null;
        if (modality != null && !SimPosting.Modalities.Contains(modality))
            return Reply.Validation(new ValidationProblem(new object[] { "query", "modality" }, "Input should be " + BodyRules.Choices(SimPosting.Modalities), "enum"));
        return Page(x, posting.ActiveQuestions(modality).ToList(), q => q.Id, limit, LifecycleShapes.Question, $"/api/v2/postings/{posting.Id}/questions");
    }

    /// <summary>A new question goes last in its modality. Fields that do not apply to the modality are dropped (they read as null).</summary>
    private static Reply CreateQuestion(Exchange x, string postingId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, QuestionRules.Create, new object[] { "body" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);
        var modality = body["modality"]!.GetValue<string>();
        var now = x.Data.Now();
        var question = posting.AddQuestion(modality, body["text"]!.GetValue<string>(), QuestionRules.Fields(modality, body), now);
        posting.UpdatedAt = now;
        return Reply.Single(LifecycleShapes.Question(question), 201);
    }

    /// <summary>The question, when it is an active question of that posting; otherwise 404 (a deleted question included).</summary>
    private static Reply WithQuestion(Exchange x, string postingId, string questionId, Func<Exchange, SimQuestion, Reply> then)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        return posting.Questions.FirstOrDefault(q => q.Id == questionId && !q.Deleted) is { } question
            ? then(x, question)
            : Reply.NotFound("question", questionId, "question_id");
    }

    /// <summary>Only the fields sent change; null clears one. Fields that do not apply to the question's modality are ignored.</summary>
    private static Reply UpdateQuestion(Exchange x, SimQuestion question)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, QuestionRules.Update, new object[] { "body" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);
        QuestionRules.Apply(question, body);
        question.UpdatedAt = x.Data.Now();
        return Reply.Single(LifecycleShapes.Question(question));
    }

    /// <summary>Soft delete: the question leaves listings and reads as 404; the rest of its modality is ranked 1..n again.</summary>
    private static Reply DeleteQuestion(Exchange x, SimQuestion question)
    {
        question.Deleted = true;
        question.UpdatedAt = x.Data.Now();
        question.Posting.Rerank(question.Modality);
        return Reply.Single(LifecycleShapes.Question(question));
    }

    /// <summary>order must name every active question of the modality exactly once, and nothing else.</summary>
    private static Reply ReorderQuestions(Exchange x, string postingId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, new FieldRule[]
        {
            new("modality", FieldKind.Text, Nullable: false, Required: true, Enum: SimPosting.Modalities),
            new("order", FieldKind.StringList, Nullable: false, Required: true),
        }, new object[] { "body" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);

        var modality = body["modality"]!.GetValue<string>();
        var order = body["order"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var active = posting.ActiveQuestions(modality).ToList();
        var at = new object[] { "body", "order" };
        foreach (var duplicate in order.GroupBy(id => id).Where(g => g.Count() > 1))
            problems.Add(new(at, $"Value error, question '{duplicate.Key}' is listed more than once", "value_error"));
        foreach (var stranger in order.Distinct().Where(id => active.All(q => q.Id != id)))
            problems.Add(new(at, $"Value error, '{stranger}' is not an active {modality} question of this posting", "value_error"));
        foreach (var missing in active.Where(q => !order.Contains(q.Id)))
            problems.Add(new(at, $"Value error, active {modality} question '{missing.Id}' is missing: every active question of the modality must be listed", "value_error"));
        if (problems.Count > 0) return Reply.Validation(problems);

        var now = x.Data.Now();
        for (var i = 0; i < order.Count; i++)
        {
            var question = active.First(q => q.Id == order[i]);
            if (question.Rank != i + 1) question.UpdatedAt = now;
            question.Rank = i + 1;
        }
        var reordered = posting.ActiveQuestions(modality).ToList();
        return Reply.List(reordered.Select(q => (JsonNode)LifecycleShapes.Question(q)), false, reordered.Count, $"/api/v2/postings/{posting.Id}/questions");
    }
}

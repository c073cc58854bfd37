using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HeyMilo.Simulator.Api;

/// <summary>The v2 API at /api/v2 (heymilo-openapi-v2.json), the part the module uses.</summary>
internal static partial class V2Api
{
    private const int MaxBulk = 100;

    public static Reply? Handle(Exchange x)
    {
        if (x.Segments.Length < 3 || x.Segments[0] != "api" || x.Segments[1] != "v2") return null;
        if (LifecycleRoutes(x) is { } lifecycle) return lifecycle;
        if (x.Is("GET", "api", "v2", "postings")) return ListPostings(x);
        if (x.Is("GET", "api", "v2", "postings", "*")) return GetPosting(x, x.Segments[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "clone")) return ClonePosting(x, x.Segments[3]);
        if (x.Is("GET", "api", "v2", "postings", "*", "candidates")) return ListCandidates(x, x.Segments[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "candidates")) return IngestOne(x, x.Segments[3]);
        if (x.Is("POST", "api", "v2", "postings", "*", "candidates", "bulk")) return IngestBulk(x, x.Segments[3]);
        if (x.Is("GET", "api", "v2", "interviews", "*", "data")) return InterviewData(x, x.Segments[3]);
        if (x.Is("GET", "api", "v2", "webhooks")) return ListWebhooks(x);
        if (x.Is("POST", "api", "v2", "webhooks")) return CreateWebhook(x);
        if (x.Is("GET", "api", "v2", "webhooks", "*")) return GetWebhook(x, x.Segments[3]);
        if (x.Is("DELETE", "api", "v2", "webhooks", "*")) return DeleteWebhook(x, x.Segments[3]);
        if (HandleCatalog(x) is { } catalog) return catalog;
        return Reply.Error(404, "invalid_request_error", "route_not_found", $"No route {x.Method} /{string.Join('/', x.Segments)} in the simulator.");
    }

    private static Reply ListPostings(Exchange x)
    {
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        if (problem != null) return problem;
        var search = x.Query("search");
        var postings = x.Data.Postings
            .Where(p => string.IsNullOrEmpty(search) || p.Title.Contains(search, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return Page(x, postings, p => p.Id, limit, Shapes.Posting, "/api/v2/postings");
    }

    private static Reply GetPosting(Exchange x, string id) =>
        x.Data.Posting(id) is { } posting ? Reply.Single(Shapes.Posting(posting)) : Reply.NotFound("posting", id, "posting_id");

    private static Reply ClonePosting(Exchange x, string id)
    {
        if (x.Data.Posting(id) is not { } source) return Reply.NotFound("posting", id, "posting_id");
        var clone = x.Data.NewPosting(source.Title + " (copy)", x.Data.Now());
        clone.CopyConfigurationFrom(source, clone.CreatedAt);
        if (source.AtsMetadata != null)
        {
            // A clone of an ATS-synced posting is a draft until it is activated.
            clone.Status = "draft";
            clone.Finalized = false;
            clone.AtsMetadata = new JsonObject { ["ats_name"] = source.AtsMetadata["ats_name"]?.DeepClone(), ["pending_activation"] = true };
        }
        return Reply.Single(new JsonObject
        {
            ["object"] = "posting",
            ["id"] = clone.Id,
            ["status"] = clone.Status,
            ["urls"] = Shapes.Urls(clone),
            ["created_at"] = clone.CreatedAt,
            ["posting"] = Shapes.Posting(clone),
        }, 201);
    }

    private static Reply ListCandidates(Exchange x, string postingId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.NotFound("posting", postingId, "posting_id");
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        var after = Bound(x, "created_after", ref problem);
        var before = Bound(x, "created_before", ref problem);
        if (problem != null) return problem;
        var candidates = posting.Candidates.Where(c => (after is null || c.CreatedAt >= after) && (before is null || c.CreatedAt <= before)).ToList();
        return Page(x, candidates, c => c.InterviewId, limit, Shapes.Candidate, $"/api/v2/postings/{posting.Id}/candidates");
    }

    private static Reply InterviewData(Exchange x, string interviewId) =>
        x.Data.Candidate(interviewId) is { } candidate ? Reply.Single(Shapes.InterviewData(candidate)) : Reply.NotFound("interview", interviewId, "interview_id");

    private static Reply IngestOne(Exchange x, string postingId)
    {
        if (AdmitOne(x, postingId, out var posting, out var body) is { } refused) return refused;
        var candidate = Candidates.Ingest(x.Data, posting, body, retake: false);
        return Reply.Single(new JsonObject
        {
            ["object"] = "candidate",
            ["interview_id"] = candidate.InterviewId,
            ["interview_url"] = Shapes.InterviewUrl(candidate),
            ["posting_id"] = posting.Id,
            ["candidate"] = Shapes.Candidate(candidate),
        }, 201);
    }

    /// <summary>All or nothing: one invalid item rejects the batch with a 422 naming it; a repeated email returns its interview.</summary>
    private static Reply IngestBulk(Exchange x, string postingId)
    {
        if (AdmitBulk(x, postingId, out var posting, out var items) is { } refused) return refused;
        var results = items.Select(item =>
        {
            var candidate = Candidates.Ingest(x.Data, posting, (JsonObject)item!, retake: false);
            return (JsonNode)new JsonObject
            {
                ["object"] = "candidate",
                ["interview_id"] = candidate.InterviewId,
                ["interview_url"] = Shapes.InterviewUrl(candidate),
                ["metadata"] = candidate.Metadata?.DeepClone() ?? new JsonObject(),
            };
        }).ToArray();
        return Reply.Single(new JsonArray(results), 201);
    }

    private static Reply ListWebhooks(Exchange x)
    {
        Reply? problem = null;
        var limit = x.QueryInt("limit", 20, 1, 100, ref problem);
        if (problem != null) return problem;
        // "Retrieve all active webhooks": a deactivated (soft-deleted) webhook leaves the list.
        return Page(x, x.Data.Webhooks.Where(w => w.IsActive).ToList(), w => w.Id, limit, Shapes.Webhook, "/api/v2/webhooks");
    }

    private static Reply CreateWebhook(Exchange x)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        var postingId = Text(body, "posting_id", problems);
        var url = Text(body, "webhook_url", problems);
        var eventType = Text(body, "event_type", problems);
        if (url != null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")))
            problems.Add(new(new object[] { "body", "webhook_url" }, "Input should be a valid URL", "url_parsing"));
        if (eventType != null && !SimulatorData.EventTypes.Contains(eventType))
            problems.Add(new(new object[] { "body", "event_type" }, "Input should be " + string.Join(", ", SimulatorData.EventTypes.Select(e => $"'{e}'")), "enum"));
        if (problems.Count > 0) return Reply.Validation(problems);
        if (x.Data.Posting(postingId!) is null) return Reply.NotFound("posting", postingId!, "posting_id");
        var webhook = x.Data.NewWebhook(postingId!, url!, eventType!, x.Data.Now());
        return Reply.Single(Shapes.Webhook(webhook), 201);
    }

    private static Reply GetWebhook(Exchange x, string id) =>
        x.Data.Webhook(id) is { } webhook ? Reply.Single(Shapes.Webhook(webhook)) : Reply.NotFound("webhook", id, "webhook_id");

    private static Reply DeleteWebhook(Exchange x, string id)
    {
        if (x.Data.Webhook(id) is not { } webhook) return Reply.NotFound("webhook", id, "webhook_id");
        webhook.IsActive = false;
        webhook.UpdatedAt = x.Data.Now();
        return Reply.Single(Shapes.Webhook(webhook));
    }

    /// <summary>
    /// Cursor paging: the items after the one whose id is starting_after, at most limit of them; the
    /// CursorStepsBack and HasMoreFalseAfter options make it misbehave as some APIs do.
    /// </summary>
    private static Reply Page<T>(Exchange x, IReadOnlyList<T> all, Func<T, string> idOf, int limit, Func<T, JsonObject> shape, string url)
    {
        var start = 0;
        if (x.Query("starting_after") is { Length: > 0 } cursor)
        {
            var at = all.Select(idOf).ToList().IndexOf(cursor);
            if (at < 0) return Reply.Error(400, "invalid_request_error", "invalid_cursor", $"starting_after '{cursor}' is not an item of this list.", "starting_after");
            start = Math.Max(at + 1 - x.Options.CursorStepsBack, 0);
        }
        var take = x.Options.HasMoreFalseAfter is int cut ? Math.Max(Math.Min(limit, cut - start), 0) : limit;
        var page = all.Skip(start).Take(take).ToList();
        var hasMore = start + page.Count < all.Count && !(x.Options.HasMoreFalseAfter is int end && start + page.Count >= end);
        return Reply.List(page.Select(shape), hasMore, all.Count, url);
    }

    /// <summary>created_after / created_before: ISO-8601 (naive means UTC) or Unix seconds.</summary>
    private static long? Bound(Exchange x, string name, ref Reply? problem)
    {
        var raw = x.Query(name);
        if (string.IsNullOrEmpty(raw)) return null;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return (long)seconds;
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at.ToUnixTimeSeconds();
        problem = Reply.Validation(new ValidationProblem(new object[] { "query", name }, "Input should be a valid datetime or Unix timestamp", "datetime_parsing"));
        return null;
    }

    private static string? Text(JsonObject body, string name, List<ValidationProblem> problems)
    {
        if (body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0) return text;
        problems.Add(new(new object[] { "body", name }, body.ContainsKey(name) ? "Input should be a non-empty string" : "Field required", body.ContainsKey(name) ? "string_type" : "missing"));
        return null;
    }
}

/// <summary>Candidate ingestion rules shared by v2 and legacy ingestion.</summary>
internal static partial class Candidates
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();

    public static IEnumerable<ValidationProblem> Validate(JsonNode? item, object[] at)
    {
        object[] Loc(string field) => at.Append(field).ToArray();
        if (item is not JsonObject c)
        {
            yield return new(at, "Input should be a valid dictionary or object", "model_type");
            yield break;
        }
        if (c["name"] is not JsonValue n || !n.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name))
            yield return new(Loc("name"), c.ContainsKey("name") ? "String should have at least 1 character" : "Field required", c.ContainsKey("name") ? "string_too_short" : "missing");
        if (c["email"] is not JsonValue e || !e.TryGetValue<string>(out var email))
            yield return new(Loc("email"), "Field required", "missing");
        else if (!EmailPattern().IsMatch(email))
            yield return new(Loc("email"), "value is not a valid email address: An email address must have an @-sign and a domain.", "value_error");
        if (c["phone_number"] is JsonValue p && (!p.TryGetValue<string>(out var phone) || !E164().IsMatch(phone)))
            yield return new(Loc("phone_number"), "value is not a valid phone number: use E.164, e.g. +12065551234", "value_error");
        if (c["metadata"] is JsonObject metadata)
        {
            if (metadata.Count > 50) yield return new(Loc("metadata"), "Metadata can have at most 50 keys", "value_error");
            foreach (var (key, value) in metadata)
            {
                if (key.Length > 40) yield return new(Loc("metadata").Append(key).ToArray(), "Metadata keys can be at most 40 characters", "value_error");
                if (value is not JsonValue v || !v.TryGetValue<string>(out var s))
                    yield return new(Loc("metadata").Append(key).ToArray(), "Input should be a valid string", "string_type");
                else if (s.Length > 500)
                    yield return new(Loc("metadata").Append(key).ToArray(), "Metadata values can be at most 500 characters", "value_error");
            }
        }
        else if (c["metadata"] is not null)
            yield return new(Loc("metadata"), "Input should be a valid dictionary", "dict_type");
    }

    /// <summary>Creates the candidate's interview, or (without retake) returns the one it already has in the posting.</summary>
    public static SimCandidate Ingest(SimulatorData data, SimPosting posting, JsonObject item, bool retake)
    {
        var email = item["email"]!.GetValue<string>();
        if (!retake && posting.Candidates.LastOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) is { } existing)
            return existing;
        var candidate = data.NewCandidate(posting, item["name"]!.GetValue<string>().Trim(), email, data.Now());
        candidate.Ingested = true;
        candidate.Phone = item["phone_number"]?.GetValue<string>();
        candidate.Metadata = item["metadata"]?.DeepClone() as JsonObject;
        candidate.Data = item["data"]?.DeepClone() as JsonObject;
        return candidate;
    }
}

using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>
/// The legacy API (legacy-api-reference.txt) at the root of the same server. The reference documents
/// request fields and some response fields; the rest follows FastAPI conventions ({detail} errors).
/// </summary>
internal static class LegacyApi
{
    public static Reply? Handle(Exchange x)
    {
        if (x.Is("GET", "postings")) return Postings(x);
        if (x.Is("GET", "interview", "*")) return Interview(x, x.Segments[1]);
        if (x.Is("GET", "interviews", "export", "json")) return Export(x);
        if (x.Is("GET", "interviews", "*")) return Interviews(x, x.Segments[1]);
        if (x.Is("POST", "create")) return CreateWebhook(x);
        if (x.Is("GET", "fetch", "*")) return FetchWebhook(x, x.Segments[1]);
        if (x.Is("GET", "all")) return AllWebhooks(x);
        if (x.Is("POST", "deactivate", "*")) return Deactivate(x, x.Segments[1]);
        if (x.Is("POST", "ingest", "x", "bulk", "*")) return Ingest(x, x.Segments[3], bulk: true);
        if (x.Is("POST", "ingest", "x", "*")) return Ingest(x, x.Segments[2], bulk: false);
        return null;
    }

    private static Reply Postings(Exchange x)
    {
        Reply? problem = null;
        var page = x.QueryInt("page", 1, 1, int.MaxValue, ref problem);
        var limit = x.QueryInt("limit", 10, 1, 100, ref problem);
        if (problem != null) return problem;
        var all = x.Data.Postings;
        return Reply.Ok(new JsonObject
        {
            ["postings"] = new JsonArray(all.Skip((page - 1) * limit).Take(limit).Select(p => (JsonNode)Shapes.LegacyPosting(p)).ToArray()),
            ["total"] = all.Count,
            ["page"] = page,
            ["limit"] = limit,
            ["total_pages"] = (all.Count + limit - 1) / limit,
        });
    }

    private static Reply Interview(Exchange x, string id) =>
        x.Data.Candidate(id) is { } c ? Reply.Ok(Shapes.LegacyCandidate(c)) : Reply.Legacy(404, "Interview not found");

    private static Reply Interviews(Exchange x, string postingId)
    {
        if (x.Data.Posting(postingId) is not { } posting) return Reply.Legacy(404, "Posting not found");
        Reply? problem = null;
        var page = x.QueryInt("page", 1, 1, int.MaxValue, ref problem);
        var limit = x.QueryInt("limit", 10, 1, 100, ref problem);
        if (problem != null) return problem;
        return Reply.Ok(new JsonObject
        {
            ["candidates"] = new JsonArray(posting.Candidates.Skip((page - 1) * limit).Take(limit).Select(c => (JsonNode)Shapes.LegacyCandidate(c)).ToArray()),
            ["total"] = posting.Candidates.Count,
            ["page"] = page,
            ["limit"] = limit,
            ["total_pages"] = (posting.Candidates.Count + limit - 1) / limit,
        });
    }

    /// <summary>Each look at a posting's export advances its job; after ExportJobPollsUntilReady looks the file is ready.</summary>
    private static Reply Export(Exchange x)
    {
        var postingId = x.Query("posting_id");
        if (string.IsNullOrEmpty(postingId))
            return Reply.Validation(new ValidationProblem(new object[] { "query", "posting_id" }, "Field required", "missing"));
        if (x.Data.Posting(postingId) is not { } posting) return Reply.Legacy(404, "Posting not found");
        var job = x.Exports.Look(posting, () => new JsonArray(posting.Candidates.Select(c => (JsonNode)Shapes.LegacyCandidate(c)).ToArray()).ToJsonString());
        return Reply.Ok(new JsonObject
        {
            ["job_id"] = job.Id,
            ["status"] = job.Ready ? "success" : "processing",
            ["file_url"] = job.Ready ? $"http://{x.Options.ExportFileHost}:{x.Port}/files/{job.Id}.json" : null,
        });
    }

    private static Reply CreateWebhook(Exchange x)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        string? Field(string name)
        {
            if (body[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0) return s;
            problems.Add(new(new object[] { "body", name }, "Field required", "missing"));
            return null;
        }
        var postingId = Field("posting_id");
        var url = Field("url");
        var eventType = Field("event_type");
        var method = body["http_method"]?.GetValue<string>() ?? "post";
        if (eventType != null && !SimulatorData.EventTypes.Take(3).Contains(eventType))
            problems.Add(new(new object[] { "body", "event_type" }, "Input should be 'interview_started', 'interview_completed' or 'report_available'", "enum"));
        if (method is not ("get" or "post"))
            problems.Add(new(new object[] { "body", "http_method" }, "Input should be 'get' or 'post'", "enum"));
        if (problems.Count > 0) return Reply.Validation(problems);
        if (x.Data.Posting(postingId!) is null) return Reply.Legacy(404, "Posting not found");
        var webhook = x.Data.NewWebhook(postingId!, url!, eventType!, x.Data.Now());
        webhook.HttpMethod = method;
        return Reply.Ok(new JsonObject { ["message"] = "Webhook created successfully", ["webhook"] = Shapes.LegacyWebhook(webhook) });
    }

    private static Reply FetchWebhook(Exchange x, string id) =>
        x.Data.Webhook(id) is { } w ? Reply.Ok(Shapes.LegacyWebhook(w)) : Reply.Legacy(404, "Webhook not found");

    private static Reply AllWebhooks(Exchange x)
    {
        var postingId = x.Query("posting_id");
        var eventType = x.Query("event_type");
        var hooks = x.Data.Webhooks
            .Where(w => string.IsNullOrEmpty(postingId) || w.PostingId == postingId)
            .Where(w => string.IsNullOrEmpty(eventType) || w.EventType == eventType)
            .Select(w => (JsonNode)Shapes.LegacyWebhook(w))
            .ToArray();
        return Reply.Ok(new JsonObject { ["webhooks"] = new JsonArray(hooks) });
    }

    private static Reply Deactivate(Exchange x, string id)
    {
        if (x.Data.Webhook(id) is not { } w) return Reply.Legacy(404, "Webhook not found");
        w.IsActive = false;
        w.UpdatedAt = x.Data.Now();
        return Reply.Ok(new JsonObject { ["message"] = "Webhook deactivated", ["webhook_id"] = w.Id });
    }

    private static Reply Ingest(Exchange x, string key, bool bulk)
    {
        if (x.Data.PostingByIngestionKey(key) is not { } posting) return Reply.Legacy(404, "Unknown url_key");
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var retake = body["retake"] is JsonValue r && r.TryGetValue<bool>(out var flag) && flag;
        List<JsonObject> items;
        List<ValidationProblem> problems;
        if (bulk)
        {
            if (body["candidates"] is not JsonArray array || array.Count == 0)
                return Reply.Validation(new ValidationProblem(new object[] { "body", "candidates" }, "Field required", "missing"));
            problems = array.SelectMany((item, i) => Candidates.Validate(item, new object[] { "body", "candidates", i })).ToList();
            items = array.OfType<JsonObject>().ToList();
        }
        else
        {
            problems = Candidates.Validate(body, new object[] { "body" }).ToList();
            items = new List<JsonObject> { body };
        }
        if (problems.Count > 0) return Reply.Validation(problems);
        var details = items.Select(item =>
        {
            var c = Candidates.Ingest(x.Data, posting, item, retake);
            return (JsonNode)new JsonObject { ["interview_id"] = c.InterviewId, ["interview_link"] = Shapes.InterviewUrl(c) };
        }).ToArray();
        return Reply.Ok(new JsonObject
        {
            ["message"] = bulk ? $"Bulk ingestion of {details.Length} candidates initiated" : "Candidate ingestion initiated",
            ["ingestion_id"] = "ing_" + Guid.NewGuid().ToString("N")[..12],
            ["interview_details"] = new JsonArray(details),
        });
    }
}

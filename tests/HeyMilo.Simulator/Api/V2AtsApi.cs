using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>The ATS operations (heymilo-openapi-v2.json, tag ATS): connections, candidate resolve, queued pushes.</summary>
internal static partial class V2Api
{
    private const int ResolveDefaultLimit = 10;

    private static Reply? AtsRoutes(Exchange x)
    {
        if (x.Segments.Length < 4 || x.Segments[2] != "ats") return null;
        if (x.Is("GET", "api", "v2", "ats", "connections")) return ListAtsConnections(x);
        if (x.Is("POST", "api", "v2", "ats", "candidates", "resolve")) return ResolveAtsCandidate(x);
        if (x.Is("POST", "api", "v2", "ats", "candidates", "push")) return PushAtsCandidate(x);
        if (x.Is("GET", "api", "v2", "ats", "candidates", "push", "*")) return AtsPushStatus(x, x.Segments[5]);
        return null;
    }

    private static Reply ListAtsConnections(Exchange x) =>
        Reply.List(x.Data.AtsConnections.Select(c => (JsonNode)LifecycleShapes.AtsConnection(c)), false, x.Data.AtsConnections.Count, "/api/v2/ats/connections");

    /// <summary>ats_name must be a supported provider (bullhorn, avionte) with an active connection; otherwise 400.</summary>
    private static Reply? AtsProvider(Exchange x, JsonObject body, out string provider)
    {
        provider = body["ats_name"]!.GetValue<string>().Trim().ToLowerInvariant();
        if (!SimulatorData.AtsPushProviders.Contains(provider))
            return Reply.Error(400, "invalid_request_error", "unsupported_ats_provider",
                $"ATS provider '{provider}' is not supported here. Supported: {string.Join(", ", SimulatorData.AtsPushProviders)}.", "ats_name");
        var name = provider;
        if (!x.Data.AtsConnections.Any(c => c.Provider == name && c.IsActive))
            return Reply.Error(400, "invalid_request_error", "ats_not_connected", $"The workspace has no active {provider} connection.", "ats_name");
        return null;
    }

    /// <summary>Matches by ats_candidate_id, then by email (case-insensitive); limit defaults to 10.</summary>
    private static Reply ResolveAtsCandidate(Exchange x)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, new FieldRule[]
        {
            new("ats_name", FieldKind.Text, Nullable: false, Required: true),
            new("email", FieldKind.Text), new("ats_candidate_id", FieldKind.Text), new("limit", FieldKind.Int),
        }, new object[] { "body" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);
        if (AtsProvider(x, body, out var provider) is { } refused) return refused;
        var email = BodyRules.IsString(body["email"], out var e) ? e : null;
        var atsId = BodyRules.IsString(body["ats_candidate_id"], out var a) ? a : null;
        if (email is null && atsId is null)
            return Reply.Validation(new ValidationProblem(new object[] { "body" }, "Value error, provide email or ats_candidate_id to search by", "value_error"));
        var limit = body["limit"] is JsonValue l && l.TryGetValue<int>(out var n) && n > 0 ? n : ResolveDefaultLimit;

        var inAts = x.Data.AtsCandidates.Where(c => c.Provider == provider).ToList();
        var matches = inAts.Where(c => atsId != null && c.AtsCandidateId == atsId).Select(c => (Candidate: c, Reason: "ats_candidate_id"))
            .Concat(inAts.Where(c => email != null && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)).Select(c => (Candidate: c, Reason: "email")))
            .DistinctBy(m => m.Candidate.AtsCandidateId)
            .Take(limit)
            .ToList();
        return Reply.Single(new JsonObject
        {
            ["success"] = true,
            ["status"] = matches.Count > 0 ? "found" : "not_found",
            ["email"] = email,
            ["ats_candidate_id"] = atsId,
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode)LifecycleShapes.CandidateMatch(m.Candidate, m.Reason)).ToArray()),
            ["error"] = null,
        });
    }

    /// <summary>Queues the push and answers {status: queued, item_id}. The ATS changes when the push completes (see AtsPushStatus).</summary>
    private static Reply PushAtsCandidate(Exchange x)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        var at = new object[] { "body" };
        BodyRules.Check(body, new FieldRule[]
        {
            new("ats_name", FieldKind.Text, Nullable: false, Required: true),
            new("posting_id", FieldKind.Text), new("interview_id", FieldKind.Text), new("ingestion_token", FieldKind.Text),
            new("create_submission", FieldKind.Bool, Nullable: false),
        }, at, problems);
        if (!body.TryGetPropertyValue("candidate", out var candidateNode)) problems.Add(new(BodyRules.At(at, "candidate"), "Field required", "missing"));
        else if (candidateNode is JsonObject candidate)
            BodyRules.Check(candidate, new FieldRule[]
            {
                new("ats_candidate_id", FieldKind.Text), new("first_name", FieldKind.Text), new("last_name", FieldKind.Text),
                new("email", FieldKind.Text), new("phone", FieldKind.Text), new("set_heymilo_source", FieldKind.Bool),
            }, BodyRules.At(at, "candidate"), problems);
        else problems.Add(new(BodyRules.At(at, "candidate"), "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
        if (problems.Count > 0) return Reply.Validation(problems);
        if (AtsProvider(x, body, out var provider) is { } refused) return refused;
        if (BodyRules.IsString(body["posting_id"], out var postingId) && x.Data.Posting(postingId) is null)
            return Reply.NotFound("posting", postingId, "posting_id");
        if (BodyRules.IsString(body["interview_id"], out var interviewId) && x.Data.Candidate(interviewId) is null)
            return Reply.NotFound("interview", interviewId, "interview_id");

        var push = x.Data.NewAtsPush(provider, (JsonObject)body.DeepClone());
        return Reply.Single(new JsonObject { ["status"] = "queued", ["item_id"] = push.ItemId, ["error"] = null });
    }

    /// <summary>
    /// Each read moves the push on, deterministically: read 1 'pending', read 2 'processing', read 3 and
    /// later 'completed' — or 'failed' when candidate.ats_candidate_id names no record of that ATS.
    /// </summary>
    private static Reply AtsPushStatus(Exchange x, string itemId)
    {
        if (x.Data.AtsPush(itemId) is not { } push) return Reply.NotFound("push item", itemId, "item_id");
        var now = x.Data.Now();
        push.Reads++;
        if (push.Status is "pending" or "processing")
        {
            var next = push.Reads >= SimulatorData.AtsPushReadsUntilDone ? Finish(x, push, now) : push.Reads == 2 ? "processing" : "pending";
            if (next != push.Status) push.UpdatedAt = now;
            push.Status = next;
        }
        return Reply.Single(LifecycleShapes.PushStatus(push));
    }

    private static string Finish(Exchange x, SimAtsPush push, long now)
    {
        var payload = push.Request["candidate"]!.AsObject();
        string? Field(string name) => BodyRules.IsString(payload[name], out var v) ? v : null;
        var interview = BodyRules.IsString(push.Request["interview_id"], out var interviewId) ? x.Data.Candidate(interviewId) : null;
        var names = interview?.Name.Split(' ', 2) ?? Array.Empty<string>();
        var first = Field("first_name") ?? names.ElementAtOrDefault(0);
        var last = Field("last_name") ?? names.ElementAtOrDefault(1);
        var email = Field("email") ?? interview?.Email;
        var phone = Field("phone") ?? interview?.Phone;

        SimAtsCandidate record;
        string action;
        if (Field("ats_candidate_id") is { } atsId)
        {
            if (x.Data.AtsCandidates.FirstOrDefault(c => c.Provider == push.Provider && c.AtsCandidateId == atsId) is not { } existing)
            {
                push.FailureInstances.Add(new JsonObject
                {
                    ["attempt"] = 1,
                    ["error"] = $"Candidate '{atsId}' was not found in {push.Provider}.",
                    ["occurred_at"] = now,
                });
                return "failed";
            }
            existing.FirstName = first ?? existing.FirstName;
            existing.LastName = last ?? existing.LastName;
            existing.Email = email ?? existing.Email;
            existing.Phone = phone ?? existing.Phone;
            (record, action) = (existing, "updated");
        }
        else
            (record, action) = (x.Data.NewAtsCandidate(push.Provider, first, last, email, phone), "created");

        push.SuccessDetails = new JsonObject { ["ats_candidate_id"] = record.AtsCandidateId, ["action"] = action };
        if (push.Request["create_submission"] is JsonValue s && s.TryGetValue<bool>(out var submit) && submit)
            push.SuccessDetails["submission_id"] = $"SUB-{push.ItemId[5..]}";
        return "completed";
    }
}

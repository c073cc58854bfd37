using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>The JSON of the posting-lifecycle, question, interview-metadata and ATS operations (heymilo-openapi-v2.json).</summary>
internal static class LifecycleShapes
{
    /// <summary>CreatePostingResponse: createPosting and clonePosting.</summary>
    public static JsonObject CreatedPosting(SimPosting p) => new()
    {
        ["object"] = "posting",
        ["id"] = p.Id,
        ["status"] = p.Status,
        ["urls"] = Shapes.Urls(p),
        ["created_at"] = p.CreatedAt,
        ["posting"] = Shapes.Posting(p),
    };

    public static JsonObject PostingSummary(SimPosting p) => new()
    {
        ["object"] = "posting_summary",
        ["id"] = p.Id,
        ["title"] = p.Title,
        ["name"] = p.Name,
    };

    public static JsonObject PostingStats(SimPosting p)
    {
        var scored = p.Candidates.Where(c => c.Score is not null).Select(c => c.Score!.Value).ToList();
        double? Average(string agentType) =>
            p.Workflow.Any(s => s.Type == agentType) && scored.Count > 0 ? Math.Round(scored.Average(), 1) : null;
        return new JsonObject
        {
            ["object"] = "posting_stats",
            ["posting_id"] = p.Id,
            ["title"] = p.Title,
            ["name"] = p.Name,
            ["total_candidates"] = p.Candidates.Count,
            ["completed_interviews"] = p.Candidates.Count(c => Shapes.Candidate(c)["workflow"]?["all_complete"]?.GetValue<bool>() == true),
            ["average_interview_score"] = Average("web_interview"),
            ["average_resume_score"] = Average("resume"),
        };
    }

    /// <summary>QuestionResponse: every property; those that do not apply to the modality are null.</summary>
    public static JsonObject Question(SimQuestion q)
    {
        var shape = new JsonObject
        {
            ["object"] = "question",
            ["id"] = q.Id,
            ["posting_id"] = q.Posting.Id,
            ["modality"] = q.Modality,
            ["text"] = q.Text,
            ["rank"] = q.Rank,
        };
        foreach (var name in QuestionRules.OptionalFields) shape[name] = q.Fields[name]?.DeepClone();
        shape["created_at"] = q.CreatedAt;
        shape["updated_at"] = q.UpdatedAt;
        return shape;
    }

    public static JsonObject Metadata(SimCandidate c) => new()
    {
        ["object"] = "metadata",
        ["metadata"] = c.Metadata?.DeepClone() ?? new JsonObject(),
    };

    public static JsonObject Ingestion(SimIngestion ingestion) => new()
    {
        ["object"] = "ingestion",
        ["ingestion_id"] = ingestion.Id,
        ["status"] = "queued",
    };

    public static JsonObject AtsConnection(SimAtsConnection c) => new()
    {
        ["integration_id"] = c.IntegrationId,
        ["ats_provider"] = c.Provider,
        ["source"] = c.Source,
        ["display_name"] = c.DisplayName,
        ["is_active"] = c.IsActive,
        ["created_at"] = c.CreatedAt,
        ["updated_at"] = c.CreatedAt,
    };

    public static JsonObject CandidateMatch(SimAtsCandidate c, string reason) => new()
    {
        ["ats_candidate_id"] = c.AtsCandidateId,
        ["first_name"] = c.FirstName,
        ["last_name"] = c.LastName,
        ["email"] = c.Email,
        ["email2"] = null,
        ["email3"] = null,
        ["phone"] = c.Phone,
        ["status"] = c.Status,
        ["match_reason"] = reason,
    };

    public static JsonObject PushStatus(SimAtsPush push) => new()
    {
        ["item_id"] = push.ItemId,
        ["status"] = push.Status,
        ["event_type"] = "candidate_push",
        ["retry_count"] = push.RetryCount,
        ["failure_instances"] = push.FailureInstances.DeepClone(),
        ["success_details"] = push.SuccessDetails?.DeepClone(),
        ["created_at"] = push.CreatedAt,
        ["updated_at"] = push.UpdatedAt,
    };
}

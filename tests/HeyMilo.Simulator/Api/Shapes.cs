using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>The JSON the API sends for each object, v2 (see heymilo-openapi-v2.json) and legacy.</summary>
internal static class Shapes
{
    /// <summary>PostingResponse: identity and state, then the configured settings and workflow (PostingConfiguration.cs).</summary>
    public static JsonObject Posting(SimPosting p)
    {
        var shape = new JsonObject
        {
            ["object"] = "posting",
            ["id"] = p.Id,
            ["company_id"] = "cmp_sim0001",
            ["title"] = p.Title,
            ["name"] = p.Name,
            ["status"] = p.Status,
            ["finalized"] = p.Finalized,
            ["archived"] = p.Archived,
            ["test_posting"] = false,
            ["workflow"] = new JsonArray(p.Workflow.OrderBy(s => s.Order).Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id, ["type"] = s.Type, ["order"] = s.Order, ["config"] = s.Config.DeepClone(),
            }).ToArray()),
            ["urls"] = Urls(p),
            ["ats_metadata"] = p.AtsMetadata?.DeepClone(),
            ["created_at"] = p.CreatedAt,
            ["updated_at"] = p.UpdatedAt,
        };
        foreach (var name in SimPosting.SettingNames) shape[name] = p.Settings[name]?.DeepClone();
        return shape;
    }

    public static JsonObject Urls(SimPosting p) => new()
    {
        ["candidate_url"] = "https://candidates.heymilo.io/acme/" + p.Name,
        ["ingestion_url_key"] = p.IngestionKey,
        ["review_url"] = $"https://admin.heymilo.ai/w/SIM001/lab2/{p.Id}/1-details",
    };

    public static JsonObject LegacyPosting(SimPosting p) => new()
    {
        ["posting_id"] = p.Id,
        ["title"] = p.Title,
        ["name"] = p.Name,
        ["description"] = $"<p>{p.Title} at Acme. Simulated posting.</p>",
        ["company_id"] = "cmp_sim0001",
        ["created_at"] = (double)p.CreatedAt,
        ["last_updated"] = (double)p.UpdatedAt,
        ["archived"] = p.Archived,
        ["deadline"] = null,
        ["finalized"] = p.Finalized,
        ["phone_number_id"] = null,
        ["root_level_configs"] = new JsonObject { ["instructions"] = "Be kind.", ["language"] = "en", ["interviewer_name"] = "Milo" },
        ["agentic_workflow"] = new JsonArray(
            new JsonObject { ["type"] = "resume", ["unique_id"] = "agent_rs_001", ["config"] = new JsonObject() },
            new JsonObject { ["type"] = "web_interview", ["unique_id"] = "agent_vi_001", ["config"] = new JsonObject() }),
    };

    public static string InterviewUrl(SimCandidate c) => $"https://candidates.heymilo.io/acme/{c.Posting.Name}?interview={c.InterviewId}";

    /// <summary>What CandidateResponse and InterviewDataResponse share.</summary>
    private static JsonObject Person(SimCandidate c, string objectType) => new()
    {
        ["object"] = objectType,
        ["interview_id"] = c.InterviewId,
        ["candidate_id"] = c.CandidateId,
        ["posting_id"] = c.Posting.Id,
        ["name"] = c.Name,
        ["email"] = c.Email,
        ["score"] = c.Score,
        ["status"] = c.Status,
        ["workflow"] = Workflow(c),
    };

    public static JsonObject Candidate(SimCandidate c) => With(Person(c, "candidate"), new()
    {
        ["interview_url"] = InterviewUrl(c),
        ["agent_summary"] = SimulatorData.IsScored(c.Status)
            ? new JsonObject
            {
                ["resume"] = new JsonObject { ["resume_score"] = c.Score, ["is_eligible"] = c.Status != "knocked_out", ["resume_link"] = null },
                ["web_interview"] = new JsonObject { ["score"] = c.Score, ["highlights"] = new JsonArray("Clear communicator"), ["audio_recording_link"] = null, ["video_recording_link"] = null },
                ["sms"] = null,
                ["form"] = null,
            }
            : null,
        ["shortlisted"] = c.Status == "shortlisted",
        ["dismissed"] = c.Status == "dismissed",
        ["metadata"] = c.Metadata?.DeepClone() ?? new JsonObject(),
        ["data"] = c.Data?.DeepClone() ?? new JsonObject(),
        ["interviewed_at"] = c.InterviewedAt,
        ["created_at"] = c.CreatedAt,
    });

    public static JsonObject InterviewData(SimCandidate c)
    {
        var done = SimulatorData.IsScored(c.Status);
        return With(Person(c, "interview_data"), new JsonObject
        {
            ["web_interview"] = done
                ? new JsonObject
                {
                    ["object"] = "web_interview_result",
                    ["interview_id"] = c.InterviewId,
                    ["match_score"] = c.Score is double s ? (int)Math.Round(s) : null,
                    ["highlights"] = new JsonArray("Explained past projects clearly", "Strong on fundamentals"),
                    ["lowlights"] = new JsonArray("Little experience with the team's stack"),
                    ["scorecard"] = new JsonArray(c.Posting.ActiveQuestions("voice").Where(q => q.Fields["not_scored"]?.GetValue<bool>() != true).Take(1).Select(q => (JsonNode)new JsonObject
                    {
                        ["question_id"] = q.Id, ["question_text"] = q.Text, ["score"] = 4, ["score_weight"] = q.Fields["score_weight"]?.DeepClone() ?? 5,
                        ["evaluation_summary"] = "Specific and well structured.", ["evaluation_criteria"] = q.Fields["evaluation_criteria"]?.DeepClone() ?? "",
                        ["score_1_description"] = q.Fields["score_of_1"]?.DeepClone(), ["score_5_description"] = q.Fields["score_of_5"]?.DeepClone(),
                        ["not_scored"] = false, ["rank"] = q.Rank,
                        ["transcript"] = new JsonArray(new JsonObject { ["speaker"] = "candidate", ["text"] = "I rebuilt our deployment pipeline.", ["timestamp"] = 4.2, ["timestamp_str"] = "00:04" }),
                    }).ToArray()),
                    ["speech_score"] = null,
                    ["transcript"] = new JsonArray(
                        new JsonObject { ["speaker"] = "interviewer", ["text"] = "Tell us about a project you are proud of.", ["timestamp"] = 0.0, ["timestamp_str"] = "00:00" },
                        new JsonObject { ["speaker"] = "candidate", ["text"] = "I rebuilt our deployment pipeline.", ["timestamp"] = 4.2, ["timestamp_str"] = "00:04" }),
                    ["audio_recording_url"] = $"https://recordings.heymilo.ai/{c.InterviewId}.mp3",
                    ["video_recording_url"] = null,
                    ["tags"] = new JsonArray(),
                }
                : null,
            ["resume"] = done
                ? new JsonObject
                {
                    ["object"] = "resume_result", ["interview_id"] = c.InterviewId, ["overall_score"] = c.Score, ["is_eligible"] = c.Status != "knocked_out",
                    ["score_criteria"] = new JsonArray(), ["eligibility_criteria"] = new JsonArray(), ["resume_url"] = null,
                }
                : null,
            ["sms"] = null,
            ["form"] = null,
            ["cheat_detection"] = done
                ? new JsonObject
                {
                    ["object"] = "cheat_detection", ["overall_confidence"] = 0.05, ["overall_ranking"] = 1, ["enabled"] = true,
                    ["threshold"] = 70, ["types"] = new JsonArray("tab_switching", "ai_scripted_answer"), ["web_interview"] = null, ["resume"] = null,
                }
                : null,
            ["metadata"] = c.Metadata?.DeepClone() ?? new JsonObject(),
            ["data"] = c.Data?.DeepClone() ?? new JsonObject(),
        });
    }

    private static JsonObject With(JsonObject target, JsonObject more)
    {
        foreach (var (name, value) in more.ToList())
        {
            more.Remove(name);
            target[name] = value;
        }
        return target;
    }

    public static JsonObject LegacyCandidate(SimCandidate c) => new()
    {
        ["interview_id"] = c.InterviewId,
        ["details"] = new JsonObject
        {
            ["name"] = c.Name, ["email"] = c.Email, ["phone_number"] = c.Phone, ["status"] = c.Status, ["score"] = c.Score, ["created_at"] = (double)c.CreatedAt,
        },
        ["workflow"] = Workflow(c),
        ["agentic_data"] = SimulatorData.IsScored(c.Status) ? new JsonObject { ["web_interview"] = new JsonObject { ["match_score"] = c.Score } } : new JsonObject(),
        ["company_name"] = "Acme",
        ["company_image"] = "https://cdn.heymilo.ai/acme.png",
        ["posting_title"] = c.Posting.Title,
        ["posting_interview_type"] = "web",
        ["posting_id"] = c.Posting.Id,
    };

    public static JsonObject Webhook(SimWebhook w) => new()
    {
        ["object"] = "webhook",
        ["webhook_id"] = w.Id,
        ["posting_id"] = w.PostingId,
        ["webhook_url"] = w.Url,
        ["event_type"] = w.EventType,
        ["is_active"] = w.IsActive,
        ["created_at"] = w.CreatedAt,
        ["updated_at"] = w.UpdatedAt,
    };

    public static JsonObject LegacyWebhook(SimWebhook w) => new()
    {
        ["webhook_id"] = w.Id,
        ["posting_id"] = w.PostingId,
        ["url"] = w.Url,
        ["event_type"] = w.EventType,
        ["http_method"] = w.HttpMethod,
        ["is_active"] = w.IsActive,
        ["created_at"] = (double)w.CreatedAt,
    };

    private static JsonObject Workflow(SimCandidate c)
    {
        var (resume, interview) = c.Status switch
        {
            "pending" => ("not_started", "not_started"),
            "in_progress" => ("completed", "in_progress"),
            "knocked_out" => ("knocked_out", "not_started"),
            _ => ("completed", "completed"),
        };
        var last = c.InterviewedAt ?? c.CreatedAt;
        return new JsonObject
        {
            ["steps"] = new JsonArray(c.Posting.Workflow.OrderBy(s => s.Order).Select(s => (JsonNode)Step(s.Id, s.Order, s.Type == "resume" ? resume : interview, last)).ToArray()),
            ["all_complete"] = resume == "completed" && interview == "completed",
            ["last_activity_at"] = last,
        };
    }

    private static JsonObject Step(string id, int order, string status, long at) => new()
    {
        ["step_id"] = id,
        ["order"] = order,
        ["status"] = status,
        ["started"] = status != "not_started",
        ["completed"] = status == "completed",
        ["knocked_out"] = status == "knocked_out",
        ["last_updated_at"] = status == "not_started" ? null : at,
    };
}

using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>An interview's key-value metadata (getInterviewMetadata, setInterviewMetadata, deleteInterviewMetadata).</summary>
internal static partial class V2Api
{
    private static Reply? InterviewMetadataRoutes(Exchange x)
    {
        if (!x.Is(x.Method, "api", "v2", "interviews", "*", "metadata")) return null;
        if (x.Data.Candidate(x.Segments[3]) is not { } candidate) return x.Method is "GET" or "POST" or "DELETE"
            ? Reply.NotFound("interview", x.Segments[3], "interview_id")
            : null;
        return x.Method switch
        {
            "GET" => Reply.Single(LifecycleShapes.Metadata(candidate)),
            "POST" => SetInterviewMetadata(x, candidate),
            "DELETE" => DeleteInterviewMetadata(x, candidate),
            _ => null,
        };
    }

    /// <summary>
    /// "Set or update": the keys sent are set, other keys stay. The limits (50 keys of at most 40
    /// characters, string values of at most 500) hold for the request and for the merged result.
    /// </summary>
    private static Reply SetInterviewMetadata(Exchange x, SimCandidate candidate)
    {
        if (x.JsonBody(out var problem) is not { } body) return problem!;
        var problems = new List<ValidationProblem>();
        BodyRules.Check(body, new[] { new FieldRule("metadata", FieldKind.Metadata, Nullable: false, Required: true) }, new object[] { "body" }, problems);
        if (problems.Count > 0) return Reply.Validation(problems);
        var merged = (JsonObject?)candidate.Metadata?.DeepClone() ?? new JsonObject();
        foreach (var (key, value) in body["metadata"]!.AsObject()) merged[key] = value!.DeepClone();
        if (merged.Count > BodyRules.MetadataMaxKeys)
            return Reply.Validation(new ValidationProblem(new object[] { "body", "metadata" },
                $"Value error, the interview would have {merged.Count} metadata keys; at most {BodyRules.MetadataMaxKeys} are allowed", "value_error"));
        candidate.Metadata = merged;
        return Reply.Single(LifecycleShapes.Metadata(candidate));
    }

    /// <summary>Removes every key; answers with the (now empty) metadata.</summary>
    private static Reply DeleteInterviewMetadata(Exchange x, SimCandidate candidate)
    {
        candidate.Metadata = new JsonObject();
        return Reply.Single(LifecycleShapes.Metadata(candidate));
    }
}

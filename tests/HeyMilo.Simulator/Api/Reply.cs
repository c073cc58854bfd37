using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeyMilo.Simulator.Api;

/// <summary>An answer decided by a handler, written (or replaced by a fault) by the host.</summary>
internal sealed record Reply(int Status, string Body)
{
    public static Reply Json(int status, JsonNode body) => new(status, body.ToJsonString());

    public static Reply Ok(JsonNode body) => Json(200, body);

    /// <summary>v2 single-object envelope.</summary>
    public static Reply Single(JsonNode data, int status = 200) => Json(status, new JsonObject { ["data"] = data, ["meta"] = new JsonObject() });

    /// <summary>v2 list envelope.</summary>
    public static Reply List(IEnumerable<JsonNode> items, bool hasMore, int totalCount, string url) => Ok(new JsonObject
    {
        ["data"] = new JsonArray(items.ToArray()),
        ["pagination"] = new JsonObject { ["has_more"] = hasMore, ["total_count"] = totalCount, ["url"] = url },
    });

    /// <summary>Bytes to send instead of Body, with their content type (binary answers such as audio).</summary>
    public byte[]? Bytes { get; init; }
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>v2 error envelope {error:{type,code,message,param,doc_url,errors[]}}; errors holds per-field details (APIErrorDetail).</summary>
    public static Reply Error(int status, string type, string code, string message, string? param = null, IEnumerable<(string Code, string Message, string? Param)>? errors = null) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["type"] = type,
            ["code"] = code,
            ["message"] = message,
            ["param"] = param,
            ["doc_url"] = "https://docs.heymilo.ai/errors#" + code,
            ["errors"] = new JsonArray((errors ?? Enumerable.Empty<(string, string, string?)>())
                .Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["param"] = e.Param }).ToArray()),
        },
    });

    public static Reply NotFound(string what, string id, string param) =>
        Error(404, "invalid_request_error", "resource_missing", $"No such {what}: '{id}'", param);

    /// <summary>FastAPI-style 422 {detail:[{loc,msg,type}]}.</summary>
    public static Reply Validation(IEnumerable<ValidationProblem> problems) => Json(422, new JsonObject
    {
        ["detail"] = new JsonArray(problems.Select(p => (JsonNode)new JsonObject
        {
            ["loc"] = new JsonArray(p.Location.Select(l => l is int i ? JsonValue.Create(i) : (JsonNode?)JsonValue.Create(l.ToString())).ToArray()),
            ["msg"] = p.Message,
            ["type"] = p.Type,
        }).ToArray()),
    });

    public static Reply Validation(params ValidationProblem[] problems) => Validation((IEnumerable<ValidationProblem>)problems);

    /// <summary>The legacy API's FastAPI-style error {detail:"..."}.</summary>
    public static Reply Legacy(int status, string message) => Json(status, new JsonObject { ["detail"] = message });

    /// <summary>What a fault with only a status answers with.</summary>
    public static Reply ForStatus(int status) => status switch
    {
        >= 200 and < 300 => Ok(new JsonObject()),
        400 => Error(400, "invalid_request_error", "bad_request", "Simulated bad request."),
        401 => Error(401, "authentication_error", "invalid_api_key", "Invalid API key provided."),
        403 => Error(403, "permission_error", "forbidden", "This API key may not do that."),
        404 => Error(404, "invalid_request_error", "resource_missing", "No such resource."),
        409 => Error(409, "invalid_request_error", "conflict", "Simulated conflict."),
        422 => Validation(new ValidationProblem(new object[] { "body" }, "Simulated validation failure", "value_error")),
        429 => Error(429, "rate_limit_error", "rate_limit_exceeded", "Too many requests. Slow down."),
        _ => Error(status, "api_error", "internal_error", "Simulated server failure."),
    };
}

internal sealed record ValidationProblem(object[] Location, string Message, string Type);

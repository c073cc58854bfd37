using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HeyMilo.Simulator.Api;

/// <summary>One request as the handlers see it: method, path segments, query and body.</summary>
internal sealed class Exchange
{
    public Exchange(HttpContext http, string body, SimulatorData data, SimulatorOptions options, ExportJobs exports)
    {
        Http = http;
        Body = body;
        Data = data;
        Options = options;
        Exports = exports;
        Method = http.Request.Method.ToUpperInvariant();
        Segments = (http.Request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
    }

    public HttpContext Http { get; }
    public string Body { get; }
    public SimulatorData Data { get; }
    public SimulatorOptions Options { get; }
    public ExportJobs Exports { get; }
    public string Method { get; }
    public string[] Segments { get; }

    /// <summary>Method and path shape, e.g. Is("GET", "api", "v2", "postings", "*").</summary>
    public bool Is(string method, params string[] pattern) =>
        Method == method && pattern.Length == Segments.Length &&
        pattern.Zip(Segments).All(p => p.First == "*" || string.Equals(p.First, p.Second, StringComparison.Ordinal));

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>An integer query parameter within bounds, or a 422 in <paramref name="problem"/>.</summary>
    public int QueryInt(string name, int fallback, int min, int max, ref Reply? problem)
    {
        var raw = Query(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            problem = Reply.Validation(new ValidationProblem(new object[] { "query", name }, "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
            return fallback;
        }
        if (value < min || value > max)
        {
            problem = Reply.Validation(new ValidationProblem(new object[] { "query", name },
                value < min ? $"Input should be greater than or equal to {min}" : $"Input should be less than or equal to {max}",
                value < min ? "greater_than_equal" : "less_than_equal"));
            return fallback;
        }
        return value;
    }

    /// <summary>The body as a JSON object, or null (with a 422 in <paramref name="problem"/>).</summary>
    public JsonObject? JsonBody(out Reply? problem)
    {
        problem = null;
        try
        {
            if (JsonNode.Parse(Body) is JsonObject obj) return obj;
        }
        catch (JsonException)
        {
        }
        problem = Reply.Validation(new ValidationProblem(new object[] { "body" }, "JSON object expected", "model_attributes_type"));
        return null;
    }

    /// <summary>The host:port clients used to reach this server.</summary>
    public int Port => Http.Connection.LocalPort;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using HeyMilo.Simulator;
using Xunit;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// What the module sent, held to heymilo-openapi-v2.json: each captured request body must validate against
    /// the operation's request schema (required properties, types, lengths, ranges, enums, and no property the
    /// document does not declare).
    /// </summary>
    public static class RequestContract
    {
        /// <summary>Parses the body of <paramref name="request"/> after checking it against the request schema of <paramref name="method"/> <paramref name="specPath"/>.</summary>
        public static JsonElement Valid(RecordedRequest request, string method, string specPath)
        {
            Assert.Equal(method, request.Method);
            using var body = JsonDocument.Parse(request.Body);
            var problems = OpenApiDocument.RequestProblems(method, specPath, body.RootElement);
            Assert.True(problems.Count == 0,
                $"{method} {request.Path} sent a body that does not validate against {specPath}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}{request.Body}");
            return body.RootElement.Clone();
        }

        /// <summary>The property names of a JSON object, in order.</summary>
        public static string[] Names(JsonElement body) => body.EnumerateObject().Select(p => p.Name).ToArray();

        /// <summary>The requests of one method whose path is exactly <paramref name="path"/> or matches it with '*' for one segment.</summary>
        public static IReadOnlyList<RecordedRequest> Matching(SimulatorHost sim, string method, string path)
        {
            var pattern = path.Trim('/').Split('/');
            return sim.Requests.Snapshot().Where(r =>
            {
                if (r.Method != method) return false;
                var segments = r.Path.Trim('/').Split('/');
                return segments.Length == pattern.Length && pattern.Zip(segments).All(p => p.First == "*" || p.First == p.Second);
            }).ToList();
        }

        /// <summary>Requests that change something (anything but GET).</summary>
        public static IReadOnlyList<RecordedRequest> Writes(SimulatorHost sim) => sim.Requests.Snapshot().Where(r => r.Method != "GET").ToList();
    }
}

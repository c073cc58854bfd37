using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using HeyMilo.Simulator;
using Xunit;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// Holds what the module sent to the simulator to heymilo-openapi-v2.json: every request body must fit the
    /// request schema of its operation (OpenApiDocument.Check, complete: false — required properties there, no
    /// undocumented ones, JSON types, lengths and ranges as documented).
    /// </summary>
    internal static class SentRequests
    {
        /// <summary>The document's path templates, longest (most literal) first, as regexes over a request path.</summary>
        private static readonly Lazy<List<(Regex Pattern, string Template)>> s_templates = new(() =>
            OpenApiDocument.Root.GetProperty("paths").EnumerateObject()
                .Select(p => p.Name)
                .OrderByDescending(t => t.Count(c => c == '/'))
                .ThenBy(t => t.Count(c => c == '{'))
                .Select(t => (new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{[^}]+}", "[^/]+") + "$"), t))
                .ToList());

        /// <summary>The document's path template for a request path, e.g. /api/v2/interviews/{interview_id}/metadata.</summary>
        public static string Template(string path) =>
            s_templates.Value.FirstOrDefault(t => t.Pattern.IsMatch(path)).Template
            ?? throw new InvalidOperationException("The document has no path for " + path);

        /// <summary>Every v2 request with a body fits its operation's request schema; returns how many were checked.</summary>
        public static int AssertAllMatchTheDocument(IEnumerable<RecordedRequest> requests)
        {
            var problems = new List<string>();
            var checkedCount = 0;
            foreach (var request in requests.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)))
            {
                var template = Template(request.Path);
                var schema = OpenApiDocument.RequestSchema(request.Method, template);
                if (schema is null)
                {
                    if (request.Body.Length > 0) problems.Add($"{request}: {request.Method} {template} documents no body, but one was sent: {request.Body}");
                    continue;
                }
                checkedCount++;
                using var body = JsonDocument.Parse(request.Body);
                foreach (var problem in OpenApiDocument.Check(schema.Value, body.RootElement, complete: false))
                    problems.Add($"{request}: {problem}{Environment.NewLine}    {request.Body}");
            }
            Assert.True(problems.Count == 0, "Requests that do not fit the document:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
            return checkedCount;
        }
    }
}

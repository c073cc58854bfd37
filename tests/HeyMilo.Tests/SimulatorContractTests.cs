using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The simulator is what users dry-run against, so its answers must have the shapes of
    /// heymilo-openapi-v2.json completely: every documented property and no other, of the documented JSON
    /// type, at every level. Here: the postings, candidates, interviews and webhooks routes, and the checker
    /// (<see cref="OpenApiDocument"/>) itself. Only HTTP is involved, so each test starts a simulator and no
    /// PowerShell runspace.
    /// </summary>
    public sealed class SimulatorContractTests : SimulatorOnlyTestBase
    {
        private async Task AssertAnswer(string method, string path, string specPath, int status, string? body = null, string? key = MiloTestBase.Key)
        {
            var (actual, text) = await SimulatorHttp.SendAsync(Http, method, path, body, key);
            Assert.True(status == actual, $"{method} {path}: expected {status}, got {actual}: {text}");
            using var answer = JsonDocument.Parse(text);
            OpenApiDocument.AssertAnswer(method, specPath, status, answer.RootElement);
        }

        [Theory]
        [InlineData("GET", "/api/v2/postings?limit=3", "/api/v2/postings", 200, null)]
        [InlineData("GET", "/api/v2/postings/{posting}", "/api/v2/postings/{posting_id}", 200, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/clone", "/api/v2/postings/{posting_id}/clone", 201, null)]
        [InlineData("GET", "/api/v2/postings/{posting}/candidates?limit=5", "/api/v2/postings/{posting_id}/candidates", 200, null)]
        [InlineData("GET", "/api/v2/postings/{posting}/candidates?limit=20", "/api/v2/postings/{posting_id}/candidates", 200, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates", "/api/v2/postings/{posting_id}/candidates", 201, "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone_number\":\"+12065551234\",\"metadata\":{\"k\":\"v\"}}")]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates/bulk", "/api/v2/postings/{posting_id}/candidates/bulk", 201, "{\"data\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"}]}")]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates/bulk", "/api/v2/postings/{posting_id}/candidates/bulk", 201, "{\"data\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},{\"name\":\"Alan\",\"email\":\"alan@example.com\"}]}")]
        [InlineData("GET", "/api/v2/interviews/{interview}/data", "/api/v2/interviews/{interview_id}/data", 200, null)]
        [InlineData("GET", "/api/v2/webhooks", "/api/v2/webhooks", 200, null)]
        [InlineData("GET", "/api/v2/webhooks?limit=2", "/api/v2/webhooks", 200, null)]
        [InlineData("POST", "/api/v2/webhooks", "/api/v2/webhooks", 201, "{\"posting_id\":\"{posting}\",\"webhook_url\":\"https://hooks.example/x\",\"event_type\":\"interview_completed\"}")]
        [InlineData("GET", "/api/v2/webhooks/{webhook}", "/api/v2/webhooks/{webhook_id}", 200, null)]
        [InlineData("DELETE", "/api/v2/webhooks/{webhook}", "/api/v2/webhooks/{webhook_id}", 200, null)]
        [InlineData("GET", "/api/v2/postings/pst_missing", "/api/v2/postings/{posting_id}", 404, null)]
        [InlineData("GET", "/api/v2/postings?limit=101", "/api/v2/postings", 422, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates/bulk", "/api/v2/postings/{posting_id}/candidates/bulk", 422, "{\"data\":[{\"name\":\"Ada\",\"email\":\"not-an-email\"}]}")]
        public async Task Answers_carry_every_documented_property_and_no_other(string method, string path, string specPath, int status, string? body)
        {
            string Fill(string s) => s.Replace("{posting}", Sim.Data.PostingIds[0]).Replace("{interview}", Sim.Data.CandidateInterviewIds(Sim.Data.PostingIds[0])[0])
                .Replace("{webhook}", Sim.Data.WebhookIds[0]);
            await AssertAnswer(method, Fill(path), specPath, status, body is null ? null : Fill(body));
        }

        [Fact]
        public async Task A_missing_key_is_a_401_error_envelope()
        {
            await AssertAnswer("GET", "/api/v2/postings", "/api/v2/postings", 401, key: null);
        }

        [Fact]
        public void The_checker_itself_reports_a_missing_required_field_and_a_wrong_type()
        {
            using var doc = JsonDocument.Parse("{\"webhook_id\":\"w\",\"posting_id\":\"p\",\"webhook_url\":\"u\",\"event_type\":\"e\",\"is_active\":\"yes\",\"created_at\":1}");
            var problems = OpenApiDocument.Check(OpenApiDocument.Schema("WebhookResponse"), doc.RootElement, complete: true);
            Assert.Contains(problems, p => p.Contains("updated_at"));
            Assert.Contains(problems, p => p.Contains("is_active"));
        }

        [Fact]
        public void The_checker_itself_reports_a_wrong_const_and_a_value_outside_an_enum()
        {
            using var doc = JsonDocument.Parse("{\"object\":\"posting\",\"id\":\"v\",\"provider\":\"p\",\"provider_voice_id\":\"p\",\"name\":\"n\",\"created_at\":1,\"updated_at\":1}");
            Assert.Contains(OpenApiDocument.Check(OpenApiDocument.Schema("VoiceResponse"), doc.RootElement, complete: true), p => p.Contains("$.object") && p.Contains("const"));
            using var modality = JsonDocument.Parse("\"telepathy\"");
            var schema = OpenApiDocument.QueryParameter("GET", "/api/v2/postings/{posting_id}/questions", "modality")!.Value;
            Assert.Contains(OpenApiDocument.Check(schema, modality.RootElement, complete: false), p => p.Contains("not one of"));
        }

        [Fact]
        public void The_checker_itself_reports_missing_and_undocumented_properties_bad_values_and_bad_requests()
        {
            using var question = JsonDocument.Parse("{\"object\":\"question\",\"id\":\"q\",\"posting_id\":\"p\",\"modality\":\"voice\",\"text\":\"t\",\"surprise\":1}");
            var problems = OpenApiDocument.Check(OpenApiDocument.Schema("QuestionResponse"), question.RootElement, complete: true);
            Assert.Contains(problems, p => p.Contains("'rank' is missing"));
            Assert.Contains(problems, p => p.Contains("'surprise' is not a documented property"));

            using var summary = JsonDocument.Parse("{\"object\":\"posting\",\"id\":\"p\",\"title\":\"t\",\"name\":null}");
            Assert.Contains(OpenApiDocument.Check(OpenApiDocument.Schema("PostingSummary"), summary.RootElement, complete: true), p => p.Contains("constant"));

            using var fine = JsonDocument.Parse("{\"title\":\"Nurse\",\"workflow\":[{\"type\":\"resume\",\"config\":{\"num_criteria_questions\":3}}]}");
            Assert.Empty(OpenApiDocument.RequestProblems("POST", "/api/v2/postings", fine.RootElement));
            using var bad = JsonDocument.Parse("{\"title\":\"Nurse\",\"max_retakes\":6,\"colour\":\"red\",\"workflow\":[{\"type\":\"resume\",\"config\":{\"num_criteria_questions\":16}}]}");
            var badProblems = OpenApiDocument.RequestProblems("POST", "/api/v2/postings", bad.RootElement);
            Assert.Contains(badProblems, p => p.Contains("max_retakes"));
            Assert.Contains(badProblems, p => p.Contains("'colour' is not a documented property"));
            Assert.Contains(badProblems, p => p.Contains("oneOf"));
        }
    }
}

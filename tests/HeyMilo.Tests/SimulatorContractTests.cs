using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;
using static HeyMilo.Tests.Infrastructure.OpenApiContract;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The simulator is what users dry-run against, so its answers must have the shapes of
    /// heymilo-openapi-v2.json: every required field, of the documented JSON type, at every level.
    /// </summary>
    public class SimulatorContractTests : MiloTestBase
    {
        private async Task<(int Status, JsonElement Body)> Call(string method, string path, string? body = null, string? key = Key)
        {
            using var http = new HttpClient { BaseAddress = Sim.BaseUri };
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (key != null) request.Headers.Add("X-API-KEY", key);
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return ((int)response.StatusCode, doc.RootElement.Clone());
        }

        [Theory]
        [InlineData("GET", "/api/v2/postings?limit=3", "/api/v2/postings", 200, null)]
        [InlineData("GET", "/api/v2/postings/{posting}", "/api/v2/postings/{posting_id}", 200, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/clone", "/api/v2/postings/{posting_id}/clone", 201, null)]
        [InlineData("GET", "/api/v2/postings/{posting}/candidates?limit=5", "/api/v2/postings/{posting_id}/candidates", 200, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates", "/api/v2/postings/{posting_id}/candidates", 201, "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone_number\":\"+12065551234\",\"metadata\":{\"k\":\"v\"}}")]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates/bulk", "/api/v2/postings/{posting_id}/candidates/bulk", 201, "{\"data\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},{\"name\":\"Alan\",\"email\":\"alan@example.com\"}]}")]
        [InlineData("GET", "/api/v2/interviews/{interview}/data", "/api/v2/interviews/{interview_id}/data", 200, null)]
        [InlineData("GET", "/api/v2/webhooks?limit=2", "/api/v2/webhooks", 200, null)]
        [InlineData("POST", "/api/v2/webhooks", "/api/v2/webhooks", 201, "{\"posting_id\":\"{posting}\",\"webhook_url\":\"https://hooks.example/x\",\"event_type\":\"interview_completed\"}")]
        [InlineData("GET", "/api/v2/webhooks/{webhook}", "/api/v2/webhooks/{webhook_id}", 200, null)]
        [InlineData("DELETE", "/api/v2/webhooks/{webhook}", "/api/v2/webhooks/{webhook_id}", 200, null)]
        [InlineData("GET", "/api/v2/postings/pst_missing", "/api/v2/postings/{posting_id}", 404, null)]
        [InlineData("GET", "/api/v2/postings?limit=101", "/api/v2/postings", 422, null)]
        [InlineData("POST", "/api/v2/postings/{posting}/candidates/bulk", "/api/v2/postings/{posting_id}/candidates/bulk", 422, "{\"data\":[{\"name\":\"Ada\",\"email\":\"not-an-email\"}]}")]
        public async Task Answers_have_the_documented_shape(string method, string path, string specPath, int status, string? body)
        {
            string Fill(string s) => s.Replace("{posting}", Sim.Data.PostingIds[0]).Replace("{interview}", Sim.Data.CandidateInterviewIds(Sim.Data.PostingIds[0])[0])
                .Replace("{webhook}", Sim.Data.WebhookIds[0]);
            var (actual, json) = await Call(method, Fill(path), body is null ? null : Fill(body));

            Assert.Equal(status, actual);
            var problems = new List<string>();
            Check(ResponseSchema(method, specPath, status), json, "$", problems);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + json);
        }

        [Fact]
        public async Task A_missing_key_is_a_401_error_envelope()
        {
            var (status, json) = await Call("GET", "/api/v2/postings", key: null);
            Assert.Equal(401, status);
            var problems = new List<string>();
            Check(ResponseSchema("GET", "/api/v2/postings", 401), json, "$", problems);
            Assert.Empty(problems);
        }

        [Fact]
        public void The_checker_itself_reports_a_missing_required_field_and_a_wrong_type()
        {
            var schema = OpenApiContract.Schema("WebhookResponse");
            using var doc = JsonDocument.Parse("{\"webhook_id\":\"w\",\"posting_id\":\"p\",\"webhook_url\":\"u\",\"event_type\":\"e\",\"is_active\":\"yes\",\"created_at\":1}");
            var problems = new List<string>();
            Check(schema, doc.RootElement, "$", problems);
            Assert.Contains(problems, p => p.Contains("updated_at"));
            Assert.Contains(problems, p => p.Contains("is_active"));
        }

        [Fact]
        public void The_checker_itself_reports_a_wrong_const_and_a_value_outside_an_enum()
        {
            using var doc = JsonDocument.Parse("{\"object\":\"posting\",\"id\":\"v\",\"provider\":\"p\",\"provider_voice_id\":\"p\",\"name\":\"n\",\"created_at\":1,\"updated_at\":1}");
            Assert.Contains(Problems(Schema("VoiceResponse"), doc.RootElement), p => p.Contains("$.object") && p.Contains("const"));
            using var modality = JsonDocument.Parse("\"telepathy\"");
            var schema = QueryParameter("GET", "/api/v2/postings/{posting_id}/questions", "modality")!.Value;
            Assert.Contains(Problems(schema, modality.RootElement), p => p.Contains("not one of"));
        }
    }
}

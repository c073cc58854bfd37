using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>How a test's request body stands against heymilo-openapi-v2.json.</summary>
    public enum BodyIs
    {
        /// <summary>Fits the request schema.</summary>
        Valid,
        /// <summary>Breaks the request schema: the document itself says it is invalid.</summary>
        InvalidPerSchema,
        /// <summary>Fits the schema but breaks a rule the document states in prose (metadata limits, reorder lists every question, …).</summary>
        AgainstTheProse,
    }

    /// <summary>
    /// The posting-lifecycle, question, interview-metadata and ATS operations of the simulator, driven over
    /// HTTP. Every request body is checked against the document's request schema before it is sent, and
    /// every answer against the response schema of its status — completely: each documented property is
    /// there and no other.
    /// </summary>
    public sealed class SimulatorLifecycleContractTests : SimulatorOnlyTestBase
    {
        private const string Key = "sim-key-0001";
        private static readonly DateTimeOffset s_now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

        private DateTimeOffset _now = s_now;

        protected override SimulatorOptions Options() => new SimulatorOptions { Url = "http://127.0.0.1:0", Clock = () => _now, RateLimitPerMinute = 0 };

        private string Posting(int i = 1) => Sim.Data.PostingIds[i];

        private string Interview(int posting = 1, int i = 0) => Sim.Data.CandidateInterviewIds(Posting(posting))[i];

        /// <summary>
        /// Sends one request and returns the answer's JSON after checking the request body against the
        /// document (as <paramref name="bodyIs"/> says it stands), the status, and the answer against the
        /// documented schema of that status; a status the operation does not document must be declared
        /// (<paramref name="undocumented"/>) and is checked against APIErrorResponse.
        /// </summary>
        private async Task<JsonElement> Call(string method, string path, string specPath, int expected, string? body = null,
            BodyIs bodyIs = BodyIs.Valid, bool undocumented = false)
        {
            if (body != null)
            {
                using var sent = JsonDocument.Parse(body);
                var requestProblems = OpenApiDocument.RequestProblems(method, specPath, sent.RootElement);
                if (bodyIs == BodyIs.InvalidPerSchema)
                    Assert.True(requestProblems.Count > 0, $"The document accepts {body}: a 422 for it would be the simulator's own rule; mark it AgainstTheProse if the document states it in words.");
                else
                    Assert.True(requestProblems.Count == 0, $"The request does not validate against the document:{Environment.NewLine}{string.Join(Environment.NewLine, requestProblems)}{Environment.NewLine}{body}");
            }

            var (status, text) = await SimulatorHttp.SendAsync(Http, method, path, body, Key);
            Assert.True(expected == status, $"{method} {path}: expected {expected}, got {status}: {text}");

            using var answer = JsonDocument.Parse(text);
            OpenApiDocument.AssertAnswer(method, specPath, expected, answer.RootElement, undocumented);
            return answer.RootElement.Clone();
        }

        private static string Json(JsonNode node) => node.ToJsonString();

        /// <summary>{long101} and {long501}: strings one past the 100- and 500-character limits.</summary>
        private static string Long(string body) => body.Replace("{long101}", new string('n', 101)).Replace("{long501}", new string('v', 501));

        private static JsonObject ManyKeys(int count) =>
            new(Enumerable.Range(1, count).Select(i => new KeyValuePair<string, JsonNode?>($"k{i}", "v")));

        private static string[] Loc(JsonElement validation, int i = 0) =>
            validation.GetProperty("detail")[i].GetProperty("loc").EnumerateArray().Select(l => l.ToString()).ToArray();

        private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

        // ---- createPosting ---------------------------------------------------------------------

        private static JsonObject FullCreateRequest() => new()
        {
            ["title"] = "Night Shift Nurse",
            ["description"] = "Care for patients overnight.",
            ["name"] = "night-shift-nurse",
            ["language"] = "en",
            ["interviewer_name"] = "Ava",
            ["company_overview_delivery_mode"] = "summarized_delivery",
            ["redirect_url"] = "https://acme.example/thanks",
            ["deadline"] = "2026-04-30T00:00:00Z",
            ["max_retakes"] = 2,
            ["retake_cooldown_days"] = 1.5,
            ["allow_sms_comms"] = true,
            ["metadata"] = new JsonObject { ["external_id"] = "ats_12345" },
            ["workflow"] = new JsonArray(
                new JsonObject { ["type"] = "resume", ["config"] = new JsonObject { ["min_evaluation_score"] = 0.6, ["num_eligibility_questions"] = 2, ["num_criteria_questions"] = 1 } },
                new JsonObject
                {
                    ["type"] = "web_interview",
                    ["config"] = new JsonObject { ["video"] = false, ["num_questions"] = 2, ["interview_type"] = "behavioral" },
                    ["questions"] = new JsonArray(
                        new JsonObject { ["modality"] = "voice", ["text"] = "Describe a hard night shift.", ["score_weight"] = 5, ["max_follow_ups"] = 2 },
                        new JsonObject { ["modality"] = "voice_tags", ["text"] = "Shift preference", ["response_format"] = "text" }),
                }),
        };

        [Fact]
        public async Task Create_posting_answers_201_with_the_receipt_and_the_posting_reads_back()
        {
            var data = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, Json(FullCreateRequest()))).GetProperty("data");

            var id = data.GetProperty("id").GetString()!;
            Assert.StartsWith("pst_", id);
            Assert.Equal("active", data.GetProperty("status").GetString());
            var posting = data.GetProperty("posting");
            Assert.Equal("night-shift-nurse", posting.GetProperty("name").GetString());
            Assert.Equal("Ava", posting.GetProperty("interviewer_name").GetString());
            Assert.Equal(new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), posting.GetProperty("deadline").GetInt64());
            Assert.Equal(new[] { "agent_rs_001", "agent_vi_001" }, posting.GetProperty("workflow").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
            Assert.Equal(0.6, posting.GetProperty("workflow")[0].GetProperty("config").GetProperty("min_evaluation_score").GetDouble());

            var again = (await Call("GET", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200)).GetProperty("data");
            Assert.Equal(posting.GetRawText(), again.GetRawText());
            // The web_interview step's own questions, and generated ones for the resume step (2 eligibility, 1 scoring).
            Assert.Equal(2, Sim.Data.QuestionIds(id, "resume_eligibility").Count);
            Assert.Single(Sim.Data.QuestionIds(id, "resume_scoring"));
            Assert.Single(Sim.Data.QuestionIds(id, "voice"));
            Assert.Single(Sim.Data.QuestionIds(id, "voice_tags"));
        }

        [Fact]
        public async Task Create_posting_without_a_deadline_gets_one_calendar_month_and_the_request_defaults()
        {
            var body = Json(new JsonObject { ["title"] = "Barista", ["workflow"] = new JsonArray(new JsonObject { ["type"] = "form" }) });
            var posting = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, body)).GetProperty("data").GetProperty("posting");

            Assert.Equal(s_now.AddMonths(1).ToUnixTimeSeconds(), posting.GetProperty("deadline").GetInt64());
            Assert.Equal("Sarah", posting.GetProperty("interviewer_name").GetString());
            Assert.Equal("", posting.GetProperty("description").GetString());
            Assert.Equal(JsonValueKind.Null, posting.GetProperty("max_retakes").ValueKind);
            Assert.Equal("agent_fm_001", posting.GetProperty("workflow")[0].GetProperty("id").GetString());
        }

        /// <summary>The document types redirect_url and scheduling_url as plain strings (no format), so a relative URL is accepted.</summary>
        [Fact]
        public async Task Create_posting_accepts_a_relative_redirect_url_because_the_document_declares_no_url_format()
        {
            var body = Json(new JsonObject { ["title"] = "Barista", ["redirect_url"] = "/thanks", ["workflow"] = new JsonArray() });
            var posting = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, body)).GetProperty("data").GetProperty("posting");
            Assert.Equal("/thanks", posting.GetProperty("redirect_url").GetString());
        }

        public static IEnumerable<object[]> InvalidCreateRequests()
        {
            JsonObject With(string name, JsonNode? value)
            {
                var body = FullCreateRequest();
                body[name] = value;
                return body;
            }
            JsonObject Step(JsonObject step) => With("workflow", new JsonArray(step));
            JsonObject Without(string name)
            {
                var body = FullCreateRequest();
                body.Remove(name);
                return body;
            }
            yield return new object[] { Json(With("max_retakes", 6)), "body.max_retakes", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("max_retakes", -1)), "body.max_retakes", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("retake_cooldown_days", -0.5)), "body.retake_cooldown_days", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("title", "QA")), "body.title", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Without("title")), "body.title", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("job_overview_delivery_mode", "shouted")), "body.job_overview_delivery_mode", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("allow_sms_comms", "yes")), "body.allow_sms_comms", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("metadata", new JsonObject { ["n"] = 5 })), "body.metadata.n", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(With("metadata", ManyKeys(51))), "body.metadata", BodyIs.AgainstTheProse };
            yield return new object[] { Json(With("metadata", new JsonObject { [new string('k', 41)] = "v" })), "body.metadata." + new string('k', 41), BodyIs.AgainstTheProse };
            yield return new object[] { Json(With("metadata", new JsonObject { ["k"] = new string('v', 501) })), "body.metadata.k", BodyIs.AgainstTheProse };
            yield return new object[] { Json(With("deadline", "next tuesday")), "body.deadline", BodyIs.AgainstTheProse };
            yield return new object[] { Json(Without("workflow")), "body.workflow", BodyIs.AgainstTheProse };
            yield return new object[] { Json(With("interview_template_id", "IT_sim0001")), "body", BodyIs.AgainstTheProse };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "video_call" })), "body.workflow.0", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "web_interview", ["config"] = new JsonObject { ["num_questions"] = 26 } })), "body.workflow.0.web_interview.config.num_questions", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "resume", ["config"] = new JsonObject { ["min_evaluation_score"] = 50 } })), "body.workflow.0.resume.config.min_evaluation_score", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "conversational_sms", ["config"] = new JsonObject { ["intro_message"] = new string('x', 501) } })), "body.workflow.0.conversational_sms.config.intro_message", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "web_interview", ["questions"] = new JsonArray(new JsonObject { ["modality"] = "voice", ["text"] = "Q", ["score_weight"] = 6 }) })), "body.workflow.0.web_interview.questions.0.score_weight", BodyIs.InvalidPerSchema };
            yield return new object[] { Json(Step(new JsonObject { ["type"] = "web_interview", ["questions"] = new JsonArray(new JsonObject { ["text"] = "Q" }) })), "body.workflow.0.web_interview.questions.0.modality", BodyIs.InvalidPerSchema };
        }

        [Theory]
        [MemberData(nameof(InvalidCreateRequests))]
        public async Task Create_posting_rejects_an_invalid_body_with_a_422_naming_the_field(string body, string loc, BodyIs bodyIs)
        {
            var before = Sim.Data.PostingIds.Count;
            var answer = await Call("POST", "/api/v2/postings", "/api/v2/postings", 422, body, bodyIs);
            Assert.Contains(loc, answer.GetProperty("detail").EnumerateArray().Select(d => string.Join(".", d.GetProperty("loc").EnumerateArray().Select(l => l.ToString()))));
            Assert.Equal(before, Sim.Data.PostingIds.Count);
        }

        [Fact]
        public async Task Create_posting_from_an_unknown_interview_template_is_a_404()
        {
            var answer = await Call("POST", "/api/v2/postings", "/api/v2/postings", 404, Json(new JsonObject { ["title"] = "Cook", ["interview_template_id"] = "IT_nope" }));
            Assert.Equal("interview_template_id", answer.GetProperty("error").GetProperty("param").GetString());
        }

        [Fact]
        public async Task Create_posting_from_an_ats_derived_template_is_a_draft_pending_activation_until_activated()
        {
            var body = Json(new JsonObject { ["title"] = "Forklift Driver", ["interview_template_id"] = "IT_sim0002", ["max_retakes"] = 0 });
            var data = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, body)).GetProperty("data");
            var id = data.GetProperty("id").GetString()!;
            Assert.Equal("draft", data.GetProperty("status").GetString());
            var posting = data.GetProperty("posting");
            Assert.False(posting.GetProperty("finalized").GetBoolean());
            Assert.True(posting.GetProperty("ats_metadata").GetProperty("pending_activation").GetBoolean());
            Assert.Equal(0, posting.GetProperty("max_retakes").GetInt32());
            // The blueprint's workflow and questions came along.
            Assert.Equal(Sim.Data.QuestionIds(Posting(1)).Count, Sim.Data.QuestionIds(id).Count);

            var active = (await Call("POST", $"/api/v2/postings/{id}/activate", "/api/v2/postings/{posting_id}/activate", 200)).GetProperty("data");
            Assert.Equal("active", active.GetProperty("status").GetString());
            Assert.True(active.GetProperty("finalized").GetBoolean());
            var ats = active.GetProperty("ats_metadata");
            Assert.False(ats.GetProperty("pending_activation").GetBoolean());
            Assert.Equal("2026-03-02T12:00:00", ats.GetProperty("mapping_activated_at").GetString());
            Assert.Equal("api_key:sim-****", ats.GetProperty("mapping_activated_by").GetString());

            // "re-calling activate is safe": nothing changes, not even updated_at.
            _now += TimeSpan.FromMinutes(5);
            var again = (await Call("POST", $"/api/v2/postings/{id}/activate", "/api/v2/postings/{posting_id}/activate", 200)).GetProperty("data");
            Assert.Equal(active.GetRawText(), again.GetRawText());
        }

        // ---- listPostingSummaries ----------------------------------------------------------------

        [Fact]
        public async Task Posting_summaries_page_with_starting_after_until_has_more_is_false()
        {
            var seen = new List<string>();
            string? cursor = null;
            while (true)
            {
                var page = await Call("GET", "/api/v2/postings/list?limit=10" + (cursor is null ? "" : "&starting_after=" + cursor), "/api/v2/postings/list", 200);
                var ids = page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
                Assert.All(page.GetProperty("data").EnumerateArray(), p => Assert.Equal("posting_summary", p.GetProperty("object").GetString()));
                seen.AddRange(ids);
                Assert.Equal(Sim.Data.PostingIds.Count, page.GetProperty("pagination").GetProperty("total_count").GetInt32());
                if (!page.GetProperty("pagination").GetProperty("has_more").GetBoolean()) break;
                cursor = ids[^1];
            }
            Assert.Equal(Sim.Data.PostingIds, seen);
        }

        [Fact]
        public async Task Posting_summaries_filter_on_the_title_and_validate_limit()
        {
            var page = await Call("GET", "/api/v2/postings/list?search=ENGINEER", "/api/v2/postings/list", 200);
            Assert.NotEmpty(page.GetProperty("data").EnumerateArray());
            Assert.All(page.GetProperty("data").EnumerateArray(), p => Assert.Contains("engineer", p.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase));
            var problem = await Call("GET", "/api/v2/postings/list?limit=0", "/api/v2/postings/list", 422);
            Assert.Equal(new[] { "query", "limit" }, Loc(problem));
        }

        // ---- updatePosting -------------------------------------------------------------------------

        [Fact]
        public async Task Update_posting_changes_only_the_fields_sent_and_metadata_replaces_the_old_map()
        {
            var id = Posting(2);
            var before = (await Call("GET", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200)).GetProperty("data");
            Assert.Equal("simulator", before.GetProperty("metadata").GetProperty("source").GetString());

            var body = Json(new JsonObject { ["title"] = "Lead Data Engineer", ["max_retakes"] = 3, ["metadata"] = new JsonObject { ["owner"] = "ops" } });
            var after = (await Call("PATCH", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200, body)).GetProperty("data");

            Assert.Equal("Lead Data Engineer", after.GetProperty("title").GetString());
            Assert.Equal(3, after.GetProperty("max_retakes").GetInt32());
            Assert.Equal(new[] { "owner" }, after.GetProperty("metadata").EnumerateObject().Select(p => p.Name));
            foreach (var property in before.EnumerateObject().Where(p => p.Name is not ("title" or "max_retakes" or "metadata" or "updated_at")))
                Assert.True(property.Value.GetRawText() == after.GetProperty(property.Name).GetRawText(), $"{property.Name} changed: {property.Value} -> {after.GetProperty(property.Name)}");
            Assert.Equal(s_now.ToUnixTimeSeconds(), after.GetProperty("updated_at").GetInt64());
        }

        [Fact]
        public async Task Update_posting_with_null_clears_a_nullable_field_and_leaves_the_title()
        {
            var id = Posting(2);
            await Call("PATCH", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200, "{\"redirect_url\":\"https://acme.example/done\"}");
            var after = (await Call("PATCH", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200, "{\"redirect_url\":null,\"title\":null}")).GetProperty("data");
            Assert.Equal(JsonValueKind.Null, after.GetProperty("redirect_url").ValueKind);
            Assert.Equal("Data Engineer", after.GetProperty("title").GetString());
        }

        [Theory]
        [InlineData("{\"max_retakes\":6}", "body.max_retakes", BodyIs.InvalidPerSchema)]
        [InlineData("{\"description\":\"too short\"}", "body.description", BodyIs.InvalidPerSchema)]
        [InlineData("{\"name\":null,\"interviewer_name\":\"{long101}\"}", "body.interviewer_name", BodyIs.InvalidPerSchema)]
        [InlineData("{\"interview_process_overview_delivery_mode\":\"loud\"}", "body.interview_process_overview_delivery_mode", BodyIs.InvalidPerSchema)]
        [InlineData("{\"deadline\":\"soon\"}", "body.deadline", BodyIs.AgainstTheProse)]
        public async Task Update_posting_rejects_an_invalid_body(string body, string loc, BodyIs bodyIs)
        {
            var answer = await Call("PATCH", $"/api/v2/postings/{Posting()}", "/api/v2/postings/{posting_id}", 422, Long(body), bodyIs);
            Assert.Equal(loc, string.Join(".", Loc(answer)));
        }

        [Fact]
        public async Task Update_posting_rejects_51_metadata_keys()
        {
            var answer = await Call("PATCH", $"/api/v2/postings/{Posting()}", "/api/v2/postings/{posting_id}", 422,
                Json(new JsonObject { ["metadata"] = ManyKeys(51) }), BodyIs.AgainstTheProse);
            Assert.Equal(new[] { "body", "metadata" }, Loc(answer));
        }

        [Theory]
        [InlineData("PATCH", "/api/v2/postings/pst_missing", "/api/v2/postings/{posting_id}", "{\"title\":\"Nope nope\"}")]
        [InlineData("GET", "/api/v2/postings/pst_missing/stats", "/api/v2/postings/{posting_id}/stats", null)]
        [InlineData("PATCH", "/api/v2/postings/pst_missing/workflow/resume", "/api/v2/postings/{posting_id}/workflow/{step_id}", "{\"config\":{}}")]
        [InlineData("POST", "/api/v2/postings/pst_missing/archive", "/api/v2/postings/{posting_id}/archive", null)]
        [InlineData("POST", "/api/v2/postings/pst_missing/activate", "/api/v2/postings/{posting_id}/activate", null)]
        [InlineData("POST", "/api/v2/postings/pst_missing/candidates/async", "/api/v2/postings/{posting_id}/candidates/async", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}")]
        [InlineData("POST", "/api/v2/postings/pst_missing/candidates/bulk/async", "/api/v2/postings/{posting_id}/candidates/bulk/async", "{\"data\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"}]}")]
        [InlineData("GET", "/api/v2/interviews/int_missing/metadata", "/api/v2/interviews/{interview_id}/metadata", null)]
        [InlineData("POST", "/api/v2/interviews/int_missing/metadata", "/api/v2/interviews/{interview_id}/metadata", "{\"metadata\":{\"a\":\"b\"}}")]
        [InlineData("DELETE", "/api/v2/interviews/int_missing/metadata", "/api/v2/interviews/{interview_id}/metadata", null)]
        [InlineData("GET", "/api/v2/postings/pst_missing/questions", "/api/v2/postings/{posting_id}/questions", null)]
        [InlineData("POST", "/api/v2/postings/pst_missing/questions", "/api/v2/postings/{posting_id}/questions", "{\"modality\":\"voice\",\"text\":\"Q?\"}")]
        [InlineData("POST", "/api/v2/postings/pst_missing/questions/reorder", "/api/v2/postings/{posting_id}/questions/reorder", "{\"modality\":\"voice\",\"order\":[]}")]
        [InlineData("GET", "/api/v2/postings/{posting}/questions/qst_missing", "/api/v2/postings/{posting_id}/questions/{question_id}", null)]
        [InlineData("PATCH", "/api/v2/postings/{posting}/questions/qst_missing", "/api/v2/postings/{posting_id}/questions/{question_id}", "{\"text\":\"Q?\"}")]
        [InlineData("DELETE", "/api/v2/postings/{posting}/questions/qst_missing", "/api/v2/postings/{posting_id}/questions/{question_id}", null)]
        public async Task An_unknown_id_is_a_404_error_envelope(string method, string path, string specPath, string? body)
        {
            var answer = await Call(method, path.Replace("{posting}", Posting()), specPath, 404, body);
            Assert.Equal("resource_missing", answer.GetProperty("error").GetProperty("code").GetString());
        }

        // ---- getPostingStats -----------------------------------------------------------------------

        [Fact]
        public async Task Posting_stats_count_the_candidates_and_average_their_scores()
        {
            var id = Posting(0);
            var stats = (await Call("GET", $"/api/v2/postings/{id}/stats", "/api/v2/postings/{posting_id}/stats", 200)).GetProperty("data");
            Assert.Equal(Sim.Data.CandidateCount(id), stats.GetProperty("total_candidates").GetInt32());
            var listed = new List<JsonElement>();
            string? cursor = null;
            do
            {
                var page = await Call("GET", $"/api/v2/postings/{id}/candidates?limit=100" + (cursor is null ? "" : "&starting_after=" + cursor), "/api/v2/postings/{posting_id}/candidates", 200);
                listed.AddRange(page.GetProperty("data").EnumerateArray());
                cursor = page.GetProperty("pagination").GetProperty("has_more").GetBoolean() ? listed[^1].GetProperty("interview_id").GetString() : null;
            } while (cursor != null);
            Assert.Equal(listed.Count(c => c.GetProperty("workflow").GetProperty("all_complete").GetBoolean()), stats.GetProperty("completed_interviews").GetInt32());
            var scores = listed.Where(c => c.GetProperty("score").ValueKind == JsonValueKind.Number).Select(c => c.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(Math.Round(scores.Average(), 1), stats.GetProperty("average_interview_score").GetDouble());
        }

        [Fact]
        public async Task Posting_stats_have_no_interview_average_without_a_web_interview_step()
        {
            var body = Json(new JsonObject { ["title"] = "Clerk", ["workflow"] = new JsonArray(new JsonObject { ["type"] = "resume" }) });
            var id = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, body)).GetProperty("data").GetProperty("id").GetString()!;
            var stats = (await Call("GET", $"/api/v2/postings/{id}/stats", "/api/v2/postings/{posting_id}/stats", 200)).GetProperty("data");
            Assert.Equal(0, stats.GetProperty("total_candidates").GetInt32());
            Assert.Equal(JsonValueKind.Null, stats.GetProperty("average_interview_score").ValueKind);
            Assert.Equal(JsonValueKind.Null, stats.GetProperty("average_resume_score").ValueKind);
        }

        // ---- updateInterviewerWorkflowStep -------------------------------------------------------

        [Fact]
        public async Task A_workflow_step_is_patched_by_type_or_by_order_and_other_steps_stay()
        {
            var id = Posting();
            var before = (await Call("GET", $"/api/v2/postings/{id}", "/api/v2/postings/{posting_id}", 200)).GetProperty("data").GetProperty("workflow");

            var byType = (await Call("PATCH", $"/api/v2/postings/{id}/workflow/web_interview", "/api/v2/postings/{posting_id}/workflow/{step_id}", 200,
                "{\"config\":{\"num_questions\":7,\"company_overview_delivery_mode\":\"summarized_delivery\"}}")).GetProperty("data").GetProperty("workflow");
            var config = byType[1].GetProperty("config");
            Assert.Equal(7, config.GetProperty("num_questions").GetInt32());
            Assert.True(config.GetProperty("video").GetBoolean());
            Assert.Equal(before[0].GetRawText(), byType[0].GetRawText());

            var byOrder = (await Call("PATCH", $"/api/v2/postings/{id}/workflow/1", "/api/v2/postings/{posting_id}/workflow/{step_id}", 200,
                "{\"config\":{\"knockout_enabled\":null,\"mandatory\":true}}")).GetProperty("data").GetProperty("workflow");
            Assert.False(byOrder[0].GetProperty("config").TryGetProperty("knockout_enabled", out _));
            Assert.True(byOrder[0].GetProperty("config").GetProperty("mandatory").GetBoolean());
        }

        [Fact]
        public async Task A_workflow_step_config_key_of_another_agent_type_is_a_400_listing_it()
        {
            var answer = await Call("PATCH", $"/api/v2/postings/{Posting()}/workflow/resume", "/api/v2/postings/{posting_id}/workflow/{step_id}", 400,
                "{\"config\":{\"video\":true}}", undocumented: true);
            var error = answer.GetProperty("error");
            Assert.Equal("unknown_config_key", error.GetProperty("code").GetString());
            Assert.Equal("config.video", error.GetProperty("errors")[0].GetProperty("param").GetString());
        }

        [Theory]
        [InlineData("web_interview", "{\"config\":{\"num_questions\":0}}", "body.config.num_questions", BodyIs.Valid)]
        [InlineData("resume", "{\"config\":{\"min_evaluation_score\":1.5}}", "body.config.min_evaluation_score", BodyIs.Valid)]
        [InlineData("2", "{\"config\":{\"video\":\"yes\"}}", "body.config.video", BodyIs.Valid)]
        [InlineData("resume", "{}", "body.config", BodyIs.InvalidPerSchema)]
        public async Task A_workflow_step_config_value_is_validated_like_the_create_request(string step, string body, string loc, BodyIs bodyIs)
        {
            // The request schema types config as a free object; its values follow the step type's config schema.
            var answer = await Call("PATCH", $"/api/v2/postings/{Posting()}/workflow/{step}", "/api/v2/postings/{posting_id}/workflow/{step_id}", 422, body, bodyIs);
            Assert.Equal(loc, string.Join(".", Loc(answer)));
        }

        [Theory]
        [InlineData("form")]
        [InlineData("3")]
        [InlineData("agent_vi_001")]
        public async Task A_workflow_step_the_posting_does_not_have_is_a_404(string step)
        {
            var answer = await Call("PATCH", $"/api/v2/postings/{Posting()}/workflow/{step}", "/api/v2/postings/{posting_id}/workflow/{step_id}", 404, "{\"config\":{}}");
            Assert.Equal("step_id", answer.GetProperty("error").GetProperty("param").GetString());
        }

        // ---- archivePosting, activatePosting -----------------------------------------------------

        [Fact]
        public async Task Archive_is_idempotent_and_activate_brings_an_archived_posting_back()
        {
            var id = Posting(3);
            var archived = (await Call("POST", $"/api/v2/postings/{id}/archive", "/api/v2/postings/{posting_id}/archive", 200)).GetProperty("data");
            Assert.Equal("archived", archived.GetProperty("status").GetString());
            Assert.True(archived.GetProperty("archived").GetBoolean());

            _now += TimeSpan.FromMinutes(5);
            var again = (await Call("POST", $"/api/v2/postings/{id}/archive", "/api/v2/postings/{posting_id}/archive", 200)).GetProperty("data");
            Assert.Equal(archived.GetRawText(), again.GetRawText());

            var active = (await Call("POST", $"/api/v2/postings/{id}/activate", "/api/v2/postings/{posting_id}/activate", 200)).GetProperty("data");
            Assert.Equal("active", active.GetProperty("status").GetString());
            Assert.False(active.GetProperty("archived").GetBoolean());
            Assert.Equal(("active", false, (bool?)null), Sim.Data.PostingState(id));
        }

        [Fact]
        public async Task Activating_the_draft_clone_of_an_ats_posting_makes_it_active_and_attaches_the_mapping()
        {
            var source = Sim.Data.AddAtsPosting("Picker");
            var clone = (await Call("POST", $"/api/v2/postings/{source}/clone", "/api/v2/postings/{posting_id}/clone", 201)).GetProperty("data");
            Assert.Equal("draft", clone.GetProperty("status").GetString());
            var id = clone.GetProperty("id").GetString()!;
            Assert.Equal(("draft", false, (bool?)true), Sim.Data.PostingState(id));

            await Call("POST", $"/api/v2/postings/{id}/activate", "/api/v2/postings/{posting_id}/activate", 200);
            Assert.Equal(("active", false, (bool?)false), Sim.Data.PostingState(id));
        }

        [Fact]
        public async Task Activating_a_posting_without_workflow_steps_or_past_its_deadline_is_a_422()
        {
            var empty = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201, "{\"title\":\"Empty one\",\"workflow\":[]}")).GetProperty("data").GetProperty("id").GetString()!;
            await Call("POST", $"/api/v2/postings/{empty}/archive", "/api/v2/postings/{posting_id}/archive", 200);
            Assert.Equal(new[] { "path", "posting_id" }, Loc(await Call("POST", $"/api/v2/postings/{empty}/activate", "/api/v2/postings/{posting_id}/activate", 422)));

            var late = (await Call("POST", "/api/v2/postings", "/api/v2/postings", 201,
                "{\"title\":\"Late one\",\"deadline\":\"2026-01-01T00:00:00Z\",\"workflow\":[{\"type\":\"form\"}]}")).GetProperty("data");
            Assert.Equal("expired", late.GetProperty("status").GetString());
            var lateId = late.GetProperty("id").GetString()!;
            await Call("POST", $"/api/v2/postings/{lateId}/activate", "/api/v2/postings/{posting_id}/activate", 422);
            var moved = (await Call("PATCH", $"/api/v2/postings/{lateId}", "/api/v2/postings/{posting_id}", 200, "{\"deadline\":\"2026-06-01T00:00:00Z\"}")).GetProperty("data");
            Assert.Equal("active", moved.GetProperty("status").GetString());
        }

        [Fact]
        public async Task An_archived_posting_accepts_no_new_candidates()
        {
            var id = Posting(4);
            await Call("POST", $"/api/v2/postings/{id}/archive", "/api/v2/postings/{posting_id}/archive", 200);
            var before = Sim.Data.CandidateCount(id);
            await Call("POST", $"/api/v2/postings/{id}/candidates/async", "/api/v2/postings/{posting_id}/candidates/async", 422, "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
            await Call("POST", $"/api/v2/postings/{id}/candidates", "/api/v2/postings/{posting_id}/candidates", 422, "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
            Assert.Equal(before, Sim.Data.CandidateCount(id));
        }

        // ---- ingestCandidateAsync, ingestCandidatesBulkAsync -------------------------------------

        [Fact]
        public async Task Async_ingestion_answers_202_with_an_ingestion_id_and_the_candidate_appears_in_the_posting()
        {
            var id = Posting();
            var data = (await Call("POST", $"/api/v2/postings/{id}/candidates/async", "/api/v2/postings/{posting_id}/candidates/async", 202,
                "{\"name\":\"Ada Async\",\"email\":\"ada.async@example.com\",\"metadata\":{\"src\":\"test\"}}")).GetProperty("data");
            Assert.Equal("ingestion", data.GetProperty("object").GetString());
            Assert.Equal("queued", data.GetProperty("status").GetString());
            var ingestion = data.GetProperty("ingestion_id").GetString()!;
            Assert.StartsWith("intake_", ingestion);

            var interview = Assert.Single(Sim.Data.IngestionInterviewIds(ingestion));
            var listed = (await Call("GET", $"/api/v2/postings/{id}/candidates?limit=100", "/api/v2/postings/{posting_id}/candidates", 200)).GetProperty("data");
            var candidate = Assert.Single(listed.EnumerateArray(), c => c.GetProperty("email").GetString() == "ada.async@example.com");
            Assert.Equal(interview, candidate.GetProperty("interview_id").GetString());
            Assert.Equal("test", candidate.GetProperty("metadata").GetProperty("src").GetString());
        }

        [Fact]
        public async Task Async_bulk_ingestion_queues_every_candidate_and_rejects_a_batch_with_one_bad_row()
        {
            var id = Posting();
            var before = Sim.Data.CandidateCount(id);
            var bad = await Call("POST", $"/api/v2/postings/{id}/candidates/bulk/async", "/api/v2/postings/{posting_id}/candidates/bulk/async", 422,
                "{\"data\":[{\"name\":\"A\",\"email\":\"a@example.com\"},{\"name\":\"B\",\"email\":\"not-an-email\"}]}");
            Assert.Equal(new[] { "body", "data", "1", "email" }, Loc(bad));
            await Call("POST", $"/api/v2/postings/{id}/candidates/bulk/async", "/api/v2/postings/{posting_id}/candidates/bulk/async", 422, "{\"data\":[]}", BodyIs.InvalidPerSchema);
            Assert.Equal(before, Sim.Data.CandidateCount(id));

            var data = (await Call("POST", $"/api/v2/postings/{id}/candidates/bulk/async", "/api/v2/postings/{posting_id}/candidates/bulk/async", 202,
                "{\"data\":[{\"name\":\"A\",\"email\":\"a@example.com\"},{\"name\":\"B\",\"email\":\"b@example.com\",\"phone_number\":\"+12065550000\"}]}")).GetProperty("data");
            Assert.Equal(2, Sim.Data.IngestionInterviewIds(data.GetProperty("ingestion_id").GetString()!).Count);
            Assert.Equal(new[] { "a@example.com", "b@example.com" }, Sim.Data.IngestedEmails(id));
        }

        // ---- interview metadata --------------------------------------------------------------------

        [Fact]
        public async Task Interview_metadata_is_read_merged_on_set_and_emptied_on_delete()
        {
            var interview = Interview();
            var path = $"/api/v2/interviews/{interview}/metadata";
            const string spec = "/api/v2/interviews/{interview_id}/metadata";
            var empty = (await Call("GET", path, spec, 200)).GetProperty("data");
            Assert.Equal("metadata", empty.GetProperty("object").GetString());
            Assert.Empty(empty.GetProperty("metadata").EnumerateObject());

            await Call("POST", path, spec, 200, "{\"metadata\":{\"stage\":\"screen\",\"owner\":\"kim\"}}");
            var merged = (await Call("POST", path, spec, 200, "{\"metadata\":{\"stage\":\"onsite\"}}")).GetProperty("data").GetProperty("metadata");
            Assert.Equal("onsite", merged.GetProperty("stage").GetString());
            Assert.Equal("kim", merged.GetProperty("owner").GetString());
            Assert.Equal("kim", Sim.Data.InterviewMetadata(interview)["owner"]);

            var deleted = (await Call("DELETE", path, spec, 200)).GetProperty("data");
            Assert.Empty(deleted.GetProperty("metadata").EnumerateObject());
            Assert.Empty(Sim.Data.InterviewMetadata(interview));
        }

        [Theory]
        [InlineData("{\"metadata\":{\"n\":1}}", "body.metadata.n", BodyIs.InvalidPerSchema)]
        [InlineData("{}", "body.metadata", BodyIs.InvalidPerSchema)]
        [InlineData("{\"metadata\":{\"k\":\"{long501}\"}}", "body.metadata.k", BodyIs.AgainstTheProse)]
        public async Task Interview_metadata_rejects_an_invalid_body(string body, string loc, BodyIs bodyIs)
        {
            var answer = await Call("POST", $"/api/v2/interviews/{Interview()}/metadata", "/api/v2/interviews/{interview_id}/metadata", 422, Long(body), bodyIs);
            Assert.Equal(loc, string.Join(".", Loc(answer)));
        }

        [Fact]
        public async Task Interview_metadata_rejects_51_keys_even_when_they_only_add_up_to_51()
        {
            var path = $"/api/v2/interviews/{Interview()}/metadata";
            const string spec = "/api/v2/interviews/{interview_id}/metadata";
            await Call("POST", path, spec, 422, Json(new JsonObject { ["metadata"] = ManyKeys(51) }), BodyIs.AgainstTheProse);
            await Call("POST", path, spec, 200, Json(new JsonObject { ["metadata"] = ManyKeys(50) }));
            var answer = await Call("POST", path, spec, 422, "{\"metadata\":{\"one_more\":\"v\"}}", BodyIs.AgainstTheProse);
            Assert.Equal(new[] { "body", "metadata" }, Loc(answer));
        }

        // ---- questions -------------------------------------------------------------------------------

        [Fact]
        public async Task Questions_are_seeded_for_every_modality_and_page_with_a_cursor()
        {
            var id = Posting();
            var all = Sim.Data.QuestionIds(id);
            Assert.Equal(13, all.Count);
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await Call("GET", $"/api/v2/postings/{id}/questions?limit=5" + (cursor is null ? "" : "&starting_after=" + cursor), "/api/v2/postings/{posting_id}/questions", 200);
                seen.AddRange(page.GetProperty("data").EnumerateArray().Select(q => q.GetProperty("id").GetString()!));
                cursor = page.GetProperty("pagination").GetProperty("has_more").GetBoolean() ? seen[^1] : null;
            } while (cursor != null);
            Assert.Equal(all, seen);

            foreach (var modality in new[] { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" })
            {
                var page = await Call("GET", $"/api/v2/postings/{id}/questions?modality={modality}", "/api/v2/postings/{posting_id}/questions", 200);
                var questions = page.GetProperty("data").EnumerateArray().ToList();
                Assert.True(questions.Count >= 2, modality);
                Assert.All(questions, q => Assert.Equal(modality, q.GetProperty("modality").GetString()));
                Assert.Equal(Enumerable.Range(1, questions.Count), questions.Select(q => q.GetProperty("rank").GetInt32()));
            }
        }

        [Fact]
        public async Task Listing_questions_of_an_unknown_modality_is_a_422()
        {
            var answer = await Call("GET", $"/api/v2/postings/{Posting()}/questions?modality=video", "/api/v2/postings/{posting_id}/questions", 422);
            Assert.Equal(new[] { "query", "modality" }, Loc(answer));
        }

        [Fact]
        public async Task A_created_question_goes_last_in_its_modality_and_keeps_only_the_fields_that_apply()
        {
            var id = Posting();
            var body = "{\"modality\":\"voice\",\"text\":\"What would you automate first?\",\"score_weight\":10,\"min_follow_ups\":1,\"max_follow_ups\":3,\"expected_answer\":\"yes\"}";
            var question = (await Call("POST", $"/api/v2/postings/{id}/questions", "/api/v2/postings/{posting_id}/questions", 201, body)).GetProperty("data");
            Assert.StartsWith("qst_", question.GetProperty("id").GetString());
            Assert.Equal(4, question.GetProperty("rank").GetInt32());
            Assert.Equal(10, question.GetProperty("score_weight").GetInt32());
            Assert.Equal(JsonValueKind.Null, question.GetProperty("expected_answer").ValueKind);
            Assert.Equal(question.GetProperty("id").GetString(), Sim.Data.QuestionIds(id, "voice")[^1]);

            var sms = (await Call("POST", $"/api/v2/postings/{id}/questions", "/api/v2/postings/{posting_id}/questions", 201,
                "{\"modality\":\"sms\",\"text\":\"How many hours a week?\",\"expected_value\":20}")).GetProperty("data");
            Assert.Equal("NUMERIC", sms.GetProperty("question_type").GetString());
        }

        [Theory]
        [InlineData("{\"modality\":\"voice\",\"text\":\"Q?\",\"score_weight\":11}", "body.score_weight")]
        [InlineData("{\"modality\":\"voice\",\"text\":\"Q?\",\"score_weight\":0}", "body.score_weight")]
        [InlineData("{\"modality\":\"video\",\"text\":\"Q?\"}", "body.modality")]
        [InlineData("{\"modality\":\"voice\"}", "body.text")]
        [InlineData("{\"modality\":\"voice_tags\",\"text\":\"Tag\",\"response_format\":\"xml\"}", "body.response_format")]
        [InlineData("{\"modality\":\"voice\",\"text\":\"Q?\",\"min_follow_ups\":-1}", "body.min_follow_ups")]
        public async Task Creating_an_invalid_question_is_a_422_naming_the_field(string body, string loc)
        {
            var before = Sim.Data.QuestionIds(Posting()).Count;
            var answer = await Call("POST", $"/api/v2/postings/{Posting()}/questions", "/api/v2/postings/{posting_id}/questions", 422, body, BodyIs.InvalidPerSchema);
            Assert.Equal(loc, string.Join(".", Loc(answer)));
            Assert.Equal(before, Sim.Data.QuestionIds(Posting()).Count);
        }

        [Fact]
        public async Task A_question_reads_back_changes_only_the_fields_sent_and_a_deleted_one_is_gone()
        {
            var id = Posting();
            var first = Sim.Data.QuestionIds(id, "voice")[0];
            var path = $"/api/v2/postings/{id}/questions/{first}";
            const string spec = "/api/v2/postings/{posting_id}/questions/{question_id}";
            var before = (await Call("GET", path, spec, 200)).GetProperty("data");

            var after = (await Call("PATCH", path, spec, 200, "{\"text\":\"Tell us about a launch you led.\",\"score_weight\":8}")).GetProperty("data");
            Assert.Equal("Tell us about a launch you led.", after.GetProperty("text").GetString());
            Assert.Equal(8, after.GetProperty("score_weight").GetInt32());
            foreach (var property in before.EnumerateObject().Where(p => p.Name is not ("text" or "score_weight" or "updated_at")))
                Assert.Equal(property.Value.GetRawText(), after.GetProperty(property.Name).GetRawText());

            await Call("PATCH", path, spec, 422, "{\"score_weight\":11}", BodyIs.InvalidPerSchema);

            var deleted = (await Call("DELETE", path, spec, 200)).GetProperty("data");
            Assert.Equal(first, deleted.GetProperty("id").GetString());
            await Call("GET", path, spec, 404);
            await Call("DELETE", path, spec, 404);
            var voice = (await Call("GET", $"/api/v2/postings/{id}/questions?modality=voice", "/api/v2/postings/{posting_id}/questions", 200)).GetProperty("data");
            Assert.DoesNotContain(first, voice.EnumerateArray().Select(q => q.GetProperty("id").GetString()));
            Assert.Equal(new[] { 1, 2 }, voice.EnumerateArray().Select(q => q.GetProperty("rank").GetInt32()));
        }

        [Fact]
        public async Task A_question_of_another_posting_is_a_404()
        {
            var other = Sim.Data.QuestionIds(Posting(2))[0];
            await Call("GET", $"/api/v2/postings/{Posting()}/questions/{other}", "/api/v2/postings/{posting_id}/questions/{question_id}", 404);
        }

        [Fact]
        public async Task Reorder_sets_the_ranks_of_a_modality_in_the_order_given()
        {
            var id = Posting();
            var voice = Sim.Data.QuestionIds(id, "voice");
            var reversed = voice.Reverse().ToArray();
            var answer = await Call("POST", $"/api/v2/postings/{id}/questions/reorder", "/api/v2/postings/{posting_id}/questions/reorder", 200,
                Json(new JsonObject { ["modality"] = "voice", ["order"] = new JsonArray(reversed.Select(q => (JsonNode)q).ToArray()) }));
            Assert.Equal(reversed, answer.GetProperty("data").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
            Assert.Equal(new[] { 1, 2, 3 }, answer.GetProperty("data").EnumerateArray().Select(q => q.GetProperty("rank").GetInt32()));
            Assert.False(answer.GetProperty("pagination").GetProperty("has_more").GetBoolean());
            Assert.Equal(reversed, Sim.Data.QuestionIds(id, "voice"));
        }

        public static IEnumerable<object[]> BadReorders()
        {
            // Filled in by the test: {v0..v2} are the voice questions, {s0} an sms question.
            yield return new object[] { "[\"{v0}\",\"{v1}\"]", "missing" };
            yield return new object[] { "[\"{v0}\",\"{v1}\",\"{v2}\",\"{s0}\"]", "not an active voice question" };
            yield return new object[] { "[\"{v0}\",\"{v1}\",\"{v2}\",\"{v2}\"]", "more than once" };
            yield return new object[] { "[\"{v0}\",\"{v1}\",\"qst_nope\"]", "not an active voice question" };
        }

        [Theory]
        [MemberData(nameof(BadReorders))]
        public async Task Reorder_must_name_exactly_the_active_questions_of_the_modality(string order, string message)
        {
            var id = Posting();
            var voice = Sim.Data.QuestionIds(id, "voice");
            var sms = Sim.Data.QuestionIds(id, "sms");
            var filled = order.Replace("{v0}", voice[0]).Replace("{v1}", voice[1]).Replace("{v2}", voice[2]).Replace("{s0}", sms[0]);
            var answer = await Call("POST", $"/api/v2/postings/{id}/questions/reorder", "/api/v2/postings/{posting_id}/questions/reorder", 422,
                $"{{\"modality\":\"voice\",\"order\":{filled}}}", BodyIs.AgainstTheProse);
            Assert.Equal(new[] { "body", "order" }, Loc(answer));
            Assert.Contains(message, answer.GetProperty("detail")[0].GetProperty("msg").GetString());
            Assert.Equal(voice, Sim.Data.QuestionIds(id, "voice"));
        }

        [Fact]
        public async Task Reorder_of_an_unknown_modality_is_a_422()
        {
            var answer = await Call("POST", $"/api/v2/postings/{Posting()}/questions/reorder", "/api/v2/postings/{posting_id}/questions/reorder", 422,
                "{\"modality\":\"video\",\"order\":[]}", BodyIs.InvalidPerSchema);
            Assert.Equal(new[] { "body", "modality" }, Loc(answer));
        }

        [Fact]
        public async Task Questions_created_in_parallel_get_distinct_ids_and_ranks()
        {
            var id = Posting(5);
            var before = Sim.Data.QuestionIds(id, "form").Count;
            var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Call("POST", $"/api/v2/postings/{id}/questions", "/api/v2/postings/{posting_id}/questions", 201, $"{{\"modality\":\"form\",\"text\":\"Form question {i}\"}}")));
            var questions = created.Select(c => c.GetProperty("data")).ToList();
            Assert.Equal(16, questions.Select(q => q.GetProperty("id").GetString()).Distinct().Count());
            Assert.Equal(Enumerable.Range(before + 1, 16), questions.Select(q => q.GetProperty("rank").GetInt32()).OrderBy(r => r));
        }

        // ---- ATS -------------------------------------------------------------------------------------

        [Fact]
        public async Task Ats_connections_list_the_seeded_integrations()
        {
            var page = await Call("GET", "/api/v2/ats/connections", "/api/v2/ats/connections", 200);
            Assert.Equal(new[] { "atsint_bullhorn_0001", "atsint_workable_0002" }, page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("integration_id").GetString()));
            Assert.Equal(new[] { "bullhorn", "workable" }, page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("ats_provider").GetString()));
            Assert.Equal(Sim.Data.AtsConnectionIds, page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("integration_id").GetString()!));
        }

        [Fact]
        public async Task Resolve_finds_ats_candidates_by_email_or_id()
        {
            const string spec = "/api/v2/ats/candidates/resolve";
            var byEmail = (await Call("POST", spec, spec, 200, "{\"ats_name\":\"bullhorn\",\"email\":\"JANE.DOE@example.com\"}")).GetProperty("data");
            Assert.True(byEmail.GetProperty("success").GetBoolean());
            Assert.Equal("found", byEmail.GetProperty("status").GetString());
            var match = Assert.Single(byEmail.GetProperty("matches").EnumerateArray());
            Assert.Equal("BH-100001", match.GetProperty("ats_candidate_id").GetString());
            Assert.Equal("email", match.GetProperty("match_reason").GetString());

            var byId = (await Call("POST", spec, spec, 200, "{\"ats_name\":\"bullhorn\",\"ats_candidate_id\":\"BH-100003\",\"email\":\"jane.doe@example.com\",\"limit\":1}")).GetProperty("data");
            Assert.Equal("BH-100003", Assert.Single(byId.GetProperty("matches").EnumerateArray()).GetProperty("ats_candidate_id").GetString());

            var none = (await Call("POST", spec, spec, 200, "{\"ats_name\":\"bullhorn\",\"email\":\"nobody@example.com\"}")).GetProperty("data");
            Assert.Equal("not_found", none.GetProperty("status").GetString());
            Assert.Empty(none.GetProperty("matches").EnumerateArray());
        }

        [Theory]
        [InlineData("/api/v2/ats/candidates/resolve", "{\"ats_name\":\"workable\",\"email\":\"a@example.com\"}", "unsupported_ats_provider")]
        [InlineData("/api/v2/ats/candidates/resolve", "{\"ats_name\":\"avionte\",\"email\":\"a@example.com\"}", "ats_not_connected")]
        [InlineData("/api/v2/ats/candidates/push", "{\"ats_name\":\"greenhouse\",\"candidate\":{}}", "unsupported_ats_provider")]
        public async Task An_ats_other_than_a_connected_bullhorn_or_avionte_is_a_400(string path, string body, string code)
        {
            var answer = await Call("POST", path, path, 400, body);
            Assert.Equal(code, answer.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("ats_name", answer.GetProperty("error").GetProperty("param").GetString());
        }

        [Theory]
        [InlineData("/api/v2/ats/candidates/resolve", "{\"email\":\"a@example.com\"}", "body.ats_name", BodyIs.InvalidPerSchema)]
        [InlineData("/api/v2/ats/candidates/resolve", "{\"ats_name\":\"bullhorn\"}", "body", BodyIs.AgainstTheProse)]
        [InlineData("/api/v2/ats/candidates/push", "{\"ats_name\":\"bullhorn\"}", "body.candidate", BodyIs.InvalidPerSchema)]
        [InlineData("/api/v2/ats/candidates/push", "{\"ats_name\":\"bullhorn\",\"candidate\":{\"email\":5}}", "body.candidate.email", BodyIs.InvalidPerSchema)]
        public async Task An_invalid_ats_request_is_a_422(string path, string body, string loc, BodyIs bodyIs)
        {
            var answer = await Call("POST", path, path, 422, body, bodyIs);
            Assert.Equal(loc, string.Join(".", Loc(answer)));
        }

        [Fact]
        public async Task A_push_goes_pending_processing_completed_on_successive_status_reads_and_creates_the_ats_candidate()
        {
            var body = Json(new JsonObject
            {
                ["ats_name"] = "bullhorn",
                ["posting_id"] = Posting(),
                ["interview_id"] = Interview(),
                ["create_submission"] = true,
                ["candidate"] = new JsonObject { ["ats_candidate_id"] = null, ["email"] = "pushed@example.com", ["set_heymilo_source"] = true },
            });
            var queued = (await Call("POST", "/api/v2/ats/candidates/push", "/api/v2/ats/candidates/push", 200, body)).GetProperty("data");
            Assert.Equal("queued", queued.GetProperty("status").GetString());
            var item = queued.GetProperty("item_id").GetString()!;
            Assert.StartsWith("atsq_", item);

            var path = $"/api/v2/ats/candidates/push/{item}";
            const string spec = "/api/v2/ats/candidates/push/{item_id}";
            var statuses = new List<string>();
            JsonElement last = default;
            for (var read = 0; read < 4; read++)
            {
                last = (await Call("GET", path, spec, 200)).GetProperty("data");
                statuses.Add(last.GetProperty("status").GetString()!);
            }
            Assert.Equal(new[] { "pending", "processing", "completed", "completed" }, statuses);
            var created = last.GetProperty("success_details").GetProperty("ats_candidate_id").GetString();
            Assert.Equal("BH-100004", created);
            Assert.StartsWith("SUB-", last.GetProperty("success_details").GetProperty("submission_id").GetString());
            Assert.Contains("pushed@example.com", Sim.Data.AtsCandidateEmails("bullhorn"));

            var resolved = (await Call("POST", "/api/v2/ats/candidates/resolve", "/api/v2/ats/candidates/resolve", 200, "{\"ats_name\":\"bullhorn\",\"email\":\"pushed@example.com\"}")).GetProperty("data");
            Assert.Equal(created, Assert.Single(resolved.GetProperty("matches").EnumerateArray()).GetProperty("ats_candidate_id").GetString());
        }

        [Fact]
        public async Task A_push_to_an_ats_candidate_id_the_ats_does_not_have_ends_failed_with_a_failure_instance()
        {
            var queued = (await Call("POST", "/api/v2/ats/candidates/push", "/api/v2/ats/candidates/push", 200,
                "{\"ats_name\":\"bullhorn\",\"candidate\":{\"ats_candidate_id\":\"BH-999999\",\"first_name\":\"No\",\"last_name\":\"Body\"}}")).GetProperty("data");
            var path = $"/api/v2/ats/candidates/push/{queued.GetProperty("item_id").GetString()}";
            const string spec = "/api/v2/ats/candidates/push/{item_id}";
            await Call("GET", path, spec, 200);
            await Call("GET", path, spec, 200);
            var done = (await Call("GET", path, spec, 200)).GetProperty("data");
            Assert.Equal("failed", done.GetProperty("status").GetString());
            Assert.Contains("BH-999999", Assert.Single(done.GetProperty("failure_instances").EnumerateArray()).GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, done.GetProperty("success_details").ValueKind);
        }

        [Fact]
        public async Task A_push_naming_an_unknown_interview_or_item_is_a_404()
        {
            await Call("POST", "/api/v2/ats/candidates/push", "/api/v2/ats/candidates/push", 404,
                "{\"ats_name\":\"bullhorn\",\"interview_id\":\"int_missing\",\"candidate\":{}}", undocumented: true);
            var answer = await Call("GET", "/api/v2/ats/candidates/push/atsq_missing", "/api/v2/ats/candidates/push/{item_id}", 404, undocumented: true);
            Assert.Equal("item_id", answer.GetProperty("error").GetProperty("param").GetString());
        }

        [Fact]
        public async Task Candidates_carry_their_interview_url()
        {
            var listed = (await Call("GET", $"/api/v2/postings/{Posting()}/candidates", "/api/v2/postings/{posting_id}/candidates", 200)).GetProperty("data");
            Assert.All(listed.EnumerateArray(), c => Assert.EndsWith("?interview=" + c.GetProperty("interview_id").GetString(), c.GetProperty("interview_url").GetString()));
        }
    }
}

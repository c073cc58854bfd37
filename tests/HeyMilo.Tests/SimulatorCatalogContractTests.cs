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
using static HeyMilo.Tests.Infrastructure.OpenApiDocument;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The workspace catalog the simulator serves (templates, domains, voices, phone numbers, sender
    /// emails, workspaces, schema registries) against heymilo-openapi-v2.json: list pages, paging to
    /// the end, search where documented, get by id, 404 and 422 bodies, the voice preview's bytes.
    /// Only HTTP is involved, so each test starts a simulator and no PowerShell runspace.
    /// </summary>
    public class SimulatorCatalogContractTests : SimulatorOnlyTestBase
    {
        private const string Key = MiloTestBase.Key;

        /// <summary>A listable family: its path, the document's get path, and its id shape (checked against the document's example).</summary>
        public sealed record Family(string Path, string GetPath, string ItemSchema, string IdPattern);

        private static readonly Dictionary<string, Family> s_families = new()
        {
            ["email-templates"] = new("/api/v2/email-templates", "/api/v2/email-templates/{template_id}", "EmailTemplateResponse", "^[0-9A-F]{12}$"),
            ["email-template-groups"] = new("/api/v2/email-template-groups", "/api/v2/email-template-groups/{group_id}", "EmailTemplateGroupResponse", "^[0-9A-F]{12}$"),
            ["design-templates"] = new("/api/v2/design-templates", "/api/v2/design-templates/{template_id}", "DesignTemplateResponse", "^[0-9A-F]{12}$"),
            ["design-template-groups"] = new("/api/v2/design-template-groups", "/api/v2/design-template-groups/{group_id}", "DesignTemplateGroupResponse", "^[0-9A-F]{12}$"),
            ["interview-templates"] = new("/api/v2/interview-templates", "/api/v2/interview-templates/{template_id}", "InterviewTemplateResponse", "^IT_[a-z0-9]{6}$"),
            ["domains"] = new("/api/v2/domains", "/api/v2/domains/{config_id}", "CustomDomainResponse", "^[0-9A-F]{8}$"),
            ["voices"] = new("/api/v2/voices", "/api/v2/voices/{voice_id}", "VoiceResponse", "^wrv-[a-z0-9]{6}$"),
            ["phone-numbers"] = new("/api/v2/phone-numbers", "/api/v2/phone-numbers/{config_id}", "PhoneNumberResponse", "^[0-9A-F]{8}$"),
            ["sender-emails"] = new("/api/v2/sender-emails", "/api/v2/sender-emails/{sender_email_id}", "SenderEmailResponse", "^[0-9A-F]{12}$"),
        };

        public static TheoryData<string> Families => Data(s_families.Keys);

        /// <summary>The families whose listing the document gives a search parameter.</summary>
        public static TheoryData<string> Searchable => Data(s_families.Keys.Where(f => QueryParameter("GET", s_families[f].Path, "search") != null));

        public static TheoryData<string> NotSearchable => Data(s_families.Keys.Where(f => QueryParameter("GET", s_families[f].Path, "search") == null));

        private static TheoryData<string> Data(IEnumerable<string> values)
        {
            var data = new TheoryData<string>();
            foreach (var v in values) data.Add(v);
            return data;
        }

        private async Task<(int Status, JsonElement Body)> Get(string path, string? key = Key)
        {
            var (status, text) = await SimulatorHttp.SendAsync(Http, "GET", path, key: key);
            using var doc = JsonDocument.Parse(text);
            return (status, doc.RootElement.Clone());
        }

        /// <summary>Every page of a listing with limit=2, each checked against the documented 200 schema.</summary>
        private async Task<List<JsonElement>> Pages(string path, string specPath, string query = "")
        {
            var pages = new List<JsonElement>();
            string? after = null;
            while (true)
            {
                var (status, page) = await Get($"{path}?limit=2{query}" + (after is null ? "" : "&starting_after=" + Uri.EscapeDataString(after)));
                Assert.Equal(200, status);
                AssertAnswer("GET", specPath, 200, page);
                pages.Add(page);
                Assert.True(pages.Count <= 100, "The listing never ends.");
                var data = page.GetProperty("data");
                Assert.InRange(data.GetArrayLength(), 0, 2);
                if (!page.GetProperty("pagination").GetProperty("has_more").GetBoolean()) return pages;
                Assert.Equal(2, data.GetArrayLength());
                after = data[1].GetProperty("id").GetString();
            }
        }

        private static List<JsonElement> Items(IEnumerable<JsonElement> pages) => pages.SelectMany(p => p.GetProperty("data").EnumerateArray()).ToList();

        private static List<string> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetString()!).ToList();

        private async Task<List<JsonElement>> All(string path)
        {
            var (status, page) = await Get(path + "?limit=100");
            Assert.Equal(200, status);
            Assert.False(page.GetProperty("pagination").GetProperty("has_more").GetBoolean());
            return page.GetProperty("data").EnumerateArray().ToList();
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task Listing_pages_with_limit_and_starting_after_to_the_end_in_the_documented_shape(string family)
        {
            var f = s_families[family];
            var pages = await Pages(f.Path, f.Path);
            var ids = Ids(Items(pages));

            Assert.True(ids.Count >= 3, $"{family}: {ids.Count} seeded items do not page at limit=2");
            Assert.True(pages.Count >= 2);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(Ids(await All(f.Path)), ids);
            Assert.All(pages, p => Assert.Equal(ids.Count, p.GetProperty("pagination").GetProperty("total_count").GetInt32()));
            var (_, first) = await Get(f.Path);
            Assert.Equal(Math.Min(ids.Count, 20), first.GetProperty("data").GetArrayLength());
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task Ids_have_the_shape_of_the_documents_example(string family)
        {
            var f = s_families[family];
            var example = Schema(f.ItemSchema).GetProperty("properties").GetProperty("id").GetProperty("examples")[0].GetString()!;
            Assert.Matches(f.IdPattern, example);
            Assert.All(Ids(await All(f.Path)), id => Assert.Matches(f.IdPattern, id));
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task Get_by_id_returns_each_listed_item_in_the_documented_shape(string family)
        {
            var f = s_families[family];
            foreach (var item in await All(f.Path))
            {
                var (status, json) = await Get(f.Path + "/" + Uri.EscapeDataString(item.GetProperty("id").GetString()!));
                Assert.Equal(200, status);
                AssertAnswer("GET", f.GetPath, 200, json);
                Assert.True(JsonElement.DeepEquals(item, json.GetProperty("data")), $"{json} differs from the listed {item}");
            }
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task An_unknown_id_is_a_404_error_envelope(string family)
        {
            var f = s_families[family];
            var (status, json) = await Get(f.Path + "/NO_SUCH_ID");
            Assert.Equal(404, status);
            AssertAnswer("GET", f.GetPath, 404, json);
            var error = json.GetProperty("error");
            Assert.Equal("resource_missing", error.GetProperty("code").GetString());
            Assert.Contains("NO_SUCH_ID", error.GetProperty("message").GetString());
            Assert.Equal(JsonValueKind.Array, error.GetProperty("errors").ValueKind);
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task A_limit_outside_the_documented_range_is_a_422(string family)
        {
            var f = s_families[family];
            var limit = QueryParameter("GET", f.Path, "limit")!.Value;
            Assert.Equal(1, limit.GetProperty("minimum").GetInt32());
            Assert.Equal(100, limit.GetProperty("maximum").GetInt32());
            foreach (var (value, type) in new[] { ("0", "greater_than_equal"), ("101", "less_than_equal"), ("many", "int_parsing") })
            {
                var (status, json) = await Get($"{f.Path}?limit={value}");
                Assert.Equal(422, status);
                AssertAnswer("GET", f.Path, 422, json);
                var detail = Assert.Single(json.GetProperty("detail").EnumerateArray());
                Assert.Equal("[\"query\",\"limit\"]", detail.GetProperty("loc").GetRawText());
                Assert.Equal(type, detail.GetProperty("type").GetString());
            }
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task A_missing_key_is_a_401_error_envelope(string family)
        {
            var f = s_families[family];
            var (status, json) = await Get(f.Path, key: null);
            Assert.Equal(401, status);
            AssertAnswer("GET", f.Path, 401, json);
        }

        [Theory]
        [MemberData(nameof(Searchable))]
        public async Task Search_keeps_the_items_whose_name_contains_it_ignoring_case(string family)
        {
            var f = s_families[family];
            var all = await All(f.Path);
            var names = all.Select(i => i.GetProperty("name").GetString()!).ToList();
            // The word of the names that picks the most items short of all of them, sent in another case.
            int Picks(string w) => names.Count(n => n.Contains(w, StringComparison.OrdinalIgnoreCase));
            var word = names.SelectMany(n => n.Split(' ')).Distinct().Where(w => Picks(w) < names.Count).OrderByDescending(Picks).First();
            var expected = Ids(all.Where(i => i.GetProperty("name").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase)));

            var pages = await Pages(f.Path, f.Path, "&search=" + Uri.EscapeDataString(word.ToUpperInvariant()));
            Assert.Equal(expected, Ids(Items(pages)));
            Assert.All(pages, p => Assert.Equal(expected.Count, p.GetProperty("pagination").GetProperty("total_count").GetInt32()));

            var (status, none) = await Get(f.Path + "?search=zz-no-such-name");
            Assert.Equal(200, status);
            AssertAnswer("GET", f.Path, 200, none);
            Assert.Equal(0, none.GetProperty("data").GetArrayLength());
            Assert.False(none.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        }

        [Theory]
        [MemberData(nameof(NotSearchable))]
        public async Task A_search_the_document_does_not_give_filters_nothing(string family)
        {
            var f = s_families[family];
            var (status, json) = await Get(f.Path + "?limit=100&search=zz-no-such-name");
            Assert.Equal(200, status);
            Assert.Equal(Ids(await All(f.Path)), Ids(json.GetProperty("data").EnumerateArray()));
        }

        [Fact]
        public void Every_catalog_listing_is_covered_here()
        {
            // The document's catalog operations this file holds the simulator to; a new one fails here until covered.
            var covered = s_families.Values.SelectMany(f => new[] { f.Path, f.GetPath })
                .Concat(new[] { "/api/v2/voices/{voice_id}/preview", "/api/v2/workspaces", "/api/v2/schemas/agents", "/api/v2/schemas/question-types" });
            var tags = new[] { "Email Templates", "Email Template Groups", "Design Templates", "Design Template Groups", "Interview Templates", "Domains", "Voices", "Phone Numbers", "Sender Emails", "Workspaces", "Schema Discovery" };
            var documented = Root.GetProperty("paths").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("get", out var get) && get.GetProperty("tags").EnumerateArray().Any(t => tags.Contains(t.GetString())))
                .Select(p => p.Name);
            Assert.Equal(documented.OrderBy(p => p), covered.OrderBy(p => p));
        }

        [Fact]
        public async Task The_voice_preview_is_a_small_deterministic_clip_of_the_documented_audio_type()
        {
            var voices = await All("/api/v2/voices");
            var voice = voices[0].GetProperty("id").GetString()!;
            var audioTypes = ResponseContentTypes("GET", "/api/v2/voices/{voice_id}/preview", 200).Where(t => t.StartsWith("audio/")).ToList();
            var audioType = Assert.Single(audioTypes);

            async Task<byte[]> Fetch(string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-API-KEY", Key);
                using var response = await Http.SendAsync(request);
                Assert.Equal(200, (int)response.StatusCode);
                Assert.Equal(audioType, response.Content.Headers.ContentType?.MediaType);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
                return bytes;
            }

            var clip = await Fetch($"api/v2/voices/{voice}/preview");
            Assert.InRange(clip.Length, 100, 4096);
            Assert.Equal("ID3", Encoding.ASCII.GetString(clip, 0, 3));
            var tagEnd = 10 + (clip[6] << 21 | clip[7] << 14 | clip[8] << 7 | clip[9]);
            Assert.Equal(0xFF, clip[tagEnd]);
            Assert.Equal(0xE0, clip[tagEnd + 1] & 0xE0);
            Assert.Contains(voice, Encoding.ASCII.GetString(clip, 0, tagEnd));
            Assert.Equal(clip, await Fetch($"api/v2/voices/{voice}/preview"));
            // preview_url leads to the same clip on this simulator.
            Assert.Equal(clip, await Fetch(voices[0].GetProperty("preview_url").GetString()!));
            Assert.NotEqual(clip, await Fetch($"api/v2/voices/{voices[1].GetProperty("id").GetString()}/preview"));

            var (status, json) = await Get("/api/v2/voices/wrv-nosuch/preview");
            Assert.Equal(404, status);
            AssertAnswer("GET", "/api/v2/voices/{voice_id}/preview", 404, json);
        }

        [Fact]
        public async Task An_api_key_sees_one_workspace_in_the_documented_list_shape()
        {
            var (status, json) = await Get("/api/v2/workspaces");
            Assert.Equal(200, status);
            AssertAnswer("GET", "/api/v2/workspaces", 200, json);
            var workspace = Assert.Single(json.GetProperty("data").EnumerateArray());
            Assert.Equal(CatalogData.WorkspaceId, workspace.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.String, workspace.GetProperty("name").ValueKind);
            Assert.False(json.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        }

        [Fact]
        public async Task The_agent_registry_names_each_documented_agent_type_with_documented_config_fields()
        {
            var (status, json) = await Get("/api/v2/schemas/agents");
            Assert.Equal(200, status);
            AssertAnswer("GET", "/api/v2/schemas/agents", 200, json);
            var agents = json.GetProperty("agents");
            var modalities = ModalityEnum();
            var steps = new[] { "_WebInterviewStep", "_ConversationalSMSStep", "_ResumeStep", "_FormStep" }.Select(Schema).ToList();
            Assert.Equal(steps.Count, agents.EnumerateObject().Count());
            foreach (var step in steps)
            {
                var type = step.GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!;
                var agent = agents.GetProperty(type);
                Assert.Equal(type, agent.GetProperty("type").GetString());
                Assert.All(agent.GetProperty("question_modalities").EnumerateArray(), m => Assert.Contains(m.GetString(), modalities));
                var config = Resolve(step.GetProperty("properties").GetProperty("config").GetProperty("anyOf")[0]).GetProperty("properties");
                foreach (var field in agent.GetProperty("config").EnumerateObject())
                {
                    Assert.True(config.TryGetProperty(field.Name, out var documented), $"{type}.config.{field.Name} is not in the document");
                    Assert.Equal(documented.GetProperty("anyOf")[0].GetProperty("type").GetString(), field.Value.GetProperty("type").GetString());
                }
            }
        }

        [Fact]
        public async Task The_question_type_registry_covers_each_documented_modality_with_documented_fields()
        {
            var (status, json) = await Get("/api/v2/schemas/question-types");
            Assert.Equal(200, status);
            AssertAnswer("GET", "/api/v2/schemas/question-types", 200, json);
            var modalities = json.GetProperty("modalities");
            Assert.Equal(ModalityEnum().OrderBy(m => m), modalities.EnumerateObject().Select(m => m.Name).OrderBy(m => m));
            var question = Schema("QuestionResponse").GetProperty("properties");
            foreach (var m in modalities.EnumerateObject())
                Assert.All(m.Value.GetProperty("fields").EnumerateArray(), field => Assert.True(question.TryGetProperty(field.GetString()!, out _), $"{m.Name}: {field}"));
        }

        private static List<string> ModalityEnum() =>
            QueryParameter("GET", "/api/v2/postings/{posting_id}/questions", "modality")!.Value.GetProperty("anyOf")[0].GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()!).ToList();

        [Fact]
        public async Task Values_the_document_lists_in_prose_are_the_ones_served()
        {
            static void OneOf(IReadOnlyList<string> documented, IEnumerable<JsonElement> items, string property) =>
                Assert.All(items, i => Assert.True(i.GetProperty(property).ValueKind == JsonValueKind.Null || documented.Contains(i.GetProperty(property).GetString()!),
                    $"{property} {i.GetProperty(property)} is not one of {string.Join(", ", documented)}"));

            var templateKeys = QuotedValues("EmailTemplateResponse", "template_key");
            var emailTemplates = await All("/api/v2/email-templates");
            OneOf(templateKeys, emailTemplates, "template_key");
            Assert.Equal(templateKeys.OrderBy(k => k), emailTemplates.Select(t => t.GetProperty("template_key").GetString()!).Distinct().OrderBy(k => k));
            OneOf(QuotedValues("DesignTemplateResponse", "template_type"), await All("/api/v2/design-templates"), "template_type");
            var domains = await All("/api/v2/domains");
            OneOf(QuotedValues("CustomDomainResponse", "status"), domains, "status");
            Assert.All(domains, d => Assert.Equal(d.GetProperty("status").GetString() == "active", d.GetProperty("active").GetBoolean()));
            var voices = await All("/api/v2/voices");
            OneOf(QuotedValues("VoiceResponse", "provider"), voices, "provider");
            OneOf(QuotedValues("VoiceResponse", "gender"), voices, "gender");
            Assert.All(await All("/api/v2/phone-numbers"), p => Assert.Matches(@"^\+[1-9]\d{6,14}$", p.GetProperty("phone_number").GetString()!));
            Assert.All(await All("/api/v2/sender-emails"), e => Assert.Equal(
                e.GetProperty("email_prefix").GetString() + "@" + e.GetProperty("domain").GetString(), e.GetProperty("full_email").GetString()));
        }

        [Fact]
        public async Task Template_groups_map_documented_keys_to_listed_templates_of_that_key()
        {
            var emailTemplates = (await All("/api/v2/email-templates")).ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("template_key").GetString()!);
            var senders = Ids(await All("/api/v2/sender-emails"));
            foreach (var group in await All("/api/v2/email-template-groups"))
            {
                foreach (var map in group.GetProperty("template_mappings").EnumerateObject())
                    Assert.Equal(map.Name, emailTemplates[map.Value.GetString()!]);
                var sender = group.GetProperty("sender_email_id");
                if (sender.ValueKind != JsonValueKind.Null) Assert.Contains(sender.GetString(), senders);
            }

            var pageTypes = QuotedValues("DesignTemplateGroupResponse", "template_mappings");
            var designTemplates = (await All("/api/v2/design-templates")).ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("template_type").GetString()!);
            var groups = await All("/api/v2/design-template-groups");
            foreach (var group in groups)
                foreach (var map in group.GetProperty("template_mappings").EnumerateObject())
                {
                    Assert.Contains(map.Name, pageTypes);
                    Assert.Equal(map.Name, designTemplates[map.Value.GetString()!]);
                }
            Assert.Single(groups, g => g.GetProperty("is_default").GetBoolean());
        }

        [Fact]
        public async Task Interview_templates_name_a_blueprint_posting_of_the_workspace()
        {
            var templates = await All("/api/v2/interview-templates");
            Assert.Single(templates, t => t.GetProperty("is_default").GetBoolean());
            foreach (var template in templates)
            {
                Assert.Matches("^[A-Za-z0-9-]{1,32}$", template.GetProperty("template_code").GetString()!);
                var (status, _) = await Get("/api/v2/postings/" + template.GetProperty("posting_id").GetString());
                Assert.Equal(200, status);
            }
            Assert.Equal(templates.Count, templates.Select(t => t.GetProperty("template_code").GetString()).Distinct().Count());
        }

        [Fact]
        public async Task The_same_seed_gives_the_same_catalog_and_another_seed_another()
        {
            await using var same = await SimulatorHost.StartAsync(new SimulatorOptions { Url = "http://127.0.0.1:0" });
            await using var other = await SimulatorHost.StartAsync(new SimulatorOptions { Url = "http://127.0.0.1:0", Seed = 7 });
            static IEnumerable<string> Everything(CatalogData c) =>
                c.EmailTemplateIds.Concat(c.EmailTemplateGroupIds).Concat(c.DesignTemplateIds).Concat(c.DesignTemplateGroupIds).Concat(c.InterviewTemplateIds)
                    .Concat(c.DomainIds).Concat(c.VoiceIds).Concat(c.PhoneNumberIds).Concat(c.SenderEmailIds);

            Assert.Equal(Everything(Sim.Data.Catalog), Everything(same.Data.Catalog));
            Assert.Empty(Everything(Sim.Data.Catalog).Intersect(Everything(other.Data.Catalog)));
            Assert.Equal(Ids(await All("/api/v2/voices")), Sim.Data.Catalog.VoiceIds);
        }
    }
}

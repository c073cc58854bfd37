using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The workspace catalog's Get- cmdlets, each run as a user would against the simulator: listing across
    /// pages, -First/-Skip asking for no more than needed, early stop, -Search where the API has it, ids from
    /// the pipeline, and 404s as non-terminating HeyMilo.NotFound errors.
    /// </summary>
    public class CatalogTests : MiloTestBase
    {
        /// <summary>One catalog cmdlet: its id parameter, the API's snake_case name, the path, the type, the seeded ids, what it shows as a name, and whether -Search exists.</summary>
        public sealed class Family
        {
            public Family(string cmdlet, string idParameter, string snake, string path, string type, Func<CatalogData, IReadOnlyList<string>> ids, string nameProperty, bool search)
            {
                Cmdlet = cmdlet; IdParameter = idParameter; Snake = snake; Path = path; Type = type; Ids = ids; NameProperty = nameProperty; Search = search;
            }

            public string Cmdlet { get; }
            public string IdParameter { get; }
            public string Snake { get; }
            public string Path { get; }
            public string Type { get; }
            public Func<CatalogData, IReadOnlyList<string>> Ids { get; }
            public string NameProperty { get; }
            public bool Search { get; }
            public string CommandClass => "HeyMilo.Commands." + Cmdlet.Replace("-", string.Empty) + "Command";
            public override string ToString() => Cmdlet;
        }

        internal static readonly Family[] Families =
        {
            new Family("Get-MiloEmailTemplate", "TemplateId", "template_id", "/api/v2/email-templates", "HeyMilo.EmailTemplate", c => c.EmailTemplateIds, "Name", true),
            new Family("Get-MiloEmailTemplateGroup", "GroupId", "group_id", "/api/v2/email-template-groups", "HeyMilo.EmailTemplateGroup", c => c.EmailTemplateGroupIds, "Name", true),
            new Family("Get-MiloDesignTemplate", "TemplateId", "template_id", "/api/v2/design-templates", "HeyMilo.DesignTemplate", c => c.DesignTemplateIds, "Name", true),
            new Family("Get-MiloDesignTemplateGroup", "GroupId", "group_id", "/api/v2/design-template-groups", "HeyMilo.DesignTemplateGroup", c => c.DesignTemplateGroupIds, "Name", true),
            new Family("Get-MiloInterviewTemplate", "TemplateId", "template_id", "/api/v2/interview-templates", "HeyMilo.InterviewTemplate", c => c.InterviewTemplateIds, "Name", true),
            new Family("Get-MiloDomain", "DomainId", "config_id", "/api/v2/domains", "HeyMilo.CustomDomain", c => c.DomainIds, "Domain", false),
            new Family("Get-MiloVoice", "VoiceId", "voice_id", "/api/v2/voices", "HeyMilo.Voice", c => c.VoiceIds, "Name", true),
            new Family("Get-MiloPhoneNumber", "PhoneNumberId", "config_id", "/api/v2/phone-numbers", "HeyMilo.PhoneNumber", c => c.PhoneNumberIds, "Number", false),
            new Family("Get-MiloSenderEmail", "SenderEmailId", "sender_email_id", "/api/v2/sender-emails", "HeyMilo.SenderEmail", c => c.SenderEmailIds, "FullEmail", false),
        };

        public static IEnumerable<object[]> All => Families.Select(f => new object[] { f });
        public static IEnumerable<object[]> Searchable => Families.Where(f => f.Search).Select(f => new object[] { f });
        public static IEnumerable<object[]> NotSearchable => Families.Where(f => !f.Search).Select(f => new object[] { f });

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect();
        }

        private IReadOnlyList<string> IdsOf(Family f) => f.Ids(Sim.Data.Catalog);

        private static List<string> Ids(IEnumerable<PSObject> output) => output.Select(o => (string)o.Properties["Id"].Value).ToList();

        /// <summary>Requests to exactly the listing (not /{id}).</summary>
        private List<RecordedRequest> Listing(Family f) => Sim.Requests.Snapshot().Where(r => r.Path == f.Path).ToList();

        [Theory]
        [MemberData(nameof(All))]
        public void Lists_every_item_in_order_following_the_cursor_page_by_page(Family f)
        {
            var ids = IdsOf(f);
            Assert.True(ids.Count >= 4, "the simulator seeds at least four of each");

            var output = Run($"{f.Cmdlet} -PageSize 2").ThrowIfTerminating().Output;

            Assert.Equal(ids, Ids(output));
            Assert.All(output, o => Assert.Equal(f.Type, o.TypeNames[0]));
            var pages = Listing(f);
            Assert.Equal((ids.Count + 1) / 2, pages.Count);
            Assert.Equal("?limit=2", pages[0].Query);
            Assert.Equal($"?limit=2&starting_after={ids[1]}", pages[1].Query);
        }

        [Theory]
        [MemberData(nameof(All))]
        public void By_default_pages_are_of_the_API_maximum(Family f)
        {
            Run(f.Cmdlet).ThrowIfTerminating();
            Assert.Equal("?limit=100", Listing(f).Single().Query);
        }

        [Theory]
        [MemberData(nameof(All))]
        public void Skip_and_First_ask_for_no_more_than_needed(Family f)
        {
            var ids = IdsOf(f);
            var output = Run($"{f.Cmdlet} -Skip 1 -First 2 -PageSize 2").ThrowIfTerminating().Output;

            Assert.Equal(ids.Skip(1).Take(2), Ids(output));
            Assert.Equal(new[] { "?limit=2", $"?limit=1&starting_after={ids[1]}" }, Listing(f).Select(r => r.Query));
        }

        [Theory]
        [MemberData(nameof(All))]
        public void IncludeTotalCount_reports_the_API_total(Family f)
        {
            var output = Run($"{f.Cmdlet} -First 1 -IncludeTotalCount").ThrowIfTerminating().Output;
            Assert.Equal((ulong)IdsOf(f).Count, output[0].BaseObject);
            Assert.Equal(2, output.Count);
        }

        [Theory]
        [MemberData(nameof(All))]
        public void A_stopped_pipeline_requests_no_further_page(Family f)
        {
            var output = Run($"do {{ {f.Cmdlet} -PageSize 1 | ForEach-Object {{ $n++; $_; if ($n -eq 2) {{ break }} }} }} while ($false)").ThrowIfTerminating().Output;
            Assert.Equal(2, output.Count);
            Assert.Equal(2, Listing(f).Count);
        }

        [Theory]
        [MemberData(nameof(All))]
        public void Ids_bind_from_the_pipeline_by_value_by_property_name_and_from_the_cmdlets_own_objects(Family f)
        {
            var ids = IdsOf(f);
            Ps.Set("ids", ids.Take(2).ToArray());
            var output = Run($"$ids | {f.Cmdlet}; [pscustomobject]@{{ {f.Snake} = $ids[0] }} | {f.Cmdlet}; {f.Cmdlet} -First 1 | {f.Cmdlet}; {f.Cmdlet} -{f.IdParameter} $ids[1]")
                .ThrowIfTerminating().Output;

            Assert.Equal(new[] { ids[0], ids[1], ids[0], ids[0], ids[1] }, Ids(output));
            Assert.All(output, o => Assert.Equal(f.Type, o.TypeNames[0]));
            Assert.All(output, o => Assert.False(string.IsNullOrEmpty(o.Properties[f.NameProperty].Value as string)));
            Assert.Equal(5, Sim.Requests.Snapshot().Count(r => r.Path.StartsWith(f.Path + "/", StringComparison.Ordinal)));
        }

        [Theory]
        [MemberData(nameof(All))]
        public void An_unknown_id_is_a_non_terminating_NotFound_with_the_id_as_target(Family f)
        {
            Ps.Set("ids", new[] { "NOSUCH0001", IdsOf(f)[0] });
            var result = Run($"$ids | {f.Cmdlet}");

            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound," + f.CommandClass, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("NOSUCH0001", error.TargetObject);
            Assert.Contains("NOSUCH0001", error.ErrorDetails.Message);
            Assert.Contains(f.Cmdlet + " without an id", error.ErrorDetails.RecommendedAction);
            Assert.Equal(IdsOf(f)[0], Ids(result.Output).Single());
        }

        [Theory]
        [MemberData(nameof(Searchable))]
        public void Search_is_sent_to_the_API_and_keeps_the_names_that_contain_it(Family f)
        {
            var all = Run(f.Cmdlet).ThrowIfTerminating().Output;
            // A word of the first name, in another case: the API's search is a case-insensitive substring.
            var word = ((string)all[0].Properties["Name"].Value).Split(' ').OrderByDescending(w => w.Length).First();
            var expected = all.Where(o => ((string)o.Properties["Name"].Value).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).Select(o => (string)o.Properties["Id"].Value).ToList();
            Ps.Set("word", word.ToUpperInvariant());

            var output = Run($"{f.Cmdlet} -Search $word -PageSize 50").ThrowIfTerminating().Output;

            Assert.NotEmpty(expected);
            Assert.Equal(expected, Ids(output));
            Assert.Equal("?limit=50&search=" + Uri.EscapeDataString(word.ToUpperInvariant()), Listing(f).Last().Query);
        }

        [Theory]
        [MemberData(nameof(NotSearchable))]
        public void Where_the_API_has_no_search_the_cmdlet_offers_none(Family f)
        {
            var result = Run($"{f.Cmdlet} -Search acme");
            Assert.StartsWith("NamedParameterNotFound", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Theory]
        [MemberData(nameof(All))]
        public void PageSize_outside_1_to_100_and_Search_or_PageSize_with_an_id_are_rejected_before_any_request(Family f)
        {
            Assert.StartsWith("ParameterArgumentValidationError", Run($"{f.Cmdlet} -PageSize 0").Terminating?.FullyQualifiedErrorId);
            Assert.StartsWith("ParameterArgumentValidationError", Run($"{f.Cmdlet} -PageSize 101").Terminating?.FullyQualifiedErrorId);
            Assert.StartsWith("AmbiguousParameterSet", Run($"{f.Cmdlet} -{f.IdParameter} x -PageSize 5").Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Catalog_objects_have_typed_properties_and_keep_fields_the_API_adds_later()
        {
            var voice = Sim.Data.Catalog.VoiceIds[0];
            Sim.Faults.Add("GET", "/api/v2/voices/" + voice, new Fault
            {
                Status = 200,
                Body = "{\"data\":{\"object\":\"voice\",\"id\":\"" + voice + "\",\"provider\":\"lmnt\",\"provider_voice_id\":\"x\",\"name\":\"Nova\",\"labels\":{\"style\":\"calm\"},\"created_at\":1739612400,\"updated_at\":1739612400.5,\"emotion_range\":{\"max\":3}},\"meta\":{}}",
            });
            var output = Run($"Get-MiloVoice -VoiceId {voice}; Get-MiloEmailTemplate -First 1; Get-MiloPhoneNumber -First 1").ThrowIfTerminating().Output;

            var extra = (System.Collections.IDictionary)output[0].Properties["AdditionalProperties"].Value;
            Assert.True(extra.Contains("emotion_range"));
            Assert.Equal(new DateTimeOffset(2025, 2, 15, 9, 40, 0, 500, TimeSpan.Zero), output[0].Properties["UpdatedAt"].Value);
            Assert.Equal("calm", ((System.Collections.IDictionary)output[0].Properties["Labels"].Value)["style"]);
            Assert.IsType<DateTimeOffset>(output[1].Properties["CreatedAt"].Value);
            Assert.Equal("HeyMilo.BlackoutPeriod", output[1].Properties["BlackoutPeriod"].Value is PSObject b ? b.TypeNames[0] : output[1].Properties["BlackoutPeriod"].Value.GetType().FullName);
            Assert.IsType<DateTimeOffset>(output[2].Properties["DateProvisioned"].Value);
            Assert.StartsWith("+", (string)output[2].Properties["Number"].Value);
        }

        [Fact]
        public void An_email_template_group_pipes_into_Get_MiloSenderEmail_by_its_SenderEmailId()
        {
            var output = Run("Get-MiloEmailTemplateGroup -First 1 | Get-MiloSenderEmail").ThrowIfTerminating().Output;
            var group = Run("Get-MiloEmailTemplateGroup -First 1").ThrowIfTerminating().Output.Single();
            Assert.Equal(group.Properties["SenderEmailId"].Value, Ids(output).Single());
        }

        [Fact]
        public void Get_MiloWorkspace_reads_one_unpaged_page_and_the_session_remembers_the_workspace()
        {
            Assert.Null(Run("(Get-MiloSession).WorkspaceName").ThrowIfTerminating().Output.Single()?.BaseObject);

            var workspace = Run("Get-MiloWorkspace").ThrowIfTerminating().Output.Single();

            Assert.Equal("HeyMilo.Workspace", workspace.TypeNames[0]);
            Assert.Equal(CatalogData.WorkspaceId, workspace.Properties["Id"].Value);
            Assert.Equal(CatalogData.WorkspaceName, workspace.Properties["Name"].Value);
            Assert.Equal("", Requests("/api/v2/workspaces").Single().Query);
            var session = Run("Get-MiloSession").ThrowIfTerminating().Output.Single();
            Assert.Equal(CatalogData.WorkspaceName, session.Properties["WorkspaceName"].Value);
            Assert.Equal(CatalogData.WorkspaceId, session.Properties["WorkspaceId"].Value);
        }

        [Fact]
        public void A_workspace_listing_that_claims_more_is_still_read_once()
        {
            Sim.Faults.Add("GET", "/api/v2/workspaces", new Fault { Status = 200, Body = "{\"data\":[{\"id\":\"W1\",\"name\":\"One\"},{\"id\":\"W2\"}],\"pagination\":{\"has_more\":true}}" });
            var output = Run("Get-MiloWorkspace").ThrowIfTerminating().Output;
            Assert.Equal(new[] { "W1", "W2" }, Ids(output));
            Assert.Single(Requests("/api/v2/workspaces"));
            // Two workspaces: which one the key uses is the API's choice, so the session names none.
            Assert.Null(Run("(Get-MiloSession).WorkspaceName").ThrowIfTerminating().Output.Single()?.BaseObject);
        }

        [Fact]
        public void Get_MiloAgentType_lists_the_step_types_and_filters_with_wildcards()
        {
            var all = Run("Get-MiloAgentType").ThrowIfTerminating().Output;
            Assert.Equal(new[] { "web_interview", "conversational_sms", "resume", "form" }, all.Select(o => (string)o.Properties["Type"].Value));
            Assert.All(all, o => Assert.Equal("HeyMilo.AgentType", o.TypeNames[0]));
            var web = all[0];
            Assert.Equal(new[] { "voice", "voice_tags" }, (string[])web.Properties["QuestionModalities"].Value);
            Assert.True(((System.Collections.IDictionary)web.Properties["Config"].Value).Contains("voice_id"));

            Assert.Equal(new[] { "conversational_sms" }, Run("Get-MiloAgentType *sms").ThrowIfTerminating().Output.Select(o => (string)o.Properties["Type"].Value));
        }

        [Fact]
        public void A_step_type_the_API_does_not_know_is_a_NotFound_error_and_the_registry_is_read_once()
        {
            var result = Run("'form', 'nosuch', 'resume' | Get-MiloAgentType");
            Assert.Equal(new[] { "form", "resume" }, result.Output.Select(o => (string)o.Properties["Type"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloAgentTypeCommand", error.FullyQualifiedErrorId);
            Assert.Equal("nosuch", error.TargetObject);
            Assert.Single(Requests("/api/v2/schemas/agents"));
        }

        [Fact]
        public void Get_MiloQuestionType_lists_modalities_and_takes_step_types_from_the_pipeline()
        {
            var all = Run("Get-MiloQuestionType").ThrowIfTerminating().Output;
            Assert.Equal(new[] { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" }, all.Select(o => (string)o.Properties["Modality"].Value));
            Assert.Equal(new[] { "YES_NO", "NUMERIC" }, (string[])all[1].Properties["Formats"].Value);

            var web = Run("Get-MiloAgentType web_interview | Get-MiloQuestionType").ThrowIfTerminating().Output;
            Assert.Equal(new[] { "voice", "voice_tags" }, web.Select(o => (string)o.Properties["Modality"].Value));
            var back = Run("Get-MiloQuestionType -Modality sms | Get-MiloAgentType").ThrowIfTerminating().Output;
            Assert.Equal("conversational_sms", back.Single().Properties["Type"].Value);

            var missing = Run("Get-MiloQuestionType -Modality video, 'resume_*'");
            Assert.Equal(new[] { "resume_eligibility", "resume_scoring" }, missing.Output.Select(o => (string)o.Properties["Modality"].Value));
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloQuestionTypeCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Test_MiloConnection_reports_the_workspaces_the_key_reaches_with_one_authenticated_request()
        {
            var result = Run("Test-MiloConnection").ThrowIfTerminating().Output.Single();

            var workspaces = (Array)result.Properties["Workspaces"].Value;
            var workspace = PSObject.AsPSObject(Assert.Single(workspaces.Cast<object>()));
            Assert.Equal(CatalogData.WorkspaceName, workspace.Properties["Name"].Value);
            Assert.Single(Requests("/api/v2/workspaces"));
            Assert.Empty(Requests("/api/v2/postings"));
            Assert.Equal(CatalogData.WorkspaceName, Run("(Get-MiloSession).WorkspaceName").ThrowIfTerminating().Output.Single().BaseObject);
        }

        [Fact]
        public void Test_MiloConnection_with_a_refused_key_or_Legacy_reports_no_workspaces()
        {
            var legacy = Run("Test-MiloConnection -Legacy").ThrowIfTerminating().Output.Single();
            Assert.Empty((Array)legacy.Properties["Workspaces"].Value);
            Assert.Empty(Requests("/api/v2/workspaces"));

            Connect(key: "sim-key-wrong-000000");
            var refused = Run("Test-MiloConnection").ThrowIfTerminating().Output.Single();
            Assert.False((bool?)refused.Properties["KeyAccepted"].Value);
            Assert.Empty((Array)refused.Properties["Workspaces"].Value);
            Assert.Null(Run("(Get-MiloSession).WorkspaceName").ThrowIfTerminating().Output.Single()?.BaseObject);
        }
    }
}

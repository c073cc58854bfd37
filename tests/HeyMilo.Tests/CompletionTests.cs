using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>Tab completion as the console does it: CommandCompletion.CompleteInput in the hosted engine.</summary>
    public class CompletionTests : MiloTestBase
    {
        private const string SecondKey = "sim-key-second-workspace-7777";

        protected override void Configure(SimulatorOptions options) => options.ApiKeys = new[] { Key, SecondKey };

        private IReadOnlyList<CompletionResult> Complete(string line)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            var completion = CommandCompletion.CompleteInput(line, line.Length, null, ps);
            return completion.CompletionMatches.ToList();
        }

        /// <summary>id → title, read with Get-MiloPosting (before the completion, so its requests are not counted).</summary>
        private Dictionary<string, string> Titles() =>
            Run("Get-MiloPosting").ThrowIfTerminating().Output
                .ToDictionary(p => (string)p.Properties["Id"].Value, p => (string)p.Properties["Title"].Value);

        [Fact]
        public void PostingId_inserts_ids_and_shows_titles()
        {
            Connect();
            var titles = Titles();
            var before = Requests("/api/v2/postings").Count;

            var matches = Complete("Get-MiloInterview -PostingId ");

            Assert.Equal(Sim.Data.PostingIds, matches.Select(m => m.CompletionText).ToList());
            Assert.All(matches, m =>
            {
                Assert.Equal(titles[m.CompletionText], m.ListItemText);
                Assert.Contains(titles[m.CompletionText], m.ToolTip);
                Assert.Contains(m.CompletionText, m.ToolTip);
                Assert.Equal(CompletionResultType.ParameterValue, m.ResultType);
            });
            var request = Assert.Single(Requests("/api/v2/postings").Skip(before));
            Assert.Contains("limit=100", request.Query);
        }

        [Fact]
        public void PostingId_filters_by_the_typed_prefix_on_title_or_id()
        {
            Connect();
            var titles = Titles();

            var byTitle = Complete("Get-MiloPosting -PostingId soft");
            var expected = titles.Where(t => t.Value.StartsWith("Soft", StringComparison.Ordinal)).Select(t => t.Key).ToList();
            Assert.Equal(2, expected.Count); // "Software Engineer" and "Software Engineer 2" (titles repeat after 15)
            Assert.Equal(expected, byTitle.Select(m => m.CompletionText).ToList());

            var id = Sim.Data.PostingIds[3];
            var byId = Complete("Copy-MiloPosting -PostingId " + id.Substring(0, id.Length - 1).ToUpperInvariant());
            Assert.Equal(new[] { id }, byId.Select(m => m.CompletionText).ToArray());

            var quoted = Complete("Get-MiloPosting -PostingId '" + id.Substring(0, 9));
            Assert.Contains("'" + id + "'", quoted.Select(m => m.CompletionText));

            Assert.Empty(Complete("Get-MiloPosting -PostingId zzz-nothing"));
        }

        [Fact]
        public void Completions_are_cached_per_session_for_a_minute_on_the_module_clock()
        {
            Connect();
            Assert.NotEmpty(Complete("Get-MiloPosting -PostingId "));
            Assert.NotEmpty(Complete("Export-MiloInterview -PostingId "));
            Assert.NotEmpty(Complete("New-MiloWebhook -PostingId s"));
            Assert.Single(Requests("/api/v2/postings"));

            Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.NotEmpty(Complete("Get-MiloPosting -PostingId "));
            Assert.Equal(2, Requests("/api/v2/postings").Count);
        }

        [Fact]
        public void Without_a_session_there_are_no_completions_and_no_error()
        {
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            const string line = "Get-MiloPosting -PostingId ";
            var completion = CommandCompletion.CompleteInput(line, line.Length, null, ps);

            Assert.Empty(completion.CompletionMatches);
            Assert.False(ps.HadErrors);
            Assert.Empty(ps.Streams.Error);
            Assert.Empty(Complete("Disable-MiloWebhook -WebhookId "));
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Session_typed_on_the_line_is_the_one_asked()
        {
            Connect();
            Ps.Set("k2", Secure(SecondKey));
            Run($"$second = Connect-Milo -ApiKey $k2 -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -PassThru").ThrowIfTerminating();
            Connect(); // the first key is current again

            Assert.NotEmpty(Complete("Get-MiloPosting -Session $second -PostingId "));
            Assert.Equal(new[] { SecondKey }, Requests("/api/v2/postings").Select(r => r.ApiKey).ToArray());
            Assert.NotEmpty(Complete("Get-MiloPosting -PostingId "));
            Assert.Equal(new[] { SecondKey, Key }, Requests("/api/v2/postings").Select(r => r.ApiKey).ToArray());
        }

        [Fact]
        public void WebhookId_inserts_ids_and_shows_event_and_url()
        {
            Connect();
            var matches = Complete("Disable-MiloWebhook -WebhookId ");
            Assert.Equal(Sim.Data.WebhookIds, matches.Select(m => m.CompletionText).ToList());
            Assert.All(matches, m => Assert.Contains("https://hooks.example.com/heymilo/", m.ListItemText));
            Assert.StartsWith("interview_started ", matches[0].ListItemText);

            var filtered = Complete("Get-MiloWebhook -WebhookId report");
            Assert.Equal(new[] { Sim.Data.WebhookIds[2] }, filtered.Select(m => m.CompletionText).ToArray());
            Assert.Single(Requests("/api/v2/webhooks"));
        }

        [Fact]
        public void EventType_offers_the_three_event_types_without_a_request()
        {
            Connect();
            var all = Complete("Get-MiloWebhook -EventType ");
            Assert.Equal(new[] { "interview_started", "interview_completed", "report_available" }, all.Select(m => m.CompletionText).ToArray());
            Assert.Contains("report is ready", all[2].ToolTip);
            var validated = Complete("New-MiloWebhook -EventType Interview_");
            Assert.Equal(new[] { "interview_completed", "interview_started" }, validated.Select(m => m.CompletionText).OrderBy(t => t).ToArray());
            // New-MiloWebhook -EventType also has [ValidateSet]; the engine completes from that set first (sorted, no tool tips).
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void AtsName_completes_the_providers_the_ATS_operations_serve_without_a_request()
        {
            Connect();
            Assert.Equal(new[] { "bullhorn", "avionte" }, Complete("Send-MiloAtsCandidate -AtsName ").Select(m => m.CompletionText).ToArray());
            Assert.Equal(new[] { "avionte" }, Complete("Resolve-MiloAtsCandidate -AtsName AV").Select(m => m.CompletionText).ToArray());
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Each_completer_caches_its_own_values_in_one_session()
        {
            Connect();
            Assert.Equal(Sim.Data.PostingIds, Complete("Get-MiloPosting -PostingId ").Select(m => m.CompletionText).ToList());
            // Within the minute the posting ids are cached for: webhook ids are fetched, not the postings reused.
            Assert.Equal(Sim.Data.WebhookIds, Complete("Disable-MiloWebhook -WebhookId ").Select(m => m.CompletionText).ToList());
            Assert.Single(Requests("/api/v2/webhooks"));
        }

        [Fact]
        public void QuestionId_offers_the_questions_of_the_posting_and_modality_on_the_line()
        {
            Connect();
            var posting = Sim.Data.PostingIds[1];
            var all = Complete($"Remove-MiloQuestion -PostingId {posting} -QuestionId ");
            Assert.Equal(13, all.Count);
            Assert.All(all, m => Assert.StartsWith("qst_00002", m.CompletionText));
            Assert.StartsWith("voice 1: Tell us about a project", all[0].ListItemText);
            Assert.Contains("Tell us about a project you are proud of.", all[0].ToolTip);

            var sms = Complete($"Set-MiloQuestionOrder -PostingId {posting} -Modality sms -QuestionId ");
            Assert.Equal(new[] { "qst_00002004", "qst_00002005" }, sms.Select(m => m.CompletionText).ToArray());
            var byText = Complete($"Set-MiloQuestion -PostingId {posting} -QuestionId 'How many");
            Assert.Equal(new[] { "'qst_00002005'" }, byText.Select(m => m.CompletionText).ToArray());

            var listed = Requests($"/api/v2/postings/{posting}/questions");
            Assert.Equal(2, listed.Count); // all, then sms; the text filter reused the first
            Assert.Contains("modality=sms", listed[1].Query);
        }

        [Fact]
        public void QuestionId_without_a_PostingId_on_the_line_offers_nothing_and_asks_nothing()
        {
            Connect();
            Assert.Empty(Complete("Remove-MiloQuestion -QuestionId "));
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Step_offers_the_postings_steps_by_type_and_order_or_the_schema_step_types_without_a_posting()
        {
            Connect();
            var posting = Sim.Data.PostingIds[2];
            var steps = Complete($"Set-MiloWorkflowStep -PostingId {posting} -Step ");
            Assert.Equal(new[] { "resume", "web_interview", "1", "2" }, steps.Select(m => m.CompletionText).ToArray());
            Assert.Equal("web_interview (step 2)", steps[1].ListItemText);
            Assert.Contains("agent_vi_001", steps[1].ToolTip);
            Assert.Equal(new[] { "web_interview" }, Complete($"Set-MiloWorkflowStep -PostingId {posting} -Step web").Select(m => m.CompletionText).ToArray());
            Assert.Single(Requests("/api/v2/postings/" + posting));

            // Without a posting: the step types of the schemas endpoint.
            var types = Complete("Set-MiloWorkflowStep -Step ");
            Assert.Equal(new[] { "web_interview", "conversational_sms", "resume", "form" }, types.Select(m => m.CompletionText).ToArray());
            Assert.Single(Requests("/api/v2/schemas/agents"));
        }
    }
}

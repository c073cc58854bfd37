using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class WebhookTests : MiloTestBase
    {
        private const string V2 = "/api/v2/webhooks";

        private static string Hook(string id, string posting, string eventType, bool active = true) =>
            "{\"object\":\"webhook\",\"webhook_id\":\"" + id + "\",\"posting_id\":\"" + posting + "\",\"webhook_url\":\"https://hooks.example/" + id +
            "\",\"event_type\":\"" + eventType + "\",\"is_active\":" + (active ? "true" : "false") + ",\"created_at\":1739612400.0,\"updated_at\":1739617200.0}";

        [Fact]
        public void New_webhook_posts_exactly_posting_id_webhook_url_and_event_type()
        {
            Connect();
            Ps.Set("id", Sim.Data.PostingIds[0]);
            var webhook = Assert.Single(Run("New-MiloWebhook -PostingId $id -Url 'https://hooks.example/milo' -EventType interview_completed").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.Webhook", webhook.TypeNames[0]);
            Assert.True((bool)webhook.Properties["IsActive"].Value);
            Assert.False((bool)webhook.Properties["Legacy"].Value);
            var request = Assert.Single(Requests(V2), r => r.Method == "POST");
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(new[] { "posting_id", "webhook_url", "event_type" }, body.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Sim.Data.PostingIds[0], body.RootElement.GetProperty("posting_id").GetString());
            Assert.Equal("https://hooks.example/milo", body.RootElement.GetProperty("webhook_url").GetString());
            Assert.Equal("interview_completed", body.RootElement.GetProperty("event_type").GetString());
        }

        [Fact]
        public void A_posting_from_the_pipeline_binds_its_Id()
        {
            Connect();
            Run("Get-MiloPosting -First 1 | New-MiloWebhook -Url 'https://hooks.example/p' -EventType report_available").ThrowIfTerminating();
            using var body = JsonDocument.Parse(Assert.Single(Requests(V2), r => r.Method == "POST").Body);
            Assert.Equal(Sim.Data.PostingIds[0], body.RootElement.GetProperty("posting_id").GetString());
        }

        [Fact]
        public void HttpMethod_Get_uses_the_legacy_create_with_a_lower_case_method()
        {
            Connect();
            Ps.Set("id", Sim.Data.PostingIds[0]);
            var webhook = Assert.Single(Run("New-MiloWebhook -PostingId $id -Url 'https://hooks.example/g' -EventType report_available -HttpMethod Get").ThrowIfTerminating().Output);
            Assert.True((bool)webhook.Properties["Legacy"].Value);
            Assert.Empty(Requests(V2));
            var request = Assert.Single(Requests("/create"));
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal("get", body.RootElement.GetProperty("http_method").GetString());
            Assert.Equal("https://hooks.example/g", body.RootElement.GetProperty("url").GetString());
        }

        [Fact]
        public void WhatIf_on_create_sends_nothing()
        {
            Connect();
            var result = Run("New-MiloWebhook -PostingId pst_1 -Url 'https://hooks.example/x' -EventType interview_started -WhatIf").ThrowIfTerminating();
            Assert.Empty(result.Output);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Theory]
        [InlineData("/relative/path")]
        [InlineData("ftp://hooks.example/x")]
        [InlineData("not a url")]
        public void A_bad_url_is_rejected_before_any_request(string url)
        {
            Connect();
            Ps.Set("url", url);
            var error = Assert.Single(Run("New-MiloWebhook -PostingId pst_1 -Url $url -EventType interview_started").Errors);
            Assert.Equal("HeyMilo.InvalidWebhookUrl,HeyMilo.Commands.NewMiloWebhookCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void An_unknown_event_type_is_rejected_by_ValidateSet()
        {
            Connect();
            var result = Run("New-MiloWebhook -PostingId pst_1 -Url 'https://hooks.example/x' -EventType candidate_ingested");
            Assert.Contains(result.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void The_list_is_filtered_client_side_by_posting_and_event()
        {
            Connect();
            var page = "{\"data\":[" + Hook("wh_1", "pst_a", "interview_completed") + "," + Hook("wh_2", "pst_b", "interview_completed") + "," +
                       Hook("wh_3", "pst_a", "report_available") + "],\"pagination\":{\"has_more\":false}}";
            Sim.Faults.Add("GET", V2, new Fault { Status = 200, Body = page }, times: 3);
            Assert.Equal(new[] { "wh_1", "wh_2", "wh_3" }, Ids(Run("Get-MiloWebhook").ThrowIfTerminating()));
            Assert.Equal(new[] { "wh_1", "wh_3" }, Ids(Run("Get-MiloWebhook -PostingId pst_a").ThrowIfTerminating()));
            Assert.Equal(new[] { "wh_3" }, Ids(Run("Get-MiloWebhook -PostingId pst_a -EventType report_available").ThrowIfTerminating()));
            Assert.All(Requests(V2), r => Assert.Equal("?limit=100", r.Query)); // the v2 list has no filter parameters
        }

        [Fact]
        public void Webhooks_are_got_by_id_from_the_pipeline()
        {
            Connect();
            Ps.Set("ids", Sim.Data.WebhookIds.Take(2).ToArray());
            var output = Run("$ids | ForEach-Object { [pscustomobject]@{ webhook_id = $_ } } | Get-MiloWebhook").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.WebhookIds.Take(2), output.Select(o => (string)o.Properties["WebhookId"].Value));
            Assert.Equal(2, Requests(V2 + "/").Count);
        }

        [Fact]
        public void Webhooks_of_a_posting_are_disabled_through_the_pipeline_with_Confirm_false()
        {
            Connect();
            Ps.Set("wid", Sim.Data.WebhookIds[0]);
            var posting = (string)Assert.Single(Run("Get-MiloWebhook -WebhookId $wid").ThrowIfTerminating().Output).Properties["PostingId"].Value;
            Ps.Set("posting", posting);
            var output = Run("Get-MiloWebhook -PostingId $posting | Disable-MiloWebhook -Confirm:$false").ThrowIfTerminating().Output;
            Assert.NotEmpty(output);
            Assert.All(output, o => Assert.False((bool)o.Properties["IsActive"].Value));
            Assert.Contains(Sim.Requests.Snapshot(), r => r.Method == "DELETE" && r.Path == V2 + "/" + Sim.Data.WebhookIds[0]);
        }

        [Fact]
        public void Force_disables_without_a_prompt()
        {
            Connect();
            Ps.Set("wid", Sim.Data.WebhookIds[0]);
            var webhook = Assert.Single(Run("Disable-MiloWebhook -WebhookId $wid -Force").ThrowIfTerminating().Output);
            Assert.False((bool)webhook.Properties["IsActive"].Value);
            Assert.Equal("DELETE", Assert.Single(Requests(V2)).Method);
        }

        [Fact]
        public void WhatIf_on_disable_sends_nothing_even_with_Force()
        {
            Connect();
            Ps.Set("wid", Sim.Data.WebhookIds[0]);
            var result = Run("Disable-MiloWebhook -WebhookId $wid -WhatIf; Disable-MiloWebhook -WebhookId $wid -Force -WhatIf").ThrowIfTerminating();
            Assert.Empty(result.Output);
            // Only reads (to name the webhook in the What if line): nothing deactivated.
            Assert.All(Sim.Requests.Snapshot(), r => Assert.Equal("GET", r.Method));
        }

        [Fact]
        public void New_webhook_refuses_a_second_active_one_for_the_same_posting_url_and_event_unless_Force()
        {
            Connect();
            Ps.Set("p", Sim.Data.PostingIds[1]);
            Run("New-MiloWebhook -PostingId $p -Url 'https://hooks.example/dup' -EventType interview_started").ThrowIfTerminating();
            var second = Run("New-MiloWebhook -PostingId $p -Url 'https://HOOKS.example/dup/' -EventType interview_started");
            Assert.Empty(second.Output);
            var error = Assert.Single(second.Errors);
            Assert.Equal("HeyMilo.WebhookExists,HeyMilo.Commands.NewMiloWebhookCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
            Assert.Single(Requests(V2), r => r.Method == "POST");

            var forced = Run("New-MiloWebhook -PostingId $p -Url 'https://hooks.example/dup' -EventType interview_started -Force").ThrowIfTerminating();
            Assert.Single(forced.Output);
            Assert.Contains(forced.Warnings, w => w.Contains("already has an active interview_started webhook"));
            Assert.Equal(2, Requests(V2).Count(r => r.Method == "POST"));

            // Another event, or another URL, is not a duplicate.
            Assert.Single(Run("New-MiloWebhook -PostingId $p -Url 'https://hooks.example/dup' -EventType report_available").ThrowIfTerminating().Output);
        }

        [Fact]
        public void Legacy_creates_for_piped_postings_check_each_posting_for_a_duplicate()
        {
            Connect();
            Ps.Set("first", Sim.Data.PostingIds[0]);
            Ps.Set("second", Sim.Data.PostingIds[1]);
            // The second posting already has the webhook; the first does not.
            Run("New-MiloWebhook -PostingId $second -Url 'https://hooks.example/legacy-dup' -EventType report_available -HttpMethod Post").ThrowIfTerminating();

            var result = Run("Get-MiloPosting -PostingId $first, $second | New-MiloWebhook -Url 'https://hooks.example/legacy-dup' -EventType report_available -HttpMethod Post");

            var created = Assert.Single(result.Output);
            Assert.Equal(Sim.Data.PostingIds[0], ((dynamic)created.BaseObject).PostingId);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.WebhookExists,HeyMilo.Commands.NewMiloWebhookCommand", error.FullyQualifiedErrorId);
            Assert.Contains(Sim.Data.PostingIds[1], error.Exception.Message);
        }

        [Fact]
        public void Disabling_an_unknown_id_is_a_non_terminating_NotFound()
        {
            Connect();
            var result = Run("Disable-MiloWebhook -WebhookId wh_missing -Force");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.DisableMiloWebhookCommand", error.FullyQualifiedErrorId);
            Assert.Equal("wh_missing", error.TargetObject);
            Assert.Contains("Get-MiloWebhook", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Legacy_lists_with_server_side_filters_fetches_and_deactivates()
        {
            Connect();
            Ps.Set("wid", Sim.Data.WebhookIds[0]);
            var known = Assert.Single(Run("Get-MiloWebhook -WebhookId $wid -Legacy").ThrowIfTerminating().Output);
            Assert.True((bool)known.Properties["Legacy"].Value);
            Assert.Equal(Sim.Data.WebhookIds[0], (string)known.Properties["WebhookId"].Value);
            Assert.Single(Requests("/fetch/" + Sim.Data.WebhookIds[0]));

            Ps.Set("posting", (string)known.Properties["PostingId"].Value);
            Ps.Set("event", (string)known.Properties["EventType"].Value);
            var listed = Run("Get-MiloWebhook -Legacy -PostingId $posting -EventType $event").ThrowIfTerminating().Output;
            Assert.Contains(listed, o => (string)o.Properties["WebhookId"].Value == Sim.Data.WebhookIds[0]);
            var all = Assert.Single(Requests("/all"));
            Assert.Contains("posting_id=", all.Query);
            Assert.Contains("event_type=", all.Query);

            var disabled = Assert.Single(Run("Disable-MiloWebhook -WebhookId $wid -Legacy -Force").ThrowIfTerminating().Output);
            Assert.False((bool)disabled.Properties["IsActive"].Value);
            var deactivate = Assert.Single(Requests("/deactivate/" + Sim.Data.WebhookIds[0]));
            Assert.Equal("POST", deactivate.Method);
        }

        private static string[] Ids(PsResult result) =>
            result.Output.Select(o => (string)o.Properties["WebhookId"].Value).ToArray();
    }
}

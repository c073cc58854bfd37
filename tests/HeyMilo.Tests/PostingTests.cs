using System;
using System.Linq;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class PostingTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.Postings = 250;

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect();
        }

        [Fact]
        public void Lists_every_posting_across_pages_following_the_cursor()
        {
            var output = Run("Get-MiloPosting").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.PostingIds, output.Select(o => (string)o.Properties["Id"].Value).ToList());
            var pages = Requests("/api/v2/postings");
            Assert.Equal(3, pages.Count);
            Assert.Equal("?limit=100", pages[0].Query);
            Assert.Equal($"?limit=100&starting_after={Sim.Data.PostingIds[99]}", pages[1].Query);
            Assert.Equal($"?limit=100&starting_after={Sim.Data.PostingIds[199]}", pages[2].Query);
        }

        [Fact]
        public void First_5_makes_exactly_one_request_for_5_items()
        {
            var output = Run("Get-MiloPosting -First 5").ThrowIfTerminating().Output;
            Assert.Equal(5, output.Count);
            Assert.Equal("?limit=5", Requests("/api/v2/postings").Single().Query);
        }

        [Fact]
        public void Skip_and_IncludeTotalCount_follow_PowerShell_paging()
        {
            var output = Run("Get-MiloPosting -Skip 98 -First 4 -IncludeTotalCount").ThrowIfTerminating().Output;
            Assert.Equal(5, output.Count);
            Assert.Equal(250UL, output[0].BaseObject); // the total-count object PowerShell paging defines
            Assert.Equal(Sim.Data.PostingIds.Skip(98).Take(4), output.Skip(1).Select(o => (string)o.Properties["Id"].Value));
            Assert.Equal(new[] { "?limit=100", $"?limit=2&starting_after={Sim.Data.PostingIds[99]}" }, Requests("/api/v2/postings").Select(r => r.Query));
        }

        [Fact]
        public void A_stopped_pipeline_requests_no_further_page()
        {
            var output = Run("do { Get-MiloPosting -PageSize 10 | ForEach-Object { $n++; $_; if ($n -eq 15) { break } } } while ($false)").ThrowIfTerminating().Output;
            Assert.Equal(15, output.Count);
            Assert.Equal(2, Requests("/api/v2/postings").Count);
        }

        [Fact]
        public void Search_is_sent_to_the_API()
        {
            Run("Get-MiloPosting -Search 'Engineer' -PageSize 50").ThrowIfTerminating();
            Assert.Equal("?limit=50&search=Engineer", Requests("/api/v2/postings").First().Query);
        }

        [Fact]
        public void Ids_bind_from_the_pipeline_by_value_and_by_property_name()
        {
            Ps.Set("ids", Sim.Data.PostingIds.Take(2).ToArray());
            var output = Run("$ids | Get-MiloPosting; [pscustomobject]@{ posting_id = $ids[0] } | Get-MiloPosting; Get-MiloPosting -First 1 | Get-MiloPosting")
                .ThrowIfTerminating().Output;
            Assert.Equal(4, output.Count);
            Assert.All(output, o => Assert.Equal("HeyMilo.Posting", o.TypeNames[0]));
            var posting = output[0];
            Assert.IsType<DateTimeOffset>(posting.Properties["CreatedAt"].Value);
            Assert.NotNull(posting.Properties["Urls"].Value);
            Assert.NotEmpty((Array)posting.Properties["Workflow"].Value);
        }

        [Fact]
        public void An_unknown_id_is_a_non_terminating_NotFound_with_the_id_as_target()
        {
            Ps.Set("ids", new[] { "pst_missing", Sim.Data.PostingIds[0] });
            var result = Run("$ids | Get-MiloPosting");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("pst_missing", error.TargetObject);
            Assert.Contains("pst_missing", error.ErrorDetails.Message);
            Assert.Single(result.Output);
        }

        [Fact]
        public void Fields_the_API_adds_later_are_kept()
        {
            var id = Sim.Data.PostingIds[0];
            Sim.Faults.Add("GET", "/api/v2/postings/" + id, new Fault
            {
                Status = 200,
                Body = "{\"data\":{\"id\":\"" + id + "\",\"company_id\":\"c\",\"title\":\"T\",\"description\":\"d\",\"status\":\"active\",\"finalized\":true,\"archived\":false,\"test_posting\":false,\"created_at\":1739612400.5,\"brand_new_field\":{\"level\":3}},\"meta\":{}}",
            });
            var posting = Run($"Get-MiloPosting -PostingId {id}").ThrowIfTerminating().Output.Single();
            var extra = (System.Collections.IDictionary)posting.Properties["AdditionalProperties"].Value;
            Assert.True(extra.Contains("brand_new_field"));
            Assert.Equal(new DateTimeOffset(2025, 2, 15, 9, 40, 0, 500, TimeSpan.Zero), posting.Properties["CreatedAt"].Value);
        }

        [Fact]
        public void What_a_script_writes_to_AdditionalProperties_is_kept()
        {
            var result = Run($@"$p = Get-MiloPosting -PostingId {Sim.Data.PostingIds[0]}
$p.AdditionalProperties['note'] = 'checked'
$p.AdditionalProperties['note']
$i = Get-MiloInterview -PostingId {Sim.Data.PostingIds[0]} -First 1
$i.AdditionalProperties['note'] = 'seen'
$i.AdditionalProperties['note']
$w = Get-MiloWebhook -First 1
$w.AdditionalProperties['note'] = 'ok'
$w.AdditionalProperties['note']").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "checked", "seen", "ok" }, result.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void A_cursor_the_API_repeats_stops_the_listing_with_a_clear_error()
        {
            var repeated = "{\"data\":[{\"id\":\"" + Sim.Data.PostingIds[0] + "\",\"company_id\":\"c\",\"title\":\"T\",\"description\":\"d\",\"status\":\"active\",\"finalized\":true,\"archived\":false,\"test_posting\":false}],\"pagination\":{\"has_more\":true}}";
            Sim.Faults.Add("GET", "/api/v2/postings", new Fault { Status = 200, Body = repeated }, times: 3);
            var result = Run("Get-MiloPosting -PageSize 1");
            // The second page repeats the first page's posting: it is dropped (with a warning), then the cursor repeats.
            Assert.Single(result.Output);
            Assert.Contains(result.Warnings, w => w.Contains("repeated 1 item(s)", StringComparison.Ordinal));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidResponse,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Contains("twice", error.ErrorDetails.Message);
            Assert.Equal(2, Requests("/api/v2/postings").Count);
        }

        [Fact]
        public void An_empty_page_that_claims_more_stops_the_listing_with_a_clear_error()
        {
            Sim.Faults.Add("GET", "/api/v2/postings", new Fault { Status = 200, Body = "{\"data\":[],\"pagination\":{\"has_more\":true}}" });
            var result = Run("Get-MiloPosting");
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidResponse,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Contains("empty page", error.ErrorDetails.Message);
            Assert.Single(Requests("/api/v2/postings"));
        }

        [Fact]
        public void PageSize_outside_1_to_100_is_rejected_before_any_request()
        {
            var result = Run("Get-MiloPosting -PageSize 101");
            Assert.StartsWith("ParameterArgumentValidationError", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>The legacy API's reads (GET /postings, GET /interviews/{posting_id}, GET /interview/{id}) behind -Legacy.</summary>
    public class LegacyReadTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.Postings = 25;

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect();
        }

        private static string Id(PSObject o, string name = "Id") => (string)o.Properties[name].Value;

        [Fact]
        public void Postings_are_listed_page_by_page_and_mapped_onto_the_v2_posting()
        {
            var output = Run("Get-MiloPosting -Legacy -PageSize 10").ThrowIfTerminating().Output;

            Assert.Equal(Sim.Data.PostingIds, output.Select(o => Id(o)).ToList());
            Assert.Equal(new[] { "?page=1&limit=10", "?page=2&limit=10", "?page=3&limit=10" }, Requests("/postings").Select(r => r.Query));
            Assert.Empty(Requests("/api/v2/postings"));
            var first = output[0];
            Assert.Equal("HeyMilo.Posting", first.TypeNames[0]);
            Assert.True((bool)first.Properties["Legacy"].Value);
            Assert.False(string.IsNullOrEmpty(Id(first, "Title")));
            Assert.Equal("active", first.Properties["Status"].Value);
            Assert.IsType<DateTimeOffset>(first.Properties["CreatedAt"].Value);
            Assert.Equal("en", first.Properties["Language"].Value);
            Assert.Equal(2, ((Array)first.Properties["Workflow"].Value).Length);
        }

        [Fact]
        public void First_asks_for_one_page_of_exactly_that_many()
        {
            var output = Run("Get-MiloPosting -Legacy -First 5").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.PostingIds.Take(5), output.Select(o => Id(o)));
            Assert.Equal("?page=1&limit=5", Assert.Single(Requests("/postings")).Query);
        }

        [Fact]
        public void Search_with_Legacy_is_refused_at_binding()
        {
            var result = Run("Get-MiloPosting -Legacy -Search Engineer");
            Assert.Equal("AmbiguousParameterSet,HeyMilo.Commands.GetMiloPostingCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.IsType<ParameterBindingException>(result.Terminating!.Exception);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void PageSize_with_Legacy_webhooks_is_refused_at_binding()
        {
            var result = Run("Get-MiloWebhook -Legacy -PageSize 5");
            Assert.Equal("AmbiguousParameterSet,HeyMilo.Commands.GetMiloWebhookCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.IsType<ParameterBindingException>(result.Terminating!.Exception);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void A_page_that_repeats_the_previous_one_stops_with_a_clear_error()
        {
            var page = "{\"postings\":[{\"posting_id\":\"pst_same\",\"title\":\"T\"},{\"posting_id\":\"pst_two\",\"title\":\"U\"}],\"total\":9,\"page\":1,\"limit\":2,\"total_pages\":5}";
            Sim.Faults.Add("GET", "/postings", new Fault { Status = 200, Body = page }, times: 5);
            var result = Run("Get-MiloPosting -Legacy -PageSize 2");
            Assert.Equal(2, result.Output.Count);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidResponse,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Contains("repeats page 1", error.ErrorDetails.Message);
            Assert.Equal(2, Requests("/postings").Count);
        }

        [Fact]
        public void Interviews_of_a_posting_are_listed_page_by_page()
        {
            var posting = Sim.Data.PostingIds[0];
            var expected = Sim.Data.CandidateInterviewIds(posting);
            Assert.True(expected.Count > 100, "the busy posting needs two pages");

            var output = Run($"Get-MiloInterview -PostingId {posting} -Legacy").ThrowIfTerminating().Output;

            Assert.Equal(expected, output.Select(o => Id(o, "InterviewId")).ToList());
            Assert.Equal(new[] { "?page=1&limit=100", "?page=2&limit=100" }, Requests("/interviews/" + posting).Select(r => r.Query));
            Assert.All(output, o =>
            {
                Assert.Equal("HeyMilo.Interview", o.TypeNames[0]);
                Assert.Equal(posting, o.Properties["PostingId"].Value);
                Assert.False(string.IsNullOrEmpty(Id(o, "Email")));
                Assert.False(string.IsNullOrEmpty(Id(o, "Status")));
                Assert.True((bool)o.Properties["Legacy"].Value);
            });
        }

        [Fact]
        public void An_interview_by_id_keeps_the_legacy_only_fields()
        {
            var id = Sim.Data.CandidateInterviewIds(Sim.Data.PostingIds[1])[0];
            var data = Assert.Single(Run($"Get-MiloInterview -InterviewId {id} -Legacy").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.InterviewData", data.TypeNames[0]);
            Assert.Equal(id, Id(data, "InterviewId"));
            Assert.Equal(Sim.Data.PostingIds[1], data.Properties["PostingId"].Value);
            Assert.False(string.IsNullOrEmpty(Id(data, "Name")));
            var extra = (System.Collections.IDictionary)data.Properties["AdditionalProperties"].Value;
            Assert.True(extra.Contains("agentic_data"));
            Assert.True(extra.Contains("posting_title"));
            Assert.Equal("/interview/" + id, Assert.Single(Sim.Requests.Snapshot()).Path);
        }

        [Fact]
        public void An_unknown_interview_id_is_a_non_terminating_NotFound()
        {
            var result = Run("Get-MiloInterview -InterviewId int_missing -Legacy");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloInterviewCommand", error.FullyQualifiedErrorId);
            Assert.Equal("int_missing", error.TargetObject);
        }

        [Fact]
        public void Date_filters_with_Legacy_are_refused_at_binding()
        {
            var result = Run($"Get-MiloInterview -PostingId {Sim.Data.PostingIds[0]} -Legacy -CreatedAfter ([DateTimeOffset]'2026-01-01Z')");
            Assert.Equal("AmbiguousParameterSet,HeyMilo.Commands.GetMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.IsType<ParameterBindingException>(result.Terminating!.Exception);
            Assert.Empty(Sim.Requests.Snapshot());
        }
    }
}

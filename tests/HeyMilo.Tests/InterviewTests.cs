using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class InterviewTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.Postings = 5;

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect();
        }

        private string PostingId => Sim.Data.PostingIds[0];

        private IReadOnlyList<string> InterviewIds(string postingId) => Sim.Data.CandidateInterviewIds(postingId).ToList();

        private static string Id(PSObject o) => (string)o.Properties["InterviewId"].Value;

        private static IReadOnlyList<string> QueryValues(RecordedRequest r, string name) =>
            r.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p[0] == name)
                .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))
                .ToList();

        /// <summary>Runs a script that must succeed: no terminating and no non-terminating error.</summary>
        private PsResult Ok(string script)
        {
            var result = Run(script).ThrowIfTerminating();
            Assert.Empty(result.Errors);
            return result;
        }

        [Fact]
        public void Lists_every_interview_of_a_posting_following_the_interview_id_cursor()
        {
            var ids = InterviewIds(PostingId);
            Assert.True(ids.Count > 10, "the simulator should give the posting more than one page of 10");
            var output = Ok($"Get-MiloInterview -PostingId {PostingId} -PageSize 10").Output;

            Assert.Equal(ids, output.Select(Id).ToList());
            Assert.All(output, o => Assert.Equal("HeyMilo.Interview", o.TypeNames[0]));
            var pages = Requests($"/api/v2/postings/{PostingId}/candidates");
            Assert.Equal((ids.Count + 9) / 10, pages.Count);
            Assert.Equal("?limit=10", pages[0].Query);
            for (var i = 1; i < pages.Count; i++)
                Assert.Equal(new[] { ids[i * 10 - 1] }, QueryValues(pages[i], "starting_after"));
        }

        [Fact]
        public void Interviews_carry_workflow_steps_timestamps_and_summaries()
        {
            var interview = Ok($"Get-MiloInterview -PostingId {PostingId} -First 1").Output.Single();
            Assert.Equal(PostingId, interview.Properties["PostingId"].Value);
            Assert.IsType<DateTimeOffset>(interview.Properties["CreatedAt"].Value);
            var workflow = interview.Properties["Workflow"].Value;
            Assert.NotNull(workflow);
            var steps = (Array)((PSObject)PSObject.AsPSObject(workflow)).Properties["Steps"].Value;
            Assert.NotEmpty(steps);
            var step = PSObject.AsPSObject(steps.GetValue(0)!);
            Assert.False(string.IsNullOrEmpty((string)step.Properties["StepId"].Value));
            Assert.Equal(1, step.Properties["Order"].Value);
        }

        [Fact]
        public void First_5_asks_the_API_for_exactly_5()
        {
            var output = Ok($"Get-MiloInterview -PostingId {PostingId} -First 5").Output;
            Assert.Equal(InterviewIds(PostingId).Take(5), output.Select(Id));
            Assert.Equal("?limit=5", Requests($"/api/v2/postings/{PostingId}/candidates").Single().Query);
        }

        [Fact]
        public void CreatedAfter_and_CreatedBefore_are_sent_as_UTC_ISO_8601_seconds()
        {
            var local = new DateTime(2026, 3, 1, 8, 30, 15, DateTimeKind.Unspecified);
            Ps.Set("after", local);
            Ok($"Get-MiloInterview -PostingId {PostingId} -CreatedAfter $after -CreatedBefore ([DateTimeOffset]'2026-03-14T23:59:59+02:00')");

            var request = Requests($"/api/v2/postings/{PostingId}/candidates").First();
            var expectedAfter = new DateTimeOffset(local).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
            Assert.Equal(new[] { expectedAfter }, QueryValues(request, "created_after"));
            Assert.Equal(new[] { "2026-03-14T21:59:59Z" }, QueryValues(request, "created_before"));
        }

        [Fact]
        public void CreatedBefore_earlier_than_CreatedAfter_fails_before_any_request()
        {
            var result = Run($"Get-MiloInterview -PostingId {PostingId} -CreatedAfter ([DateTimeOffset]'2026-03-05Z') -CreatedBefore ([DateTimeOffset]'2026-03-01Z')");
            Assert.Equal("HeyMilo.InvalidDateRange,HeyMilo.Commands.GetMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Status_filters_on_the_client_and_First_counts_the_filtered_interviews()
        {
            var ids = InterviewIds(PostingId);
            var chosen = new[] { ids[3], ids[7], ids[8] };
            foreach (var id in chosen) Sim.Data.SetInterviewStatus(id, "knocked_out");
            var expected = Ok($"Get-MiloInterview -PostingId {PostingId}").Output
                .Where(o => (string)o.Properties["Status"].Value == "knocked_out").Select(Id).Take(2).ToList();
            Assert.Equal(2, expected.Count);
            var before = Requests($"/api/v2/postings/{PostingId}/candidates").Count;

            var output = Ok($"Get-MiloInterview -PostingId {PostingId} -Status knocked_out -First 2").Output;

            Assert.Equal(expected, output.Select(Id));
            Assert.All(output, o => Assert.Equal("knocked_out", o.Properties["Status"].Value));
            // No status parameter exists: the API is asked for full pages, not for 2.
            var first = Requests($"/api/v2/postings/{PostingId}/candidates")[before];
            Assert.Equal(new[] { "100" }, QueryValues(first, "limit"));
            Assert.Empty(QueryValues(first, "status"));
        }

        [Fact]
        public void Status_values_outside_the_documented_set_are_rejected_before_any_request()
        {
            var result = Run($"Get-MiloInterview -PostingId {PostingId} -Status finished");
            Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void An_interview_id_returns_full_interview_data()
        {
            var id = InterviewIds(PostingId)[0];
            var data = Ok($"Get-MiloInterview -InterviewId {id}").Output.Single();
            Assert.Equal("HeyMilo.InterviewData", data.TypeNames[0]);
            Assert.Equal(id, Id(data));
            Assert.Equal(PostingId, data.Properties["PostingId"].Value);
            Assert.Equal($"/api/v2/interviews/{id}/data", Sim.Requests.Snapshot().Single().Path);
        }

        [Fact]
        public void An_unfinished_interview_is_returned_with_its_status_not_as_an_error()
        {
            var id = InterviewIds(PostingId)[1];
            Sim.Data.SetInterviewStatus(id, "in_progress");
            var result = Run($"Get-MiloInterview {id}");
            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            var status = (string)result.Output.Single().Properties["Status"].Value;
            Assert.Contains(status, new[] { "in_progress", "not_ready" });
        }

        [Fact]
        public void An_unknown_interview_id_is_a_non_terminating_NotFound_with_the_id_as_target()
        {
            var known = InterviewIds(PostingId)[0];
            var result = Run($"Get-MiloInterview -InterviewId int_missing, {known}");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloInterviewCommand", error.FullyQualifiedErrorId);
            Assert.Equal("int_missing", error.TargetObject);
            Assert.Equal(known, Id(result.Output.Single()));
        }

        [Fact]
        public void Postings_piped_in_list_their_interviews()
        {
            var output = Ok("Get-MiloPosting -First 2 | Get-MiloInterview").Output;
            var expected = Sim.Data.PostingIds.Take(2).SelectMany(InterviewIds).ToList();
            Assert.Equal(expected, output.Select(Id).ToList());
            Assert.All(output, o => Assert.Equal("HeyMilo.Interview", o.TypeNames[0]));
        }

        [Fact]
        public void Objects_with_a_posting_id_property_bind_PostingId()
        {
            var output = Ok($"[pscustomobject]@{{ posting_id = '{PostingId}' }} | Get-MiloInterview -First 2").Output;
            Assert.Equal(InterviewIds(PostingId).Take(2), output.Select(Id));
        }

        [Fact]
        public void Interviews_piped_in_bind_InterviewId_and_return_their_data()
        {
            var output = Ok("Get-MiloPosting -First 2 | Get-MiloInterview -First 3 | Get-MiloInterview").Output;
            var expected = InterviewIds(PostingId).Take(3).ToList();
            Assert.Equal(expected, output.Select(Id).ToList());
            Assert.All(output, o => Assert.Equal("HeyMilo.InterviewData", o.TypeNames[0]));
            Assert.Equal(expected.Select(id => $"/api/v2/interviews/{id}/data"), Requests("/api/v2/interviews/").Select(r => r.Path));
        }

        [Fact]
        public void Neither_postings_nor_interview_ids_is_an_error_before_any_request()
        {
            var result = Run("Get-MiloInterview");
            Assert.Equal("HeyMilo.PostingIdRequired,HeyMilo.Commands.GetMiloInterviewCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Detailed_returns_interview_data_in_list_order()
        {
            var ids = InterviewIds(PostingId).Take(12).ToList();
            var result = Ok($"Get-MiloInterview -PostingId {PostingId} -First 12 -Detailed -ThrottleLimit 3");
            Assert.Equal(ids, result.Output.Select(Id).ToList());
            Assert.All(result.Output, o => Assert.Equal("HeyMilo.InterviewData", o.TypeNames[0]));
            Assert.Equal(ids.Select(id => $"/api/v2/interviews/{id}/data").OrderBy(p => p), Requests("/api/v2/interviews/").Select(r => r.Path).OrderBy(p => p));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
            // Throttled to 2 updates a second on the module clock, which only moves when the module waits.
            Assert.True(result.Progress.Count(p => p.RecordType == ProgressRecordType.Processing) <= 1 + Clock.Waits().Length);
        }

        [Fact]
        public void Detailed_keeps_at_most_ThrottleLimit_fetches_in_flight()
        {
            // Each result fetch is held at the server until ThrottleLimit of them are in flight (or no more
            // will come), so the fetches overlap as much as the module lets them; none is timed.
            const int limit = 3, total = 16;
            var inFlight = 0;
            var started = 0;
            var peak = 0;
            var releases = 0;   // bumped each time ThrottleLimit fetches are in flight: everyone held goes
            var gate = new object();
            Sim.Requests.Recorded += r =>
            {
                if (!r.Path.StartsWith("/api/v2/interviews/", StringComparison.Ordinal)) return;
                lock (gate)
                {
                    started++;
                    peak = Math.Max(peak, ++inFlight);
                    if (inFlight >= limit || started >= total)
                    {
                        releases++;
                        System.Threading.Monitor.PulseAll(gate);
                    }
                    var mine = releases;
                    // A guard, not a wait for time to pass: it only expires if the module stalls.
                    var guard = DateTime.UtcNow.AddSeconds(30);
                    while (releases == mine && inFlight < limit && started < total && DateTime.UtcNow < guard)
                        System.Threading.Monitor.Wait(gate, TimeSpan.FromSeconds(1));
                    inFlight--;
                }
            };
            var result = Ok($"Get-MiloInterview -PostingId {PostingId} -First {total} -Detailed -ThrottleLimit {limit}");
            Assert.Equal(total, result.Output.Count);
            Assert.Equal(limit, peak);
        }

        [Fact]
        public void Detailed_reports_a_failed_fetch_against_that_interview_and_goes_on()
        {
            var ids = InterviewIds(PostingId).Take(5).ToList();
            Sim.Faults.Add("GET", $"/api/v2/interviews/{ids[2]}/data", new Fault { Status = 404 });
            var result = Run($"Get-MiloInterview -PostingId {PostingId} -First 5 -Detailed");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloInterviewCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ids[2], Id(PSObject.AsPSObject(error.TargetObject)));
            Assert.Equal(ids.Where((_, i) => i != 2), result.Output.Select(Id));
        }

        [Fact]
        public void A_stopped_Detailed_pipeline_requests_no_further_page()
        {
            var output = Ok($"do {{ Get-MiloInterview -PostingId {PostingId} -PageSize 10 -Detailed | ForEach-Object {{ $n++; $_; if ($n -eq 3) {{ break }} }} }} while ($false)").Output;
            Assert.Equal(3, output.Count);
            Assert.Single(Requests($"/api/v2/postings/{PostingId}/candidates"));
        }
    }
}

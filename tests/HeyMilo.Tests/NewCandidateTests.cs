using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>New-MiloCandidate: one candidate, synchronous or queued, checked before it is sent.</summary>
    public sealed class NewCandidateTests : MiloTestBase
    {
        private string Posting => Sim.Data.PostingIds[1];

        private string CandidatesPath => "/api/v2/postings/" + Posting + "/candidates";

        [Fact]
        public void A_candidate_comes_back_as_its_interview_with_the_link_and_the_body_fits_the_document()
        {
            Connect();
            Ps.Set("p", Posting);
            var interview = Assert.Single(Run("New-MiloCandidate -PostingId $p -Name ' Ada Lovelace ' -Email 'ada.new@example.com' -PhoneNumber '+44 (20) 7946-0958' -Metadata @{ source = 'referral'; score = 5 }")
                .ThrowIfTerminating().Output);

            Assert.Equal("HeyMilo.Interview", interview.TypeNames[0]);
            var id = (string)interview.Properties["InterviewId"].Value;
            Assert.Contains(id, Sim.Data.CandidateInterviewIds(Posting));
            Assert.Equal(Posting, interview.Properties["PostingId"].Value);
            Assert.Equal("Ada Lovelace", interview.Properties["Name"].Value);
            Assert.EndsWith("interview=" + id, (string)interview.Properties["InterviewUrl"].Value);

            var request = Assert.Single(Requests(CandidatesPath));
            Assert.Equal("POST", request.Method);
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(new[] { "name", "email", "phone_number", "metadata" }, body.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Ada Lovelace", body.RootElement.GetProperty("name").GetString());
            Assert.Equal("+442079460958", body.RootElement.GetProperty("phone_number").GetString());
            // A number in -Metadata is sent as text: the API takes string values only.
            Assert.Equal("5", body.RootElement.GetProperty("metadata").GetProperty("score").GetString());
            Assert.Equal(1, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        [Fact]
        public void Async_queues_an_ingestion_job_and_outputs_it()
        {
            Connect();
            Ps.Set("p", Posting);
            var job = Assert.Single(Run("New-MiloCandidate $p 'Grace Hopper' 'grace.async@example.com' -Async").ThrowIfTerminating().Output);

            Assert.Equal("HeyMilo.CandidateIngestion", job.TypeNames[0]);
            Assert.Equal("intake_000001", job.Properties["IngestionId"].Value);
            Assert.Equal("queued", job.Properties["Status"].Value);
            Assert.Equal(Posting, job.Properties["PostingId"].Value);
            Assert.Equal("grace.async@example.com", job.Properties["Email"].Value);
            Assert.Single(Sim.Data.IngestionInterviewIds("intake_000001"));
            var request = Assert.Single(Sim.Requests.Snapshot());
            Assert.Equal(CandidatesPath + "/async", request.Path);
            Assert.Equal(1, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        public static TheoryData<string, string, string> BadInput => new()
        {
            { "-Name '   ' -Email 'a@example.com'", "Name", "'name' is required" },
            { "-Name 'Ada' -Email 'not-an-email'", "Email", "is not an email address" },
            { "-Name 'Ada' -Email 'ada@example.com' -PhoneNumber '555-0100'", "PhoneNumber", "E.164" },
            { "-Name 'Ada' -Email 'ada@example.com' -Metadata @{ ('k' * 41) = 'v' }", "Metadata", "at most 40" },
            { "-Name 'Ada' -Email 'ada@example.com' -Metadata @{ note = ('v' * 501) }", "Metadata", "at most 500" },
            { "-Name 'Ada' -Email 'ada@example.com' -Metadata $tooMany", "Metadata", "at most 50" },
            { "-Name 'Ada' -Email 'ada@example.com' -Metadata @{ nested = @{ a = 1 } }", "Metadata", "must be text" },
            { "-Name 'Ada' -Email 'ada@example.com' -Metadata @{ missing = $null }", "Metadata", "is null" },
        };

        [Theory]
        [MemberData(nameof(BadInput))]
        public void Bad_input_is_an_InvalidCandidate_error_with_the_value_as_target_and_nothing_is_sent(string arguments, string parameter, string message)
        {
            Connect();
            Ps.Set("p", Posting);
            Run("$tooMany = @{}; 1..51 | ForEach-Object { $tooMany[\"k$_\"] = 'v' }").ThrowIfTerminating();
            var result = Run("New-MiloCandidate -PostingId $p " + arguments);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidCandidate,HeyMilo.Commands.NewMiloCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains(message, error.ErrorDetails.Message);
            var target = error.TargetObject is PSObject ps ? ps.BaseObject : error.TargetObject;
            if (parameter == "Metadata") Assert.IsAssignableFrom<IDictionary>(target);
            else Assert.IsType<string>(target);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void A_national_phone_is_refused_without_DefaultRegion_and_sent_as_E164_with_it()
        {
            Connect();
            Ps.Set("p", Posting);
            var refused = Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.national@example.com' -PhoneNumber '(206) 555-1234'").Errors);
            Assert.Equal("HeyMilo.InvalidCandidate,HeyMilo.Commands.NewMiloCandidateCommand", refused.FullyQualifiedErrorId);
            Assert.Equal("(206) 555-1234", refused.TargetObject);
            Assert.Contains("-DefaultRegion", refused.Exception.Message); // the message names the way to send it
            Assert.Empty(Sim.Requests.Snapshot());

            Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.national@example.com' -PhoneNumber '(206) 555-1234' -DefaultRegion US").ThrowIfTerminating().Output);
            using var body = JsonDocument.Parse(Assert.Single(Requests(CandidatesPath)).Body);
            Assert.Equal("+12065551234", body.RootElement.GetProperty("phone_number").GetString());
        }

        [Fact]
        public void With_DefaultRegion_an_invalid_number_says_why_and_an_unknown_region_stops_before_any_request()
        {
            Connect();
            Ps.Set("p", Posting);
            var invalid = Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada@example.com' -PhoneNumber '555-12' -DefaultRegion US").Errors);
            Assert.Equal("HeyMilo.InvalidCandidate,HeyMilo.Commands.NewMiloCandidateCommand", invalid.FullyQualifiedErrorId);
            Assert.Contains("is not a valid phone number of US", invalid.ErrorDetails.Message);

            Assert.Equal("HeyMilo.UnknownRegion,HeyMilo.Commands.NewMiloCandidateCommand",
                Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada@example.com' -PhoneNumber '+12065551234' -DefaultRegion ZZ").Terminating?.FullyQualifiedErrorId);
            Assert.Equal("ParameterArgumentValidationError,HeyMilo.Commands.NewMiloCandidateCommand",
                Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada@example.com' -DefaultRegion USA").Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            Connect();
            Ps.Set("p", Posting);
            Assert.Empty(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada@example.com' -WhatIf").ThrowIfTerminating().Output);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Interviews_piped_in_are_added_to_another_posting_by_name_and_email()
        {
            Connect();
            Ps.Set("from", Sim.Data.PostingIds[2]);
            Ps.Set("to", Posting);
            var source = Run("Get-MiloInterview -PostingId $from -First 2").ThrowIfTerminating().Output;
            var copies = Run("Get-MiloInterview -PostingId $from -First 2 | New-MiloCandidate -PostingId $to").ThrowIfTerminating().Output;

            Assert.Equal(source.Select(s => s.Properties["Email"].Value), copies.Select(c => c.Properties["Email"].Value));
            Assert.All(copies, c => Assert.Equal(Posting, c.Properties["PostingId"].Value));
            Assert.Equal(2, Requests(CandidatesPath).Count);
            SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot());
        }

        [Fact]
        public void The_same_email_twice_returns_the_same_interview()
        {
            Connect();
            Ps.Set("p", Posting);
            var ids = Run("1..2 | ForEach-Object { (New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.twice@example.com').InterviewId }").ThrowIfTerminating().Output;
            Assert.Equal(2, ids.Count);
            Assert.Equal(ids[0].BaseObject, ids[1].BaseObject);
        }

        [Fact]
        public void The_synchronous_call_is_retried_after_a_503_because_it_is_idempotent_by_posting_and_email()
        {
            Connect();
            Ps.Set("p", Posting);
            Sim.Faults.Add("POST", CandidatesPath, new Fault { Status = 503, AfterHandler = true });
            var interview = Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.retry@example.com'").ThrowIfTerminating().Output);
            Assert.Equal(2, Requests(CandidatesPath).Count);
            // The first attempt did create the interview; the retry got that one back, not a second.
            Assert.Single(Sim.Data.IngestedEmails(Posting), e => e == "ada.retry@example.com");
            Assert.Contains((string)interview.Properties["InterviewId"].Value, Sim.Data.CandidateInterviewIds(Posting));
        }

        [Fact]
        public void Async_is_not_retried_after_a_503_because_each_call_queues_another_job()
        {
            Connect();
            Ps.Set("p", Posting);
            Sim.Faults.Add("POST", CandidatesPath + "/async", new Fault { Status = 503, AfterHandler = true });
            var result = Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.async503@example.com' -Async");
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.NewMiloCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal("ada.async503@example.com", error.TargetObject);
            Assert.Single(Requests(CandidatesPath + "/async"));
        }

        [Fact]
        public void Async_is_retried_after_a_429_which_did_no_work()
        {
            Connect();
            Ps.Set("p", Posting);
            Sim.Faults.Add("POST", CandidatesPath + "/async", new Fault { Status = 429, RetryAfterSeconds = 2 });
            Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.async429@example.com' -Async").ThrowIfTerminating().Output);
            Assert.Equal(2, Requests(CandidatesPath + "/async").Count);
        }

        [Fact]
        public async Task An_archived_posting_refuses_the_candidate_with_ValidationFailed()
        {
            using (var http = new HttpClient { BaseAddress = Sim.BaseUri })
            using (var archive = new HttpRequestMessage(HttpMethod.Post, "api/v2/postings/" + Posting + "/archive"))
            {
                archive.Headers.Add("X-API-KEY", Key);
                (await http.SendAsync(archive)).EnsureSuccessStatusCode();
            }
            Connect();
            Ps.Set("p", Posting);
            var error = Assert.Single(Run("New-MiloCandidate -PostingId $p -Name 'Ada' -Email 'ada.archived@example.com'").Errors);
            Assert.Equal("HeyMilo.ValidationFailed,HeyMilo.Commands.NewMiloCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Contains("archived", error.Exception.Message);
        }
    }
}

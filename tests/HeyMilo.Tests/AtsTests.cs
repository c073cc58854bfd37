using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The ATS cmdlets against the simulator: seeded connections atsint_bullhorn_0001 (native) and
    /// atsint_workable_0002; Bullhorn holds BH-100001..BH-100003; a push reads pending, processing, then
    /// completed (or failed for an unknown ats_candidate_id) on its first, second and third status read.
    /// </summary>
    public sealed class AtsTests : MiloTestBase
    {
        private const string Push = "/api/v2/ats/candidates/push";
        private const string Resolve = "/api/v2/ats/candidates/resolve";

        private string Posting => Sim.Data.PostingIds[1];

        private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();

        private PSObject FirstInterview()
        {
            Ps.Set("p", Posting);
            return Assert.Single(Run("Get-MiloInterview -PostingId $p -First 1").ThrowIfTerminating().Output);
        }

        // ---- Get-MiloAtsConnection ------------------------------------------------------------

        [Fact]
        public void Connections_are_listed_as_typed_objects()
        {
            Connect();
            var output = Run("Get-MiloAtsConnection").ThrowIfTerminating().Output;
            Assert.Equal(new[] { "atsint_bullhorn_0001", "atsint_workable_0002" }, output.Select(o => (string)o.Properties["IntegrationId"].Value));
            Assert.All(output, o => Assert.Equal("HeyMilo.AtsConnection", o.TypeNames[0]));
            Assert.Equal("bullhorn", output[0].Properties["AtsName"].Value);
            Assert.Equal("native", output[0].Properties["Source"].Value);
            Assert.True((bool)output[0].Properties["IsActive"].Value);
            Assert.NotNull(output[0].Properties["CreatedAt"].Value);
            Assert.Equal("GET", Assert.Single(Sim.Requests.Snapshot()).Method);
        }

        // ---- Resolve-MiloAtsCandidate ---------------------------------------------------------

        [Fact]
        public void Resolve_by_email_sends_ats_name_and_email_only_and_writes_each_match_with_its_ATS()
        {
            Connect();
            var match = Assert.Single(Run("Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'JANE.DOE@example.com'").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.AtsCandidateMatch", match.TypeNames[0]);
            Assert.Equal("BH-100001", match.Properties["AtsCandidateId"].Value);
            Assert.Equal("bullhorn", match.Properties["AtsName"].Value);
            Assert.Equal("email", match.Properties["MatchReason"].Value);

            var request = Assert.Single(Requests(Resolve));
            Assert.Equal("{\"ats_name\":\"bullhorn\",\"email\":\"JANE.DOE@example.com\"}", request.Body);
            Assert.Equal(1, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        [Fact]
        public void Resolve_by_ATS_id_uses_its_own_parameter_set_and_no_match_writes_nothing()
        {
            Connect();
            var match = Assert.Single(Run("Resolve-MiloAtsCandidate bullhorn -AtsCandidateId BH-100002").ThrowIfTerminating().Output);
            Assert.Equal("John", match.Properties["FirstName"].Value);
            Assert.Equal("{\"ats_name\":\"bullhorn\",\"ats_candidate_id\":\"BH-100002\"}", Requests(Resolve)[0].Body);

            var none = Run("Resolve-MiloAtsCandidate bullhorn 'nobody@example.com' -Verbose").ThrowIfTerminating();
            Assert.Empty(none.Output);
            Assert.Empty(none.Errors);
            Assert.Contains(none.Verbose, v => v.Contains("No bullhorn candidate matches nobody@example.com", StringComparison.Ordinal));
            SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot());
        }

        [Fact]
        public void Interviews_piped_to_Resolve_search_by_their_email()
        {
            Connect();
            var interview = FirstInterview();
            var output = Run("Get-MiloInterview -PostingId $p -First 2 | Resolve-MiloAtsCandidate -AtsName bullhorn").ThrowIfTerminating();
            Assert.Empty(output.Errors);
            var bodies = Requests(Resolve).Select(Body).ToList();
            Assert.Equal(2, bodies.Count);
            Assert.Equal((string)interview.Properties["Email"].Value, bodies[0].GetProperty("email").GetString());
        }

        [Fact]
        public void A_bad_email_is_refused_before_anything_is_sent()
        {
            Connect();
            var error = Assert.Single(Run("Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'jane at example'").Errors);
            Assert.Equal("HeyMilo.InvalidEmail,HeyMilo.Commands.ResolveMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal("jane at example", error.TargetObject);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Theory]
        [InlineData("workable", "HeyMilo.UnsupportedAtsProvider", ErrorCategory.InvalidArgument)]
        [InlineData("greenhouse", "HeyMilo.UnsupportedAtsProvider", ErrorCategory.InvalidArgument)]
        [InlineData("avionte", "HeyMilo.AtsNotConnected", ErrorCategory.ResourceUnavailable)]
        public void A_provider_the_API_cannot_use_has_an_error_id_of_its_own(string provider, string id, ErrorCategory category)
        {
            Connect();
            Ps.Set("ats", provider);
            var error = Assert.Single(Run("Resolve-MiloAtsCandidate -AtsName $ats -Email 'jane.doe@example.com'").Errors);
            Assert.Equal(id + ",HeyMilo.Commands.ResolveMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains("Get-MiloAtsConnection", error.ErrorDetails.RecommendedAction);
            Assert.Single(Requests(Resolve)); // a 400 is not retried
        }

        [Fact]
        public void Resolve_is_a_read_so_it_is_retried_after_a_503()
        {
            Connect();
            Sim.Faults.Add("POST", Resolve, new Fault { Status = 503 });
            Assert.Single(Run("Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'jane.doe@example.com'").ThrowIfTerminating().Output);
            Assert.Equal(2, Requests(Resolve).Count);
        }

        // ---- Send-MiloAtsCandidate ------------------------------------------------------------

        [Fact]
        public void An_interview_piped_in_supplies_posting_interview_split_name_and_email_and_the_receipt_comes_back()
        {
            Connect();
            var interview = FirstInterview();
            var receipt = Assert.Single(Run("Get-MiloInterview -PostingId $p -First 1 | Send-MiloAtsCandidate -AtsName bullhorn").ThrowIfTerminating().Output);

            Assert.Equal("HeyMilo.AtsPushReceipt", receipt.TypeNames[0]);
            Assert.Equal("atsq_000001", receipt.Properties["ItemId"].Value);
            Assert.Equal("queued", receipt.Properties["Status"].Value);
            Assert.Equal(interview.Properties["InterviewId"].Value, receipt.Properties["InterviewId"].Value);

            var body = Body(Assert.Single(Requests(Push)));
            var name = ((string)interview.Properties["Name"].Value).Split(' ', 2);
            Assert.Equal(new[] { "ats_name", "posting_id", "interview_id", "create_submission", "candidate" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Posting, body.GetProperty("posting_id").GetString());
            Assert.False(body.GetProperty("create_submission").GetBoolean());
            var candidate = body.GetProperty("candidate");
            Assert.Equal(new[] { "first_name", "last_name", "email" }, candidate.EnumerateObject().Select(p => p.Name));
            Assert.Equal(name[0], candidate.GetProperty("first_name").GetString());
            Assert.Equal(name[1], candidate.GetProperty("last_name").GetString());
            Assert.Equal(interview.Properties["Email"].Value, candidate.GetProperty("email").GetString());
            Assert.Equal(1, SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot()));
        }

        [Fact]
        public void FirstName_and_LastName_win_over_the_split_name()
        {
            Connect();
            FirstInterview();
            Run("Get-MiloInterview -PostingId $p -First 1 | Send-MiloAtsCandidate -AtsName bullhorn -LastName 'Byron'").ThrowIfTerminating();
            var candidate = Body(Requests(Push)[0]).GetProperty("candidate");
            Assert.Equal("Byron", candidate.GetProperty("last_name").GetString());
            Assert.NotEqual("Byron", candidate.GetProperty("first_name").GetString());
        }

        [Fact]
        public void Wait_polls_on_the_module_clock_with_progress_and_outputs_the_completed_push()
        {
            Connect();
            var interview = FirstInterview();
            Clock.ClearWaits();
            var result = Run("Get-MiloInterview -PostingId $p -First 1 | Send-MiloAtsCandidate -AtsName bullhorn -CreateSubmission -Wait").ThrowIfTerminating();

            var status = Assert.Single(result.Output);
            Assert.Equal("HeyMilo.AtsPushStatus", status.TypeNames[0]);
            Assert.Equal("completed", status.Properties["Status"].Value);
            Assert.Equal("created", status.Properties["Action"].Value);
            Assert.Equal("BH-100004", status.Properties["AtsCandidateId"].Value);
            Assert.Equal("SUB-000001", status.Properties["SubmissionId"].Value);
            Assert.True((bool)status.Properties["IsFinished"].Value);
            // Read 1 pending, read 2 processing, read 3 completed: waits of 1 s and 2 s between them, no real time.
            Assert.Equal(3, Requests(Push + "/atsq_000001").Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, Clock.Waits());
            Assert.NotEmpty(result.Progress);
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
            Assert.Contains((string)interview.Properties["Email"].Value, Sim.Data.AtsCandidateEmails("bullhorn"));
        }

        [Fact]
        public void A_match_piped_in_updates_that_record()
        {
            Connect();
            var status = Assert.Single(Run("Resolve-MiloAtsCandidate -AtsName bullhorn -AtsCandidateId BH-100002 | Send-MiloAtsCandidate -Phone '+12065550100' -Wait").ThrowIfTerminating().Output);
            Assert.Equal("updated", status.Properties["Action"].Value);
            Assert.Equal("BH-100002", status.Properties["AtsCandidateId"].Value);
            var body = Body(Assert.Single(Requests(Push), r => r.Method == "POST"));
            Assert.Equal("bullhorn", body.GetProperty("ats_name").GetString());
            Assert.Equal("BH-100002", body.GetProperty("candidate").GetProperty("ats_candidate_id").GetString());
            Assert.Equal("+12065550100", body.GetProperty("candidate").GetProperty("phone").GetString());
            SentRequests.AssertAllMatchTheDocument(Sim.Requests.Snapshot());
        }

        [Fact]
        public void A_push_that_fails_is_an_AtsPushFailed_error_with_the_status_as_target()
        {
            Connect();
            var result = Run("Send-MiloAtsCandidate -AtsName bullhorn -AtsCandidateId BH-999999 -Email 'ghost@example.com' -Wait");
            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.AtsPushFailed,HeyMilo.Commands.SendMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            var status = PSObject.AsPSObject(error.TargetObject);
            Assert.Equal("failed", status.Properties["Status"].Value);
            Assert.Contains("BH-999999", (string)status.Properties["LastError"].Value);
            Assert.Contains("BH-999999", error.ErrorDetails.Message);
        }

        [Fact]
        public void TimeoutSec_bounds_the_wait_with_an_AtsPushTimeout_error()
        {
            Connect();
            Clock.ClearWaits();
            var result = Run("Send-MiloAtsCandidate -AtsName bullhorn -Email 'slow@example.com' -Wait -TimeoutSec 1");
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.AtsPushTimeout,HeyMilo.Commands.SendMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("processing", PSObject.AsPSObject(error.TargetObject).Properties["Status"].Value);
            Assert.Contains("Get-MiloAtsPush -ItemId atsq_000001", error.ErrorDetails.RecommendedAction);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, Clock.Waits());
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public void A_push_is_never_retried_after_a_503_because_a_repeat_could_create_the_record_twice()
        {
            Connect();
            Sim.Faults.Add("POST", Push, new Fault { Status = 503, AfterHandler = true });
            var error = Assert.Single(Run("Send-MiloAtsCandidate -AtsName bullhorn -FirstName Ada -Email 'ada@example.com'").Errors);
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.SendMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Equal("ada@example.com", error.TargetObject);
            Assert.Single(Requests(Push));
        }

        [Fact]
        public void A_push_is_retried_after_a_429_which_did_nothing()
        {
            Connect();
            Sim.Faults.Add("POST", Push, new Fault { Status = 429, RetryAfterSeconds = 1 });
            Assert.Single(Run("Send-MiloAtsCandidate -AtsName bullhorn -FirstName Ada -Email 'ada@example.com'").ThrowIfTerminating().Output);
            Assert.Equal(2, Requests(Push).Count);
        }

        public static TheoryData<string, string> BadPushes => new()
        {
            { "-Email 'ada-at-example.com'", "HeyMilo.InvalidEmail" },
            { "-FirstName Ada -Phone '+1 206'", "" },
            { "", "HeyMilo.AtsCandidateRequired" },
            { "-Email 'ada@example.com' -CreateSubmission", "HeyMilo.SubmissionNeedsPosting" },
        };

        [Theory]
        [MemberData(nameof(BadPushes))]
        public void What_cannot_be_pushed_is_refused_before_anything_is_sent(string arguments, string id)
        {
            Connect();
            var result = Run("Send-MiloAtsCandidate -AtsName bullhorn " + arguments);
            if (id.Length == 0)
            {
                // A phone is sent as given (the ATS's format): this one is fine.
                Assert.Single(Requests(Push));
                return;
            }
            var error = Assert.Single(result.Errors);
            Assert.Equal(id + ",HeyMilo.Commands.SendMiloAtsCandidateCommand", error.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            Connect();
            FirstInterview();
            var before = Sim.Requests.Snapshot().Count;
            Assert.Empty(Run("Get-MiloInterview -PostingId $p -First 1 | Send-MiloAtsCandidate -AtsName bullhorn -WhatIf").ThrowIfTerminating().Output);
            Assert.Empty(Requests(Push));
            Assert.Equal(before + 1, Sim.Requests.Snapshot().Count); // only the listing
        }

        // ---- Get-MiloAtsPush ------------------------------------------------------------------

        [Fact]
        public void Receipts_piped_to_Get_MiloAtsPush_read_their_status_which_moves_on_each_read()
        {
            Connect();
            var statuses = Run("$r = Send-MiloAtsCandidate -AtsName bullhorn -FirstName Ada -LastName Lovelace -Email 'ada@example.com'; 1..3 | ForEach-Object { ($r | Get-MiloAtsPush).Status }")
                .ThrowIfTerminating().Output.Select(o => o.ToString());
            Assert.Equal(new[] { "pending", "processing", "completed" }, statuses);
            Assert.Equal(3, Requests(Push + "/atsq_000001").Count);
            var byValue = Assert.Single(Run("Get-MiloAtsPush atsq_000001").ThrowIfTerminating().Output);
            Assert.Equal("created", byValue.Properties["Action"].Value);
        }

        [Fact]
        public void An_unknown_item_is_a_NotFound_error_with_the_id_as_target()
        {
            Connect();
            var error = Assert.Single(Run("Get-MiloAtsPush -ItemId atsq_999999").Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.GetMiloAtsPushCommand", error.FullyQualifiedErrorId);
            Assert.Equal("atsq_999999", error.TargetObject);
        }
    }
}

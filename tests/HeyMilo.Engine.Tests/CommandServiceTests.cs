using System.Collections.Generic;
using System.Globalization;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Export;
using HeyMilo.Import;
using HeyMilo.Session;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The checks and outcome rules the thin cmdlets call, without PowerShell.</summary>
    public class CommandServiceTests
    {
        // ---- AtsPush (Send-MiloAtsCandidate) -------------------------------------------------------

        [Fact]
        public void A_push_splits_a_full_name_trims_the_fields_and_is_about_its_email()
        {
            var request = AtsPush.Build(new AtsPushInput { AtsName = " bullhorn ", Name = " Ada  King Lovelace ", Email = " ada@example.com ", Phone = " " }, out var target, out var problem);

            Assert.Null(problem);
            Assert.Equal("bullhorn", request!.AtsName);
            Assert.Equal("Ada", request.Candidate.FirstName);
            Assert.Equal("King Lovelace", request.Candidate.LastName);
            Assert.Null(request.Candidate.Phone);
            Assert.Equal("ada@example.com", target);
            Assert.Equal("ada@example.com", AtsPush.Describe(request));
            Assert.Equal("Create candidate record in bullhorn", AtsPush.Action(request));
        }

        [Fact]
        public void A_given_first_name_wins_over_the_full_name_and_an_update_names_its_record()
        {
            var request = AtsPush.Build(new AtsPushInput { AtsName = "bullhorn", Name = "Ada Lovelace", FirstName = "Augusta", AtsCandidateId = "BH-1", InterviewId = "int_1", CreateSubmission = true }, out _, out _);

            Assert.Equal("Augusta", request!.Candidate.FirstName);
            Assert.Equal("Lovelace", request.Candidate.LastName);
            Assert.Equal("Augusta Lovelace (interview int_1)", AtsPush.Describe(request));
            Assert.Equal("Update candidate record BH-1 in bullhorn, with a submission", AtsPush.Action(request));
        }

        [Theory]
        [InlineData("not-an-email", null, false, "InvalidEmail", "not-an-email")]
        [InlineData(null, null, false, "AtsCandidateRequired", "bullhorn")]
        [InlineData("ada@example.com", null, true, "SubmissionNeedsPosting", "bullhorn")]
        public void A_push_that_cannot_be_sent_says_why_and_what_it_is_about(string? email, string? interviewId, bool submission, string reason, string target)
        {
            var request = AtsPush.Build(new AtsPushInput { AtsName = "bullhorn", Email = email, InterviewId = interviewId, CreateSubmission = submission }, out _, out var problem);

            Assert.Null(request);
            Assert.Equal(reason, problem!.Reason);
            Assert.Equal(CommandProblemKind.InvalidArgument, problem.Kind);
            Assert.StartsWith("Send-MiloAtsCandidate: ", problem.Message);
            Assert.Equal(target, problem.Target);
        }

        [Fact]
        public void A_receipt_without_an_item_id_was_not_queued_and_a_final_status_is_completed_failed_or_timed_out()
        {
            var rejected = AtsPush.NotQueued(new AtsPushReceipt { AtsName = "bullhorn", Status = "rejected", Error = "no such job" }, "ada@example.com", "ada@example.com");
            Assert.Equal("AtsPushRejected", rejected!.Reason);
            Assert.Contains("no such job", rejected.Message);
            var receipt = new AtsPushReceipt { AtsName = "bullhorn", ItemId = "push_1" };
            Assert.Null(AtsPush.NotQueued(receipt, "ada@example.com", "ada@example.com"));

            Assert.Null(AtsPush.NotCompleted(new AtsPushStatus { Status = "completed" }, receipt, "ada", 30));
            var failed = AtsPush.NotCompleted(new AtsPushStatus { Status = "failed" }, receipt, "ada", 30);
            Assert.Equal(("AtsPushFailed", CommandProblemKind.InvalidResult), (failed!.Reason, failed.Kind));
            Assert.Contains("to bullhorn failed: no reason given", failed.Message);
            var timedOut = AtsPush.NotCompleted(new AtsPushStatus { Status = "processing" }, receipt, "ada", 30);
            Assert.Equal(("AtsPushTimeout", CommandProblemKind.OperationTimeout), (timedOut!.Reason, timedOut.Kind));
            Assert.Contains("still processing after 30 s", timedOut.Message);
        }

        // ---- InterviewMetadataRows (Set-MiloInterviewMetadata) -----------------------------------------

        private static Dictionary<string, string> Pairs(params (string Key, string Value)[] pairs)
        {
            var d = new Dictionary<string, string>();
            foreach (var (key, value) in pairs) d[key] = value;
            return d;
        }

        [Fact]
        public void The_fixed_pairs_win_over_the_rows_cells_of_the_same_key()
        {
            var rows = new InterviewMetadataRows(Pairs(("source", "fixed")));
            var row = rows.Plan("Row 1", "int_1", "target", MetadataCells.Read(Pairs(("source", "cell"), ("ats_id", "BH-1"))));

            Assert.Null(row.Problem);
            Assert.Equal(Pairs(("source", "fixed"), ("ats_id", "BH-1")), row.Pairs);
            Assert.Equal("Set metadata source, ats_id", row.Action);
        }

        [Fact]
        public void A_row_without_an_id_or_with_nothing_to_read_is_refused_and_one_with_only_blank_cells_is_skipped()
        {
            Assert.Equal("Row 2", InterviewMetadataRows.Label(2, piped: true));
            Assert.Equal("-InterviewId", InterviewMetadataRows.Label(1, piped: false));
            Assert.Equal("InterviewIdRequired", InterviewMetadataRows.CheckInterviewId("Row 2", "", "t")!.Reason);
            Assert.Null(InterviewMetadataRows.CheckInterviewId("Row 2", "int_1", "t"));

            var rows = new InterviewMetadataRows(null);
            Assert.Equal("MetadataRequired", rows.Plan("-InterviewId", "int_1", "t", MetadataCells.NoRowPiped()).Problem!.Reason);
            var notARow = rows.Plan("Row 1", "int_1", "t", MetadataCells.NotRead("System.Int32")).Problem!;
            Assert.Equal(("MetadataRequired", CommandProblemKind.InvalidArgument), (notARow.Reason, notARow.Kind));
            Assert.Contains("(a System.Int32 is not read as a row of columns)", notARow.Message);
            Assert.Contains("skipped", rows.Plan("Row 1", "int_1", "t", MetadataCells.Read(Pairs())).Skipped);
        }

        [Fact]
        public void A_row_over_the_limits_is_InvalidMetadata_naming_the_row()
        {
            var rows = new InterviewMetadataRows(null);
            var problem = rows.Plan("Row 3", "int_1", "t", MetadataCells.Read(Pairs((new string('k', 41), "v")))).Problem!;
            Assert.Equal(("InvalidMetadata", CommandProblemKind.InvalidData), (problem.Reason, problem.Kind));
            Assert.StartsWith("Row 3: ", problem.Message);
            Assert.Equal("InvalidMetadata", rows.Plan("Row 4", "int_1", "t", MetadataCells.Invalid("metadata value of 'x' is null.")).Problem!.Reason);
        }

        // ---- SingleCandidate and the default region (New-MiloCandidate) ---------------------------------

        [Fact]
        public void A_national_phone_is_read_in_the_default_region_and_refused_without_one()
        {
            var sent = SingleCandidate.Build(" Ada ", " ada@example.com ", "(206) 555-1234", "US", (null, null), null, out var problem);
            Assert.Null(problem);
            Assert.Equal(("Ada", "ada@example.com", "+12065551234"), (sent!.Name, sent.Email, sent.PhoneNumber));

            Assert.Null(SingleCandidate.Build("Ada", "ada@example.com", "(206) 555-1234", null, (null, null), null, out problem));
            Assert.Equal(("InvalidCandidate", "(206) 555-1234"), (problem!.Reason, (string)problem.Target!));
            Assert.Contains("E.164", problem.Message);

            Assert.Null(SingleCandidate.Build("Ada", "ada@example.com", "555-12", "US", (null, null), null, out problem));
            Assert.Contains("is not a valid phone number of US", problem!.Message);
        }

        [Fact]
        public void A_metadata_problem_is_about_the_metadata_given()
        {
            var given = new object();
            Assert.Null(SingleCandidate.Build("Ada", "ada@example.com", null, null, (null, "metadata value of 'x' is null."), given, out var problem));
            Assert.Same(given, problem!.Target);
            Assert.Equal(InteractiveInputRules.MetadataAdvice, problem.Advice);
        }

        [Fact]
        public void The_default_region_is_a_known_code_or_the_cultures_country()
        {
            Assert.Equal("US", NationalPhoneNumbers.DefaultRegion("us", CultureInfo.InvariantCulture, out var problem));
            Assert.Null(problem);
            Assert.Equal("GB", NationalPhoneNumbers.DefaultRegion("Culture", new CultureInfo("en-GB"), out _));
            Assert.Null(NationalPhoneNumbers.DefaultRegion("ZZ", CultureInfo.InvariantCulture, out problem));
            Assert.Equal(("UnknownRegion", "ZZ"), (problem!.Reason, (string)problem.Target!));
            Assert.Null(NationalPhoneNumbers.DefaultRegion("Culture", CultureInfo.InvariantCulture, out problem));
            Assert.Contains("names no country", problem!.Message);
        }

        // ---- WebhookRegistration, ConnectionOptions, VoicePreviewFile ---------------------------------------

        [Fact]
        public void A_webhook_repeats_an_active_one_with_the_same_posting_event_and_url_but_for_host_case_and_a_trailing_slash()
        {
            var existing = new[]
            {
                new Webhook { WebhookId = "wh_off", PostingId = "p1", EventType = "interview_completed", Url = "https://example.com/hook", IsActive = false },
                new Webhook { WebhookId = "wh_on", PostingId = "p1", EventType = "interview_completed", Url = "https://EXAMPLE.com/hook/", IsActive = true },
            };
            Assert.Equal("wh_on", WebhookRegistration.Duplicate(existing, "p1", "interview_completed", "https://example.com/hook")!.WebhookId);
            Assert.Null(WebhookRegistration.Duplicate(existing, "p1", "interview_completed", "https://example.com/Hook"));
            Assert.Null(WebhookRegistration.Duplicate(existing, "p2", "interview_completed", "https://example.com/hook"));
            Assert.Equal("InvalidWebhookUrl", WebhookRegistration.CheckUrl("ftp://example.com/hook")!.Reason);
            Assert.Null(WebhookRegistration.CheckUrl("http://example.com/hook"));
        }

        [Fact]
        public void The_key_goes_only_to_https_or_loopback_http_and_the_base_uri_ends_in_a_slash()
        {
            Assert.Equal("https://api.example.com/v/", ConnectionOptions.BaseUri(new System.Uri("https://api.example.com/v?x=1"), "BaseUri", out var problem)!.ToString());
            Assert.Null(problem);
            Assert.NotNull(ConnectionOptions.BaseUri(new System.Uri("http://127.0.0.1:5080"), "BaseUri", out problem));
            Assert.Null(ConnectionOptions.BaseUri(new System.Uri("http://api.example.com/"), "BaseUri", out problem));
            Assert.Equal(("InsecureBaseUri", CommandProblemKind.SecurityError), (problem!.Reason, problem.Kind));
            Assert.Null(ConnectionOptions.BaseUri(new System.Uri("ftp://api.example.com/"), "LegacyBaseUri", out problem));
            Assert.Equal("InvalidBaseUri", problem!.Reason);
            Assert.StartsWith("-LegacyBaseUri ", problem.Message);

            var settings = ConnectionOptions.Settings(new System.Uri("https://a/"), new System.Uri("https://b/"), 300, 5, 100, 60);
            Assert.Equal(System.TimeSpan.FromSeconds(1200), settings.TotalTimeout);
            Assert.Equal(System.TimeSpan.FromSeconds(600), ConnectionOptions.Settings(new System.Uri("https://a/"), new System.Uri("https://b/"), 300, 0, 10, 60).TotalTimeout);
        }

        [Fact]
        public void A_voice_preview_saved_into_a_folder_is_named_for_its_voice_with_unusable_characters_replaced()
        {
            var folder = System.IO.Path.GetTempPath();
            Assert.Equal(System.IO.Path.Combine(folder, "voice_1.mp3"), VoicePreviewFile.InFolder(folder, "voice_1"));
            Assert.Equal(System.IO.Path.Combine(folder, "a_b.mp3"), VoicePreviewFile.InFolder(folder, "a/b"));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// New-, Set-, Enable-, Disable-MiloPosting, Get-MiloPosting -Summary, Get-MiloPostingStatistic and
    /// Set-MiloWorkflowStep against the simulator. Every body the module sends is held to the document's request
    /// schema (RequestContract); bad input is refused before anything is sent.
    /// </summary>
    public sealed class PostingLifecycleTests : MiloTestBase
    {
        private const string CreatePath = "/api/v2/postings";

        private string P(int i) => Sim.Data.PostingIds[i];

        private IReadOnlyList<RecordedRequest> Creates() => RequestContract.Matching(Sim, "POST", CreatePath);

        private JsonElement OnlyCreateBody() => RequestContract.Valid(Assert.Single(Creates()), "POST", "/api/v2/postings");

        private static string Prop(PSObject o, string name) => Convert.ToString(o.Properties[name].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

        // ---- New-MiloPosting -------------------------------------------------------------------

        [Fact]
        public void New_MiloPosting_sends_every_field_given_as_the_document_names_it()
        {
            Connect();
            var result = Run(@"New-MiloPosting -Title 'Night Shift Nurse' -Description 'Care for patients overnight.' -Name night-nurse -Language en `
                -InterviewerName Ava -Instructions 'Be warm.' -CompanyOverview 'A hospital.' -JobOverview 'Nights.' -InterviewProcessOverview 'Two steps.' `
                -CompanyOverviewDeliveryMode Summarized_Delivery -JobOverviewDeliveryMode reference_only -InterviewProcessOverviewDeliveryMode silent_reference `
                -PhoneNumberId pn_1 -SenderEmailId se_1 -EmailTemplateGroupId etg_1 -DesignTemplateGroupId dtg_1 -RedirectUrl https://acme.example/thanks `
                -SchedulingUrl https://cal.example/acme -Deadline ([DateTimeOffset]'2030-03-15T09:30:00+02:00') -AllowSmsComms -MaxRetakes 2 -RetakeCooldownDays 1.5 `
                -EmailReportToCandidate -Metadata @{ external_id = 'ats_1'; batch = 7 } -Workflow resume, @{ type = 'web_interview'; config = @{ num_questions = 4; video = $true } }").ThrowIfTerminating();

            var posting = Assert.Single(result.Output);
            Assert.Equal("HeyMilo.Posting", posting.TypeNames[0]);
            Assert.Equal("Night Shift Nurse", Prop(posting, "Title"));
            var body = OnlyCreateBody();
            Assert.Equal(new[]
            {
                "title", "description", "name", "language", "interviewer_name", "instructions", "company_overview", "job_overview", "interview_process_overview",
                "company_overview_delivery_mode", "job_overview_delivery_mode", "interview_process_overview_delivery_mode", "phone_number_id", "sender_email_id",
                "email_template_group_id", "design_template_group_id", "redirect_url", "scheduling_url", "deadline", "allow_sms_comms", "max_retakes",
                "retake_cooldown_days", "email_report_to_candidate", "metadata", "workflow",
            }, RequestContract.Names(body));
            Assert.Equal("summarized_delivery", body.GetProperty("company_overview_delivery_mode").GetString()); // the API's spelling, whatever the case typed
            Assert.Equal("2030-03-15T07:30:00Z", body.GetProperty("deadline").GetString());
            Assert.Equal("7", body.GetProperty("metadata").GetProperty("batch").GetString());
            Assert.Equal(JsonValueKind.True, body.GetProperty("allow_sms_comms").ValueKind);
            Assert.Equal("{\"type\":\"resume\"}", body.GetProperty("workflow")[0].GetRawText());
            Assert.Equal(4, body.GetProperty("workflow")[1].GetProperty("config").GetProperty("num_questions").GetInt32());
        }

        [Fact]
        public void New_MiloPosting_sends_only_the_fields_given()
        {
            Connect();
            Run("New-MiloPosting 'Barista' -Workflow web_interview").ThrowIfTerminating();
            var body = OnlyCreateBody();
            Assert.Equal(new[] { "title", "workflow" }, RequestContract.Names(body));
        }

        [Fact]
        public void VoiceId_is_the_voice_id_of_the_web_interview_step()
        {
            Connect();
            Run("New-MiloPosting -Title 'Barista' -Workflow resume, @{ type = 'web_interview'; config = @{ video = $false } } -VoiceId wrv-abc123").ThrowIfTerminating();
            var step = OnlyCreateBody().GetProperty("workflow")[1];
            Assert.Equal("wrv-abc123", step.GetProperty("config").GetProperty("voice_id").GetString());
            Assert.False(step.GetProperty("config").GetProperty("video").GetBoolean());
        }

        [Fact]
        public void A_piped_posting_supplies_its_fields_and_workflow_but_not_its_slug_or_deadline()
        {
            Connect();
            Ps.Set("id", P(2));
            var result = Run("$source = Get-MiloPosting -PostingId $id; $source | New-MiloPosting -Title 'Copy of it'").ThrowIfTerminating();
            var created = Assert.Single(result.Output);
            Assert.Equal("Copy of it", Prop(created, "Title"));
            var body = OnlyCreateBody();
            var names = RequestContract.Names(body);
            Assert.DoesNotContain("name", names);
            Assert.DoesNotContain("deadline", names);
            Assert.Contains("description", names);
            Assert.Contains("interviewer_name", names);
            Assert.Contains("metadata", names);
            Assert.DoesNotContain("interview_process_overview", names); // null on the source: not given
            // The steps go as the create request has them: type and config, not the source's ids and order.
            Assert.Equal(new[] { "resume", "web_interview" }, body.GetProperty("workflow").EnumerateArray().Select(s => s.GetProperty("type").GetString()).ToArray());
            Assert.Equal(5, body.GetProperty("workflow")[1].GetProperty("config").GetProperty("num_questions").GetInt32());
        }

        [Fact]
        public void Rows_piped_in_create_one_posting_each_and_a_bad_row_is_reported_with_the_row_as_TargetObject()
        {
            Connect();
            var result = Run(@"
                $rows = [pscustomobject]@{ Title = 'Cook'; Workflow = 'web_interview'; MaxRetakes = '2' },
                        [pscustomobject]@{ Title = 'Waiter'; Workflow = 'web_interview'; MaxRetakes = '9' },
                        [pscustomobject]@{ Title = 'Host'; Workflow = 'resume; web_interview'; Extra = 'ignored' }
                $rows | New-MiloPosting");
            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "Cook", "Host" }, result.Output.Select(o => Prop(o, "Title")).ToArray());
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidValue,HeyMilo.Commands.NewMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal("Waiter", Prop(PSObject.AsPSObject(error.TargetObject), "Title"));
            Assert.Contains("MaxRetakes", error.Exception.Message);
            Assert.Equal(2, Creates().Count);
            Assert.All(Creates(), r => RequestContract.Valid(r, "POST", "/api/v2/postings"));
            Assert.Equal(2, RequestContract.Valid(Creates()[0], "POST", "/api/v2/postings").GetProperty("max_retakes").GetInt32());
            // A CSV cell may list several steps.
            Assert.Equal("[{\"type\":\"resume\"},{\"type\":\"web_interview\"}]", RequestContract.Valid(Creates()[1], "POST", "/api/v2/postings").GetProperty("workflow").GetRawText());
        }

        [Fact]
        public void An_ATS_derived_template_gives_a_draft_and_a_warning_that_Enable_MiloPosting_finishes_it()
        {
            Connect();
            var result = Run("$draft = New-MiloPosting -Title 'From the ATS' -InterviewTemplateId IT_sim0002; $draft").ThrowIfTerminating();
            var draft = Assert.Single(result.Output);
            Assert.Equal("draft", Prop(draft, "Status"));
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("Enable-MiloPosting -PostingId " + Prop(draft, "Id"), warning);
            Assert.Equal(new[] { "title", "interview_template_id" }, RequestContract.Names(OnlyCreateBody()));

            var active = Assert.Single(Run("$draft | Enable-MiloPosting").ThrowIfTerminating().Output);
            Assert.Equal("active", Prop(active, "Status"));
            var ats = (System.Collections.IDictionary)active.Properties["AtsMetadata"].Value;
            Assert.False((bool)ats["pending_activation"]!);
        }

        public static IEnumerable<object[]> BadCreateInput() => new[]
        {
            new object[] { "-Title 'Barista' -Workflow resume -Metadata @{ ('k' * 41) = 'v' }", "HeyMilo.InvalidMetadata", "41 characters" },
            new object[] { "-Title 'Barista' -Workflow resume -Metadata @{ k = ('v' * 501) }", "HeyMilo.InvalidMetadata", "501 characters" },
            new object[] { "-Title 'Barista' -Workflow resume -Metadata $(1..51 | ForEach-Object -Begin { $m = @{} } -Process { $m[\"k$_\"] = 'v' } -End { $m })", "HeyMilo.InvalidMetadata", "51 keys" },
            new object[] { "-Title 'Barista' -Workflow resume -Metadata @{ nested = @{ a = 1 } }", "HeyMilo.InvalidMetadata", "must be text" },
            new object[] { "-Title 'Barista' -Workflow resume -Metadata @{ empty = $null }", "HeyMilo.InvalidMetadata", "must be text" },
            new object[] { "-Title 'Barista' -Workflow phone_screen", "HeyMilo.InvalidWorkflow", "phone_screen" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; config = @{ num_question = 3 } }", "HeyMilo.InvalidWorkflow", "num_question" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; config = @{ num_questions = 26 } }", "HeyMilo.InvalidWorkflow", "26" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'conversational_sms'; config = @{ num_questions = 11 } }", "HeyMilo.InvalidWorkflow", "11" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; config = @{ company_overview_delivery_mode = 'shouted' } }", "HeyMilo.InvalidWorkflow", "shouted" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; questions = @{ modality = 'voice'; text = 'Why?'; score_weight = 6 } }", "HeyMilo.InvalidWorkflow", "score_weight" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; questions = @{ modality = 'video'; text = 'Why?' } }", "HeyMilo.InvalidWorkflow", "video" },
            new object[] { "-Title 'Barista' -Workflow @{ type = 'web_interview'; steps = 3 }", "HeyMilo.InvalidWorkflow", "steps" },
            new object[] { "-Title 'Barista' -Workflow resume -InterviewTemplateId IT_sim0001", "HeyMilo.InvalidWorkflow", "mutually exclusive" },
            new object[] { "-Title 'Barista'", "HeyMilo.InvalidWorkflow", "-InterviewTemplateId" },
            new object[] { "-Title 'Barista' -InterviewTemplateId IT_sim0001 -VoiceId voice-1", "HeyMilo.InvalidWorkflow", "Set-MiloWorkflowStep" },
            new object[] { "-Title 'Barista' -Workflow resume -VoiceId voice-1", "HeyMilo.InvalidWorkflow", "has none" },
            new object[] { "-Title 'Barista' -Workflow resume -MaxRetakes 6", "ParameterArgumentValidationError", "6" },
            new object[] { "-Title 'Barista' -Workflow resume -CompanyOverviewDeliveryMode shouted", "ParameterArgumentValidationError", "shouted" },
            new object[] { "-Title 'Ba' -Workflow resume", "ParameterArgumentValidationError", "Title" },
            new object[] { "-Title 'Barista' -Workflow resume -RetakeCooldownDays -1", "ParameterArgumentValidationError", "-1" },
        };

        [Theory]
        [MemberData(nameof(BadCreateInput))]
        public void Bad_create_input_is_refused_with_a_clear_error_and_nothing_is_sent(string parameters, string errorId, string mentioned)
        {
            Connect();
            var result = Run("New-MiloPosting " + parameters);
            var error = Assert.Single(result.AllErrors);
            Assert.Equal(errorId + ",HeyMilo.Commands.NewMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Contains(mentioned, error.ToString());
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_500_on_create_is_not_retried_because_a_repeat_could_create_a_second_posting()
        {
            Connect();
            Sim.Faults.Add("POST", CreatePath, new Fault { Status = 500 });
            var error = Assert.Single(Run("New-MiloPosting -Title 'Barista' -Workflow resume").Errors);
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.NewMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Single(Creates());
        }

        [Fact]
        public void A_429_on_create_is_retried_after_Retry_After()
        {
            Connect();
            Sim.Faults.Add("POST", CreatePath, new Fault { Status = 429, RetryAfterSeconds = 2 });
            Assert.Single(Run("New-MiloPosting -Title 'Barista' -Workflow resume").ThrowIfTerminating().Output);
            Assert.Equal(2, Creates().Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, Clock.Waits());
        }

        [Fact]
        public void New_MiloPosting_WhatIf_sends_nothing()
        {
            Connect();
            Assert.Empty(Run("New-MiloPosting -Title 'Barista' -Workflow resume -WhatIf").ThrowIfTerminating().Output);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        // ---- Get-MiloPosting -Summary, Get-MiloPostingStatistic ------------------------------------

        [Fact]
        public void Summary_streams_posting_summaries_and_asks_for_no_more_than_First()
        {
            Connect();
            var result = Run("Get-MiloPosting -Summary -First 5").ThrowIfTerminating();
            Assert.Equal(Sim.Data.PostingIds.Take(5), result.Output.Select(o => Prop(o, "Id")));
            Assert.All(result.Output, o => Assert.Equal("HeyMilo.PostingSummary", o.TypeNames[0]));
            var request = Assert.Single(Requests("/api/v2/postings/list"));
            Assert.Contains("limit=5", request.Query);
        }

        [Fact]
        public void Summary_pages_through_every_posting_and_searches_like_the_full_listing()
        {
            Connect();
            var all = Run("Get-MiloPosting -Summary -PageSize 7").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.PostingIds, all.Select(o => Prop(o, "Id")));
            Assert.Equal(4, Requests("/api/v2/postings/list").Count); // 25 postings, 7 a page

            var found = Run("Get-MiloPosting -Summary -Search ENGINEER").ThrowIfTerminating().Output;
            Assert.NotEmpty(found);
            Assert.All(found, o => Assert.Contains("engineer", Prop(o, "Title"), StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void Summaries_piped_to_Get_MiloPosting_get_the_full_postings()
        {
            Connect();
            var postings = Run("Get-MiloPosting -Summary -First 2 | Get-MiloPosting").ThrowIfTerminating().Output;
            Assert.Equal(Sim.Data.PostingIds.Take(2), postings.Select(o => Prop(o, "Id")));
            Assert.All(postings, o => Assert.Equal("HeyMilo.Posting", o.TypeNames[0]));
        }

        [Fact]
        public void Statistics_of_piped_postings_with_an_unknown_id_reported_and_skipped()
        {
            Connect();
            Ps.Set("ids", new[] { P(1), "pst_missing", P(2) });
            var result = Run("$ids | Get-MiloPostingStatistic");
            Assert.Equal(new[] { P(1), P(2) }, result.Output.Select(o => Prop(o, "PostingId")).ToArray());
            Assert.All(result.Output, o => Assert.Equal("HeyMilo.PostingStatistic", o.TypeNames[0]));
            Assert.Equal(10L, (long)result.Output[0].Properties["TotalCandidates"].Value);
            TestErrors.Single(result, "NotFound", "GetMiloPostingStatisticCommand", "pst_missing");
        }

        // ---- Set-MiloPosting -----------------------------------------------------------------------

        [Fact]
        public void Set_MiloPosting_sends_only_the_parameters_bound()
        {
            Connect();
            Ps.Set("id", P(3));
            var result = Run("Set-MiloPosting -PostingId $id -MaxRetakes 3 -RedirectUrl $null -AllowSmsComms $false -PassThru").ThrowIfTerminating();
            var posting = Assert.Single(result.Output);
            Assert.Equal(3, (int)posting.Properties["MaxRetakes"].Value);
            var request = Assert.Single(RequestContract.Matching(Sim, "PATCH", "/api/v2/postings/*"));
            var body = RequestContract.Valid(request, "PATCH", "/api/v2/postings/{posting_id}");
            Assert.Equal("{\"redirect_url\":null,\"allow_sms_comms\":false,\"max_retakes\":3}", body.GetRawText()); // in the schema's order
        }

        [Fact]
        public void Set_MiloPosting_without_PassThru_writes_nothing_and_changes_every_piped_posting()
        {
            Connect();
            var result = Run("Get-MiloPosting -First 3 | Set-MiloPosting -Deadline ([DateTime]'2031-01-01Z').ToUniversalTime()").ThrowIfTerminating();
            Assert.Empty(result.Output);
            var patches = RequestContract.Matching(Sim, "PATCH", "/api/v2/postings/*");
            Assert.Equal(Sim.Data.PostingIds.Take(3).Select(id => "/api/v2/postings/" + id), patches.Select(p => p.Path));
            Assert.All(patches, p => Assert.Equal("{\"deadline\":\"2031-01-01T00:00:00Z\"}", RequestContract.Valid(p, "PATCH", "/api/v2/postings/{posting_id}").GetRawText()));
        }

        [Fact]
        public void Metadata_replaces_all_metadata_and_the_confirmation_says_so()
        {
            Connect();
            var host = new RecordingHost();
            using var ps = new PsHost(host);
            ps.Set("id", P(4));
            ps.Invoke("Set-MiloPosting -PostingId $id -Metadata @{ owner = 'ops' } -WhatIf").ThrowIfTerminating();
            var line = Assert.Single(host.Lines, l => l.Contains("What if", StringComparison.Ordinal));
            Assert.Contains("all metadata with 1 key (keys not given are removed)", line);
            Assert.Empty(RequestContract.Writes(Sim));

            var posting = Assert.Single(ps.Invoke("Set-MiloPosting -PostingId $id -Metadata @{ owner = 'ops' } -PassThru").ThrowIfTerminating().Output);
            var metadata = (System.Collections.IDictionary)posting.Properties["Metadata"].Value;
            Assert.Equal(new object[] { "owner" }, metadata.Keys.Cast<object>().ToArray()); // the seeded 'source' key is gone
        }

        [Fact]
        public void Set_MiloPosting_with_no_field_is_refused_and_sends_nothing()
        {
            Connect();
            Ps.Set("id", P(4));
            var result = Run("Set-MiloPosting -PostingId $id");
            Assert.Equal("HeyMilo.NothingToUpdate,HeyMilo.Commands.SetMiloPostingCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void Set_MiloPosting_bad_metadata_is_refused_before_any_posting_is_changed()
        {
            Connect();
            var result = Run("Get-MiloPosting -First 2 | Set-MiloPosting -Metadata @{ k = ('v' * 501) }");
            Assert.Equal("HeyMilo.InvalidMetadata,HeyMilo.Commands.SetMiloPostingCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_500_on_PATCH_is_retried_because_setting_the_same_fields_twice_changes_nothing_more()
        {
            Connect();
            Ps.Set("id", P(3));
            Sim.Faults.Add("PATCH", "/api/v2/postings/" + P(3), new Fault { Status = 503 });
            Assert.Single(Run("Set-MiloPosting -PostingId $id -Title 'Renamed posting' -PassThru").ThrowIfTerminating().Output);
            Assert.Equal(2, RequestContract.Matching(Sim, "PATCH", "/api/v2/postings/*").Count);
        }

        // ---- Set-MiloWorkflowStep ------------------------------------------------------------------

        [Fact]
        public void Set_MiloWorkflowStep_sends_the_config_to_the_step_named_by_type_or_order()
        {
            Connect();
            Ps.Set("id", P(5));
            var posting = Assert.Single(Run("Set-MiloWorkflowStep -PostingId $id -Step Web_Interview -Config @{ video = $false; voice_id = 'voice-1' } -PassThru").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.Posting", posting.TypeNames[0]);
            Run("Set-MiloWorkflowStep $id 1 @{ min_evaluation_score = 0.7 }").ThrowIfTerminating();

            var patches = RequestContract.Matching(Sim, "PATCH", "/api/v2/postings/*/workflow/*");
            Assert.Equal(new[] { $"/api/v2/postings/{P(5)}/workflow/web_interview", $"/api/v2/postings/{P(5)}/workflow/1" }, patches.Select(p => p.Path));
            var first = RequestContract.Valid(patches[0], "PATCH", "/api/v2/postings/{posting_id}/workflow/{step_id}");
            Assert.False(first.GetProperty("config").GetProperty("video").GetBoolean());
            Assert.Equal(0.7, RequestContract.Valid(patches[1], "PATCH", "/api/v2/postings/{posting_id}/workflow/{step_id}").GetProperty("config").GetProperty("min_evaluation_score").GetDouble());
        }

        public static IEnumerable<object[]> BadStepInput() => new[]
        {
            new object[] { "-Step phone -Config @{ video = $true }", "HeyMilo.InvalidStep", "phone" },
            new object[] { "-Step 0 -Config @{ video = $true }", "HeyMilo.InvalidStep", "0" },
            new object[] { "-Step web_interview -Config @{ knockout_enabled = $true }", "HeyMilo.InvalidStepConfig", "knockout_enabled" },
            new object[] { "-Step web_interview -Config @{ num_questions = 0 }", "HeyMilo.InvalidStepConfig", "num_questions" },
            new object[] { "-Step web_interview -Config @{ video = 'yes' }", "HeyMilo.InvalidStepConfig", "video" },
            new object[] { "-Step resume -Config @{ num_criteria_questions = 16 }", "HeyMilo.InvalidStepConfig", "16" },
            new object[] { "-Step 2 -Config @{ no_such_key = 1 }", "HeyMilo.InvalidStepConfig", "no_such_key" },
            new object[] { "-Step 2 -Config @{ min_evaluation_score = 1.5 }", "HeyMilo.InvalidStepConfig", "1.5" },
            new object[] { "-Step web_interview -Config @{}", "HeyMilo.InvalidStepConfig", "no key" },
        };

        [Theory]
        [MemberData(nameof(BadStepInput))]
        public void Bad_step_or_config_is_refused_and_nothing_is_sent(string parameters, string errorId, string mentioned)
        {
            Connect();
            Ps.Set("id", P(5));
            var result = Run("Set-MiloWorkflowStep -PostingId $id " + parameters);
            Assert.Equal(errorId + ",HeyMilo.Commands.SetMiloWorkflowStepCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Contains(mentioned, result.Terminating!.ToString());
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_key_the_step_type_lacks_is_the_APIs_400_when_the_step_is_named_by_order()
        {
            Connect();
            Ps.Set("id", P(5));
            // Step 1 is the resume step; video is a web_interview key, so only the API can tell.
            var error = Assert.Single(Run("Set-MiloWorkflowStep -PostingId $id -Step 1 -Config @{ video = $true }").Errors);
            Assert.Equal("HeyMilo.BadRequest,HeyMilo.Commands.SetMiloWorkflowStepCommand", error.FullyQualifiedErrorId);
            Assert.Equal(P(5), error.TargetObject);
        }

        // ---- Enable-MiloPosting, Disable-MiloPosting ------------------------------------------------

        [Fact]
        public void Bulk_archive_of_piped_postings_writes_each_reports_failures_with_the_posting_and_ends_its_progress()
        {
            Connect();
            Sim.Faults.Add("POST", $"/api/v2/postings/{P(1)}/archive", new Fault { Status = 404 });
            var result = Run("Get-MiloPosting -First 3 | Disable-MiloPosting -Confirm:$false");
            Assert.Null(result.Terminating);
            Assert.Equal(new[] { P(0), P(2) }, result.Output.Select(o => Prop(o, "Id")).ToArray());
            Assert.All(result.Output, o => Assert.Equal("archived", Prop(o, "Status")));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.DisableMiloPostingCommand", error.FullyQualifiedErrorId);
            var target = Assert.IsAssignableFrom<PSObject>(PSObject.AsPSObject(error.TargetObject));
            Assert.Equal("HeyMilo.Posting", target.TypeNames[0]);
            Assert.Equal(P(1), Prop(target, "Id"));
            var progress = result.Progress.Where(p => p.Activity == "Disable-MiloPosting").ToList();
            Assert.NotEmpty(progress);
            Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
            Assert.Equal(3, RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/archive").Count);
        }

        [Fact]
        public void Archiving_asks_once_per_posting_and_No_sends_nothing()
        {
            Connect();
            var host = new RecordingHost { Answer = "No" };
            using var ps = new PsHost(host);
            ps.Invoke("Get-MiloPosting -First 3 | Disable-MiloPosting").ThrowIfTerminating();
            Assert.Equal(3, host.Prompts.Count);
            Assert.Contains(P(0), host.Prompts[0]);
            Assert.Empty(RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/archive"));

            host.Answer = "Yes";
            host.Prompts.Clear();
            Assert.Equal(2, ps.Invoke("Get-MiloPosting -First 2 | Disable-MiloPosting").ThrowIfTerminating().Output.Count);
            Assert.Equal(2, host.Prompts.Count);
        }

        [Fact]
        public void Force_skips_the_prompt_but_WhatIf_still_only_reports()
        {
            Connect();
            var host = new RecordingHost { Answer = "No" };
            using var ps = new PsHost(host);
            ps.Set("id", P(6));
            ps.Invoke("Disable-MiloPosting -PostingId $id -Force -WhatIf").ThrowIfTerminating();
            Assert.Empty(host.Prompts);
            Assert.Contains(host.Lines, l => l.Contains("What if", StringComparison.Ordinal) && l.Contains(P(6), StringComparison.Ordinal));
            Assert.Empty(RequestContract.Writes(Sim));

            Assert.Single(ps.Invoke("Disable-MiloPosting -PostingId $id -Force").ThrowIfTerminating().Output);
            Assert.Empty(host.Prompts);
        }

        [Fact]
        public void An_interview_piped_to_Disable_MiloPosting_is_refused_rather_than_archiving_its_posting()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("Get-MiloInterview -PostingId $id -First 1 | Disable-MiloPosting -Force");
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotAPosting,HeyMilo.Commands.DisableMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal("HeyMilo.Interview", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void Statistics_piped_to_Disable_MiloPosting_name_their_posting()
        {
            Connect();
            var output = Run("Get-MiloPosting -First 1 | Get-MiloPostingStatistic | Disable-MiloPosting -Force").ThrowIfTerminating().Output;
            Assert.Equal(P(0), Prop(Assert.Single(output), "Id"));
        }

        [Fact]
        public void Archive_and_activate_are_retried_after_a_503_because_repeating_them_creates_nothing()
        {
            Connect();
            Ps.Set("id", P(7));
            Sim.Faults.Add("POST", $"/api/v2/postings/{P(7)}/archive", new Fault { Status = 503 });
            Sim.Faults.Add("POST", $"/api/v2/postings/{P(7)}/activate", new Fault { Status = 503 });
            Assert.Equal("archived", Prop(Assert.Single(Run("Disable-MiloPosting $id -Force").ThrowIfTerminating().Output), "Status"));
            Assert.Equal("active", Prop(Assert.Single(Run("Enable-MiloPosting $id").ThrowIfTerminating().Output), "Status"));
            Assert.Equal(2, RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/archive").Count);
            Assert.Equal(2, RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/activate").Count);
        }

        [Fact]
        public void Activating_a_posting_without_steps_is_the_APIs_422_for_that_posting()
        {
            Connect();
            var result = Run("$empty = New-MiloPosting -Title 'Nothing yet' -Workflow @(); $empty | Enable-MiloPosting");
            Assert.Contains(result.Warnings, w => w.Contains("empty workflow", StringComparison.Ordinal));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.ValidationFailed,HeyMilo.Commands.EnableMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal("Nothing yet", Prop(PSObject.AsPSObject(error.TargetObject), "Title"));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>Tab completion of catalog ids and schema values, as the console asks for it (CommandCompletion.CompleteInput in the hosted engine).</summary>
    public class CatalogCompletionTests : MiloTestBase
    {
        private IReadOnlyList<CompletionResult> Complete(string line)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            var completion = CommandCompletion.CompleteInput(line, line.Length, null, ps);
            Assert.False(ps.HadErrors);
            return completion.CompletionMatches.ToList();
        }

        /// <summary>(line, the family's cmdlet, its name property) for every catalog completer.</summary>
        public static IEnumerable<object[]> Lines() => new[]
        {
            new object[] { "Get-MiloEmailTemplate -TemplateId ", "Get-MiloEmailTemplate", "Name" },
            new object[] { "Get-MiloEmailTemplateGroup -GroupId ", "Get-MiloEmailTemplateGroup", "Name" },
            new object[] { "Get-MiloDesignTemplate -TemplateId ", "Get-MiloDesignTemplate", "Name" },
            new object[] { "Get-MiloDesignTemplateGroup -GroupId ", "Get-MiloDesignTemplateGroup", "Name" },
            new object[] { "Get-MiloInterviewTemplate -TemplateId ", "Get-MiloInterviewTemplate", "Name" },
            new object[] { "Get-MiloDomain -DomainId ", "Get-MiloDomain", "Domain" },
            new object[] { "Get-MiloVoice -VoiceId ", "Get-MiloVoice", "Name" },
            new object[] { "Save-MiloVoicePreview -VoiceId ", "Get-MiloVoice", "Name" },
            new object[] { "Get-MiloPhoneNumber -PhoneNumberId ", "Get-MiloPhoneNumber", "Number" },
            new object[] { "Get-MiloSenderEmail -SenderEmailId ", "Get-MiloSenderEmail", "FullEmail" },
        };

        [Theory]
        [MemberData(nameof(Lines))]
        public void Catalog_ids_are_inserted_and_their_names_shown_from_one_first_page_request(string line, string cmdlet, string nameProperty)
        {
            Connect();
            var items = Run(cmdlet).ThrowIfTerminating().Output;
            Sim.Requests.Clear();

            var matches = Complete(line);

            Assert.Equal(items.Select(i => (string)i.Properties["Id"].Value), matches.Select(m => m.CompletionText));
            Assert.Equal(items.Select(i => (string)i.Properties[nameProperty].Value), matches.Select(m => m.ListItemText));
            Assert.All(matches, m => Assert.Equal(CompletionResultType.ParameterValue, m.ResultType));
            Assert.All(matches, m => Assert.Contains(m.CompletionText, m.ToolTip));
            var request = Assert.Single(Sim.Requests.Snapshot());
            Assert.Equal("?limit=100", request.Query);
        }

        [Fact]
        public void The_typed_prefix_matches_the_name_or_the_id()
        {
            Connect();
            var voices = Run("Get-MiloVoice").ThrowIfTerminating().Output;
            var sarah = (string)voices.Single(v => (string)v.Properties["Name"].Value == "Sarah").Properties["Id"].Value;

            Assert.Equal(new[] { sarah }, Complete("Get-MiloVoice -VoiceId sar").Select(m => m.CompletionText));
            Assert.Equal(new[] { sarah }, Complete("Get-MiloVoice -VoiceId " + sarah.Substring(0, 7).ToUpperInvariant()).Select(m => m.CompletionText));
            Assert.Contains("'" + sarah + "'", Complete("Get-MiloVoice -VoiceId 'Sa").Select(m => m.CompletionText));
            Assert.Equal(2, Complete("Get-MiloPhoneNumber -PhoneNumberId '+1206").Count);
            Assert.Equal(new[] { Sim.Data.Catalog.SenderEmailIds[3] }, Complete("Get-MiloSenderEmail -SenderEmailId no-reply").Select(m => m.CompletionText));
        }

        [Fact]
        public void Each_completer_keeps_its_own_cache_for_a_minute()
        {
            Connect();
            Assert.Equal(Sim.Data.PostingIds.Take(100), Complete("Get-MiloPosting -PostingId ").Select(m => m.CompletionText));
            // Within the minute another completer must not be handed the postings.
            Assert.Equal(Sim.Data.WebhookIds, Complete("Get-MiloWebhook -WebhookId ").Select(m => m.CompletionText));
            Assert.Equal(Sim.Data.Catalog.VoiceIds, Complete("Get-MiloVoice -VoiceId ").Select(m => m.CompletionText));
            Assert.Equal(Sim.Data.Catalog.VoiceIds, Complete("Save-MiloVoicePreview -VoiceId ").Select(m => m.CompletionText));
            Assert.Equal(Sim.Data.Catalog.SenderEmailIds, Complete("Get-MiloSenderEmail -SenderEmailId ").Select(m => m.CompletionText));
            Assert.Single(Requests("/api/v2/voices"));

            Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.NotEmpty(Complete("Get-MiloVoice -VoiceId "));
            Assert.Equal(2, Requests("/api/v2/voices").Count);
        }

        [Fact]
        public void Modality_and_step_type_values_come_from_the_schema_registries()
        {
            Connect();
            var modalities = Complete("Get-MiloQuestionType -Modality ");
            Assert.Equal(new[] { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" }, modalities.Select(m => m.CompletionText));
            Assert.Contains("YES_NO", modalities[1].ToolTip);
            Assert.Equal(new[] { "resume_eligibility", "resume_scoring" }, Complete("Get-MiloQuestionType res").Select(m => m.CompletionText));

            Assert.Equal(new[] { "web_interview", "conversational_sms", "resume", "form" }, Complete("Get-MiloAgentType -Type ").Select(m => m.CompletionText));
            // The prefix also matches the display name ("Web interview").
            Assert.Equal(new[] { "web_interview" }, Complete("Get-MiloQuestionType -AgentType 'Web").Select(m => m.CompletionText.Trim('\'')));
            Assert.Single(Requests("/api/v2/schemas/question-types"));
            Assert.Single(Requests("/api/v2/schemas/agents"));
        }

        [Fact]
        public void A_rate_limited_or_failing_API_means_no_completions_and_no_error()
        {
            Connect();
            Sim.Faults.Add("GET", "/api/v2/voices", new Fault { Status = 429, RetryAfterSeconds = 1 }, times: 20);
            Sim.Faults.Add("GET", "/api/v2/schemas/agents", new Fault { Status = 500 }, times: 20);

            Assert.Empty(Complete("Get-MiloVoice -VoiceId "));
            Assert.Empty(Complete("Get-MiloAgentType -Type "));

            Sim.Faults.Clear();
            Assert.NotEmpty(Complete("Get-MiloVoice -VoiceId ")); // a failure is not cached: the next Tab asks again
        }

        [Fact]
        public void Without_a_session_catalog_completion_is_silent_and_sends_nothing()
        {
            Assert.Empty(Complete("Get-MiloVoice -VoiceId "));
            Assert.Empty(Complete("Get-MiloQuestionType -Modality "));
            Assert.Empty(Sim.Requests.Snapshot());
        }

        /// <summary>
        /// Any parameter of the module that takes an id the API lists (postings, webhooks, questions, the catalog) or a
        /// schema value, whichever cmdlet declares it, completes with the matching completer: one table for the module.
        /// </summary>
        [Fact]
        public void Every_id_and_schema_parameter_in_the_module_has_its_completer()
        {
            var byName = new Dictionary<string, string>
            {
                ["PostingId"] = "PostingIdCompleter",
                ["WebhookId"] = "WebhookIdCompleter",
                ["EventType"] = "EventTypeCompleter",
                ["QuestionId"] = "QuestionIdCompleter",
                ["InterviewTemplateId"] = "InterviewTemplateIdCompleter",
                ["EmailTemplateGroupId"] = "EmailTemplateGroupIdCompleter",
                ["DesignTemplateGroupId"] = "DesignTemplateGroupIdCompleter",
                ["PhoneNumberId"] = "PhoneNumberIdCompleter",
                ["SenderEmailId"] = "SenderEmailIdCompleter",
                ["VoiceId"] = "VoiceIdCompleter",
                ["DomainId"] = "DomainIdCompleter",
                ["Modality"] = "ModalityCompleter",
                ["Step"] = "StepTypeCompleter",
                ["StepType"] = "StepTypeCompleter",
                ["AgentType"] = "StepTypeCompleter",
            };
            var byCommand = new Dictionary<string, string>
            {
                ["Get-MiloEmailTemplate -TemplateId"] = "EmailTemplateIdCompleter",
                ["Get-MiloEmailTemplateGroup -GroupId"] = "EmailTemplateGroupIdCompleter",
                ["Get-MiloDesignTemplate -TemplateId"] = "DesignTemplateIdCompleter",
                ["Get-MiloDesignTemplateGroup -GroupId"] = "DesignTemplateGroupIdCompleter",
                ["Get-MiloInterviewTemplate -TemplateId"] = "InterviewTemplateIdCompleter",
                ["Get-MiloAgentType -Type"] = "StepTypeCompleter",
                // The posting's own steps by type and order, the schema's step types without a posting.
                ["Set-MiloWorkflowStep -Step"] = "StepCompleter",
            };
            var found = new List<string>();
            var problems = new List<string>();
            foreach (var command in Run("Get-Command -Module HeyMilo").ThrowIfTerminating().Output.Select(o => (CommandInfo)o.BaseObject))
            {
                foreach (var parameter in command.Parameters.Values)
                {
                    var key = command.Name + " -" + parameter.Name;
                    if (!byCommand.TryGetValue(key, out var want) && !byName.TryGetValue(parameter.Name, out want)) continue;
                    var completer = parameter.Attributes.OfType<ArgumentCompleterAttribute>().SingleOrDefault();
                    if (completer?.Type?.FullName != "HeyMilo.Module.Completers." + want) problems.Add($"{key}: {completer?.Type?.FullName ?? "no completer"}, want {want}");
                    found.Add(key);
                }
            }
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            foreach (var key in byCommand.Keys) Assert.Contains(key, found);
            foreach (var key in new[]
            {
                "Get-MiloPosting -PostingId", "Get-MiloInterview -PostingId", "Import-MiloCandidate -PostingId", "Disable-MiloWebhook -WebhookId",
                "New-MiloWebhook -EventType", "New-MiloCandidate -PostingId", "Send-MiloAtsCandidate -PostingId", "Disable-MiloPosting -PostingId",
                "Set-MiloQuestionOrder -QuestionId", "Set-MiloWorkflowStep -Step",
            }) Assert.Contains(key, found);
            var idNames = new[] { "PostingId", "WebhookId", "EventType", "QuestionId", "Step" };
            Assert.Equal(28, found.Count(k => idNames.Contains(k.Substring(k.IndexOf(" -", StringComparison.Ordinal) + 2))));
            Assert.Contains("Save-MiloVoicePreview -VoiceId", found);
            Assert.Contains("Get-MiloQuestionType -Modality", found);
            Assert.Contains("Get-MiloQuestionType -AgentType", found);
        }
    }
}

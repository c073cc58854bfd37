using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The module's views (HeyMilo.Format.ps1xml, loaded by the manifest) rendered by the engine's formatter,
    /// on objects the real cmdlets got from the simulator.
    /// </summary>
    public class FormatTests : MiloTestBase
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            FormattingCommands.ImportInto(Ps);
            Connect();
            Run("$p = (Get-MiloPosting -First 1).Id").ThrowIfTerminating();
        }

        public sealed class Case
        {
            public Case(string type, string source, string key, bool listByDefault, string[] table, string[] list)
            {
                Type = type; Source = source; Key = key; ListByDefault = listByDefault; Table = table; List = list;
            }

            public string Type { get; }
            public string Source { get; }
            /// <summary>A property whose value of the first object must show in both views.</summary>
            public string Key { get; }
            public bool ListByDefault { get; }
            public string[] Table { get; }
            public string[] List { get; }
            public override string ToString() => Type;
        }

        private static readonly Case[] Cases =
        {
            new Case("HeyMilo.Posting", "Get-MiloPosting -First 2", "Id", false,
                new[] { "Id", "Title", "Status", "CreatedAt" },
                new[] { "Id", "Title", "Name", "Status", "Language", "Finalized", "Archived", "TestPosting", "Workflow", "CandidateUrl", "IngestionUrlKey", "ReviewUrl", "Deadline", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.Interview", "Get-MiloInterview -PostingId $p -First 2", "InterviewId", false,
                new[] { "InterviewId", "Name", "Email", "Status", "Score", "InterviewedAt" },
                new[] { "InterviewId", "PostingId", "CandidateId", "Name", "Email", "Status", "Score", "Shortlisted", "Dismissed", "Workflow", "InterviewUrl", "CreatedAt", "InterviewedAt" }),
            new Case("HeyMilo.InterviewData", "Get-MiloInterview -PostingId $p -First 2 -Detailed", "InterviewId", false,
                new[] { "InterviewId", "Name", "Email", "Status", "Score" },
                new[] { "InterviewId", "PostingId", "CandidateId", "Name", "Email", "Status", "Score", "Workflow", "WebInterview", "Resume", "Sms", "Form", "CheatDetection" }),
            new Case("HeyMilo.Webhook", "New-MiloWebhook -PostingId $p -Url 'https://hooks.example/format' -EventType report_available", "WebhookId", false,
                new[] { "WebhookId", "PostingId", "EventType", "IsActive", "Url" },
                new[] { "WebhookId", "PostingId", "Url", "EventType", "HttpMethod", "IsActive", "Legacy", "CreatedAt", "UpdatedAt" }),
            // No list view: Format-List shows the result's own properties, which are the mailing list (and the
            // -MetadataProperty columns of that import).
            new Case("HeyMilo.CandidateImportResult", "@{ Name = 'Ada Lovelace'; Email = 'ada@example.com'; Phone = '+44 20 7946 0958' } | Import-MiloCandidate -PostingId $p", "Email", false,
                new[] { "Row", "Name", "Email", "InterviewId", "InterviewUrl" },
                new[] { "RowNumber", "Name", "Email", "Phone", "InterviewId", "InterviewUrl", "PostingId" }),
            new Case("HeyMilo.CandidateImportSummary", "$null = @{ Name = 'Grace Hopper'; Email = 'grace@example.com' } | Import-MiloCandidate -PostingId $p -SummaryVariable s; $s", "PostingId", false,
                new[] { "Total", "Sent", "Failed", "Skipped", "NotSent", "Unknown", "PostingId", "IngestionKey" },
                new[] { "Sent", "Failed", "Skipped", "NotSent", "Unknown", "Total", "PostingId", "IngestionKey" }),

            new Case("HeyMilo.InterviewMetadata", "Get-MiloInterview -PostingId $p -First 2 | Set-MiloInterviewMetadata -Metadata @{ ats_id = 'BH-100001' }", "InterviewId", false,
                new[] { "InterviewId", "Count", "Metadata" },
                new[] { "InterviewId", "Count", "Metadata" }),
            new Case("HeyMilo.CandidateIngestion", "New-MiloCandidate -PostingId $p -Name 'Ada Lovelace' -Email 'ada.async@example.com' -Async", "IngestionId", false,
                new[] { "IngestionId", "Status", "PostingId", "Name", "Email" },
                new[] { "IngestionId", "Status", "PostingId", "Name", "Email" }),
            new Case("HeyMilo.AtsConnection", "Get-MiloAtsConnection", "IntegrationId", false,
                new[] { "AtsProvider", "DisplayName", "Source", "IsActive", "IntegrationId" },
                new[] { "IntegrationId", "AtsProvider", "DisplayName", "Source", "IsActive", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.AtsCandidateMatch", "Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'jane.doe@example.com'", "AtsCandidateId", false,
                new[] { "AtsCandidateId", "FirstName", "LastName", "Email", "Status", "MatchReason" },
                new[] { "AtsName", "AtsCandidateId", "FirstName", "LastName", "Email", "Email2", "Email3", "Phone", "Status", "MatchReason" }),
            new Case("HeyMilo.AtsPushReceipt", "Send-MiloAtsCandidate -AtsName bullhorn -FirstName Ada -LastName Lovelace -Email 'ada@example.com'", "ItemId", false,
                new[] { "ItemId", "Status", "AtsName", "InterviewId", "Email" },
                new[] { "ItemId", "Status", "Error", "AtsName", "PostingId", "InterviewId", "AtsCandidateId", "Email", "CreateSubmission" }),
            new Case("HeyMilo.AtsPushStatus", "Send-MiloAtsCandidate -AtsName bullhorn -FirstName Ada -LastName Lovelace -Email 'ada@example.com' -Wait", "ItemId", false,
                new[] { "ItemId", "Status", "Action", "AtsCandidateId", "SubmissionId", "UpdatedAt" },
                new[] { "ItemId", "Status", "EventType", "RetryCount", "Action", "AtsCandidateId", "SubmissionId", "LastError", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.MiloSession", "Get-MiloSession", "KeyFingerprint", true,
                new[] { "BaseUri", "KeyFingerprint", "Workspace", "RequestsPerMinute", "ConnectedAt", "IsClosed" },
                new[] { "BaseUri", "LegacyBaseUri", "KeyFingerprint", "Workspace", "RequestsPerMinute", "RateLimit", "ConnectedAt" }),
            new Case("HeyMilo.ConnectionTestResult", "Test-MiloConnection", "BaseUri", false,
                new[] { "BaseUri", "Legacy", "Healthy", "Status", "LatencyMs", "KeyAccepted", "HttpStatus", "Workspaces" },
                new[] { "BaseUri", "Legacy", "Healthy", "Status", "Latency", "KeyAccepted", "HttpStatus", "Workspaces" }),
            new Case("HeyMilo.EmailTemplate", "Get-MiloEmailTemplate -First 2", "Id", false,
                new[] { "Id", "TemplateKey", "Name", "Subject" },
                new[] { "Id", "Name", "TemplateKey", "Subject", "BlackoutPeriod", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.EmailTemplateGroup", "Get-MiloEmailTemplateGroup -First 2", "Id", false,
                new[] { "Id", "Name", "SenderEmailId", "Emails" },
                new[] { "Id", "Name", "SenderEmailId", "TemplateMappings", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.DesignTemplate", "Get-MiloDesignTemplate -First 2", "Id", false,
                new[] { "Id", "TemplateType", "Name", "UpdatedAt" },
                new[] { "Id", "Name", "TemplateType", "DesignConfig", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.DesignTemplateGroup", "Get-MiloDesignTemplateGroup -First 2", "Id", false,
                new[] { "Id", "Name", "IsDefault", "Pages" },
                new[] { "Id", "Name", "IsDefault", "TemplateMappings", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.InterviewTemplate", "Get-MiloInterviewTemplate -First 2", "Id", false,
                new[] { "Id", "TemplateCode", "Name", "IsDefault", "PostingId" },
                new[] { "Id", "Name", "TemplateCode", "Description", "PostingId", "IsDefault", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.CustomDomain", "Get-MiloDomain -First 2", "Domain", false,
                new[] { "Id", "Domain", "Status", "Active", "CnameTarget" },
                new[] { "Id", "Domain", "Status", "Active", "CnameTarget", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.Voice", "Get-MiloVoice -First 2", "Id", false,
                new[] { "Id", "Name", "Language", "CountryCode", "Gender", "Provider" },
                new[] { "Id", "Name", "Provider", "ProviderVoiceId", "Language", "CountryCode", "Gender", "Labels", "PreviewUrl", "CreatedAt", "UpdatedAt" }),
            new Case("HeyMilo.PhoneNumber", "Get-MiloPhoneNumber -First 2", "Number", false,
                new[] { "Id", "Number", "CountryCode", "Active", "DateProvisioned" },
                new[] { "Id", "Number", "CountryCode", "Active", "DateProvisioned" }),
            new Case("HeyMilo.SenderEmail", "Get-MiloSenderEmail -First 2", "FullEmail", false,
                new[] { "Id", "FullEmail", "DomainId", "CreatedAt" },
                new[] { "Id", "FullEmail", "EmailPrefix", "Domain", "DomainId", "CreatedAt" }),
            new Case("HeyMilo.Workspace", "Get-MiloWorkspace", "Name", false,
                new[] { "Id", "Name", "CompanyId" },
                new[] { "Id", "Name", "CompanyId" }),
            new Case("HeyMilo.AgentType", "Get-MiloAgentType", "Type", false,
                new[] { "Type", "Name", "QuestionModalities" },
                new[] { "Type", "Name", "Description", "QuestionModalities", "Config" }),
            new Case("HeyMilo.QuestionType", "Get-MiloQuestionType", "Modality", false,
                new[] { "Modality", "AgentType", "Formats" },
                new[] { "Modality", "AgentType", "Formats", "Fields", "ResponseFormats" }),
            // Posting lifecycle and questions
            new Case("HeyMilo.PostingSummary", "Get-MiloPosting -Summary -First 2", "Id", false,
                new[] { "Id", "Title", "Name" },
                new[] { "Id", "Title", "Name" }),
            new Case("HeyMilo.PostingStatistic", "Get-MiloPosting -First 2 | Get-MiloPostingStatistic", "PostingId", false,
                new[] { "PostingId", "Title", "TotalCandidates", "CompletedInterviews", "AverageInterviewScore", "AverageResumeScore" },
                new[] { "PostingId", "Title", "Name", "TotalCandidates", "CompletedInterviews", "AverageInterviewScore", "AverageResumeScore" }),
            new Case("HeyMilo.Question", "Get-MiloQuestion -PostingId $p -Modality voice", "Id", false,
                new[] { "Modality", "Rank", "Id", "QuestionType", "Text" },
                new[] { "Id", "PostingId", "Modality", "Rank", "Text", "QuestionType", "ScoreWeight", "NotScored", "EvaluationCriteria", "CreatedAt", "UpdatedAt" }),
        };

        public static IEnumerable<object[]> AllCases => Cases.Select(c => new object[] { c });

        private List<PSObject> Objects(Case c)
        {
            var objects = Run("$o = @(" + c.Source + "); $o").ThrowIfTerminating().Output;
            Assert.NotEmpty(objects);
            // What Get-Member shows as TypeName, and what the views are selected by.
            Assert.All(objects, o => Assert.Equal(c.Type, o.TypeNames[0]));
            return objects;
        }

        private string Render(string pipeline) =>
            string.Concat(Run(pipeline + " | Out-String").ThrowIfTerminating().Output.Select(o => o.ToString())).Replace("\r\n", "\n");

        private string KeyValue(List<PSObject> objects, Case c) => Convert.ToString(objects[0].Properties[c.Key].Value, System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty;

        /// <summary>The header line holds exactly these labels, in order, and a dashes line follows it.</summary>
        private static void AssertTable(string text, string[] headers)
        {
            var pattern = @"^\s*" + string.Join(@"\s+", headers.Select(Regex.Escape)) + @"\s*\n\s*-+(\s+-+){" + (headers.Length - 1) + @"}\s*$";
            Assert.True(Regex.IsMatch(text, pattern, RegexOptions.Multiline), $"No table with the columns {string.Join(", ", headers)} in:\n{text}");
        }

        /// <summary>Each record lists exactly these labels, in order ("Label : value" lines).</summary>
        private static void AssertList(string text, string[] labels)
        {
            var records = Regex.Split(text.Trim('\n'), @"\n\s*\n").Where(r => r.Trim().Length > 0).ToList();
            Assert.NotEmpty(records);
            foreach (var record in records)
            {
                var found = Regex.Matches(record, @"^(\S+)\s*:", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
                Assert.True(labels.SequenceEqual(found), $"Want labels {string.Join(", ", labels)}, got {string.Join(", ", found)} in:\n{record}");
            }
        }

        [Theory]
        [MemberData(nameof(AllCases))]
        public void Format_Table_uses_the_module_table_view(Case c)
        {
            var objects = Objects(c);
            var text = Render("$o | Format-Table");
            AssertTable(text, c.Table);
            Assert.Contains(KeyValue(objects, c), text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(AllCases))]
        public void Format_List_uses_the_module_list_view(Case c)
        {
            var objects = Objects(c);
            var text = Render("$o | Format-List");
            AssertList(text, c.List);
            Assert.Contains(KeyValue(objects, c), text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(AllCases))]
        public void Default_output_uses_the_first_view(Case c)
        {
            Objects(c);
            var text = Render("$o");
            if (c.ListByDefault) AssertList(text, c.List);
            else AssertTable(text, c.Table);
        }

        [Fact]
        public void Every_type_with_a_view_is_covered_here()
        {
            var format = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "HeyMilo.Format.ps1xml"));
            var viewed = format.Descendants("ViewSelectedBy").Elements("TypeName").Select(e => e.Value).Distinct().OrderBy(n => n);
            Assert.Equal(viewed, Cases.Select(c => c.Type).OrderBy(n => n));
        }

        /// <summary>Types whose properties differ per object by design: Format-List shows each object's own.</summary>
        private static readonly string[] s_ownPropertiesInLists = { "HeyMilo.CandidateImportResult" };

        [Fact]
        public void Every_exported_cmdlet_declares_OutputType_and_every_HeyMilo_output_type_has_views()
        {
            var commands = Run("Get-Command -Module HeyMilo -CommandType Cmdlet").ThrowIfTerminating().Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
            Assert.Equal(RepoPaths.ManifestCmdlets().OrderBy(n => n), commands.Select(c => c.Name).OrderBy(n => n));
            var format = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "HeyMilo.Format.ps1xml"));
            var views = format.Descendants("View")
                .Select(v => (Type: v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, Table: v.Element("TableControl") != null, List: v.Element("ListControl") != null))
                .ToList();
            var failures = new List<string>();
            foreach (var command in commands)
            {
                var declared = command.ImplementingType.GetCustomAttributes(typeof(OutputTypeAttribute), inherit: false);
                if (declared.Length == 0) { failures.Add(command.Name + ": no [OutputType]"); continue; }
                foreach (var type in command.OutputType.Select(t => t.Name).Where(n => n.StartsWith("HeyMilo.", StringComparison.Ordinal)))
                {
                    if (!views.Any(v => v.Type == type && v.Table)) failures.Add($"{command.Name}: {type} has no table view");
                    if (!views.Any(v => v.Type == type && v.List) && !s_ownPropertiesInLists.Contains(type)) failures.Add($"{command.Name}: {type} has no list view");
                }
            }
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
    }
}

using System.Linq;
using System.Management.Automation;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The posting cmdlets' per-record check (PostingTargetCmdlet) asks the same question binding does
    /// (MiloObjectKinds: what is this object?): a write given an object that is not a posting but names one
    /// is HeyMilo.NotAPosting for that object, whatever kind it is; a read reads the posting it names.
    /// </summary>
    public sealed class PipedObjectKindTests : MiloTestBase
    {
        private string P(int i) => Sim.Data.PostingIds[i];

        [Fact]
        public void A_refusal_names_what_the_parameter_takes_even_when_it_takes_no_object_of_the_module()
        {
            Connect(); // the module is imported
            var describe = ModuleInternals.ModuleAssembly.GetType("HeyMilo.Module.MiloObjectKinds", throwOnError: true)!
                .GetMethod("Describe", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)!;
            var kinds = ModuleInternals.ModuleAssembly.GetType("HeyMilo.Module.MiloObjects", throwOnError: true)!;
            string Describe(int flags) => (string)describe.Invoke(null, new[] { System.Enum.ToObject(kinds, flags) })!;

            Assert.Equal("ids and rows of properties (Import-Csv, [pscustomobject]), no object of the module", Describe(0));
            Assert.Equal("postings and ids", Describe(1));
            Assert.Equal("postings, interviews and ids", Describe(1 | 2));
        }

        [Fact]
        public void A_webhook_piped_to_Disable_MiloPosting_is_refused_rather_than_archiving_its_posting()
        {
            Connect();
            Ps.Set("w", Sim.Data.WebhookIds[0]);
            var result = Run("Get-MiloWebhook -WebhookId $w | Disable-MiloPosting -Force");

            var error = TestErrors.Single(result, "NotAPosting", "DisableMiloPostingCommand");
            Assert.Equal("HeyMilo.Webhook", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
            Assert.Contains("a webhook (", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_question_piped_to_Set_MiloPosting_is_refused_rather_than_changing_its_posting()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("Get-MiloQuestion $id -Modality voice -First 1 | Set-MiloPosting -MaxRetakes 2");

            var error = TestErrors.Single(result, "NotAPosting", "SetMiloPostingCommand");
            Assert.Equal("HeyMilo.Question", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_row_that_carries_an_InterviewId_piped_to_Enable_MiloPosting_is_refused()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("[pscustomobject]@{ InterviewId = 'int_x'; PostingId = $id } | Enable-MiloPosting");

            var error = TestErrors.Single(result, "NotAPosting", "EnableMiloPostingCommand");
            Assert.Contains("it has an InterviewId property", error.Exception.Message);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_webhook_piped_to_Get_MiloPostingStatistic_reads_the_posting_it_names()
        {
            Connect();
            var webhook = Sim.Data.WebhookIds[0];
            Ps.Set("w", webhook);
            var posting = Run("(Get-MiloWebhook -WebhookId $w).PostingId").ThrowIfTerminating().Output.Single().BaseObject;

            var result = Run("Get-MiloWebhook -WebhookId $w | Get-MiloPostingStatistic").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(posting, Assert.Single(result.Output).Properties["PostingId"].Value);
        }

        [Theory]
        [InlineData("Get-MiloVoice -First 1", "Get-MiloEmailTemplate", "GetMiloEmailTemplateCommand", "it takes email templates and ids")]
        [InlineData("Get-MiloEmailTemplate -First 1", "Get-MiloVoice", "GetMiloVoiceCommand", "it takes voices and ids")]
        [InlineData("Get-MiloSenderEmail -First 1", "Get-MiloDomain", "GetMiloDomainCommand", "it takes custom domains and ids")]
        [InlineData("Get-MiloInterviewTemplate -First 1", "Get-MiloPosting", "GetMiloPostingCommand", "it takes postings and ids")]
        [InlineData("Get-MiloPosting -First 1", "Send-MiloAtsCandidate -AtsName bullhorn", "SendMiloAtsCandidateCommand", "it takes interviews, import results, candidate ingestions, ATS candidates and ids")]
        [InlineData("(Get-MiloAgentType)[0]", "Get-MiloAtsPush", "GetMiloAtsPushCommand", "it takes ATS push receipts, ATS push statuses and ids")]
        public void An_object_of_a_kind_the_cmdlet_does_not_take_is_refused_naming_what_it_takes(string producer, string consumer, string command, string takes)
        {
            Connect();
            var before = Sim.Requests.Snapshot().Count;
            var made = Run(producer).ThrowIfTerminating().Output;
            var sentByProducer = Sim.Requests.Snapshot().Count - before;
            Ps.Set("made", Assert.Single(made));

            var result = Run("$made | " + consumer);

            var error = Assert.Single(result.Errors);
            Assert.Equal($"ParameterArgumentTransformationError,HeyMilo.Commands.{command}", error.FullyQualifiedErrorId);
            Assert.Contains(takes + ".", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Equal(before + sentByProducer, Sim.Requests.Snapshot().Count);
        }

        [Theory]
        [InlineData("Get-MiloInterview -PostingId $p -First 1", "Get-MiloPosting", "ForEach-Object { <command> -PostingId $_.PostingId }")]
        [InlineData("Get-MiloVoice -First 1", "Get-MiloEmailTemplate", "ForEach-Object { <command> -<parameter> $_.<id property> }")]
        public void A_refusal_says_how_to_use_an_id_the_object_carries(string producer, string consumer, string advice)
        {
            Connect();
            Ps.Set("p", P(0));
            Ps.Set("made", Assert.Single(Run(producer).ThrowIfTerminating().Output));

            var error = Assert.Single(Run("$made | " + consumer).Errors);

            Assert.EndsWith(advice + ".", error.Exception.Message);
        }

        [Fact]
        public void A_file_piped_to_New_MiloPosting_is_refused_at_once()
        {
            Connect();
            var file = System.IO.Path.GetTempFileName();
            try
            {
                Ps.Set("file", file);
                var result = Run("[System.IO.FileInfo]::new($file) | New-MiloPosting -Title Piped -Confirm:$false");

                var error = Assert.Single(result.Errors);
                Assert.Equal("ParameterArgumentTransformationError,HeyMilo.Commands.NewMiloPostingCommand", error.FullyQualifiedErrorId);
                Assert.Contains("A System.IO.FileInfo cannot be piped", error.Exception.Message);
                Assert.Empty(RequestContract.Writes(Sim));
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }

        [Fact]
        public void Another_librarys_object_inside_piped_posting_fields_is_read_as_its_text_not_walked_without_end()
        {
            // Such an object's property graph may have no end (a FileInfo's Directory.Root.Root…, a Type's BaseType,
            // UnderlyingSystemType, Module…): walked to the depth limit it was billions of reads that Ctrl+C could not end.
            Connect();
            var result = Run("[pscustomobject]@{ Title = 'Piped fields'; Kind = [string] } | New-MiloPosting -Confirm:$false -WarningAction SilentlyContinue");

            TestErrors.Single(result, "InvalidWorkflow", "NewMiloPostingCommand");
            Assert.Empty(RequestContract.Writes(Sim));
        }
    }
}

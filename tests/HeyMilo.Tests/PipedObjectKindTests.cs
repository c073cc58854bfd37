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
    }
}

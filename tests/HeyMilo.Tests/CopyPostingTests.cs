using System;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class CopyPostingTests : MiloTestBase
    {
        private static string ClonePath(string id) => "/api/v2/postings/" + id + "/clone";

        [Fact]
        public void A_clone_is_written_as_a_posting_with_its_urls()
        {
            Connect();
            var source = Sim.Data.PostingIds[0];
            var clone = Assert.Single(Run("Copy-MiloPosting -PostingId '" + source + "'").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.Posting", clone.TypeNames[0]);
            Assert.NotEqual(source, (string)clone.Properties["Id"].Value);
            dynamic urls = clone.Properties["Urls"].Value;
            Assert.False(string.IsNullOrEmpty((string)urls.CandidateUrl));
            Assert.False(string.IsNullOrEmpty((string)urls.IngestionUrlKey));
            Assert.False(string.IsNullOrEmpty((string)urls.ReviewUrl));
            var request = Assert.Single(Requests(ClonePath(source)));
            Assert.Equal("POST", request.Method);
        }

        [Fact]
        public void Cloning_an_ATS_posting_warns_that_the_draft_must_be_activated()
        {
            Connect();
            var source = Sim.Data.PostingIds[0];
            Sim.Faults.Add("POST", ClonePath(source), new Fault
            {
                Status = 201,
                Body = "{\"data\":{\"id\":\"pst_clone\",\"status\":\"draft\",\"urls\":{\"candidate_url\":\"https://c\",\"ingestion_url_key\":\"k\",\"review_url\":\"https://r\"},\"created_at\":1739612400,\"object\":\"posting\",\"posting\":{\"id\":\"pst_clone\",\"title\":\"T\",\"status\":\"draft\",\"ats_metadata\":{\"pending_activation\":true}}}}",
            });
            Ps.Set("id", source);
            var result = Run("[pscustomobject]@{ Id = $id } | Copy-MiloPosting").ThrowIfTerminating();
            Assert.Equal("draft", (string)Assert.Single(result.Output).Properties["Status"].Value);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("/postings/pst_clone/activate", warning);
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            Connect();
            Ps.Set("id", Sim.Data.PostingIds[0]);
            var result = Run("Copy-MiloPosting -PostingId $id -WhatIf").ThrowIfTerminating();
            Assert.Empty(result.Output);
            Assert.Empty(Requests("/api/v2/postings"));
        }

        [Fact]
        public void A_500_on_clone_is_not_retried_because_a_repeat_could_create_a_second_copy()
        {
            Connect();
            var source = Sim.Data.PostingIds[0];
            Sim.Faults.Add("POST", ClonePath(source), new Fault { Status = 500 });
            Ps.Set("id", source);
            var error = Assert.Single(Run("Copy-MiloPosting $id").Errors);
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.CopyMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(source, error.TargetObject);
            Assert.Single(Requests(ClonePath(source)));
        }

        [Fact]
        public void A_clone_whose_connection_drops_after_the_server_made_it_is_sent_once()
        {
            Connect();
            var source = Sim.Data.PostingIds[0];
            // A read first, so the clone goes out on a pooled keep-alive connection: the case in which the
            // HTTP stack itself would re-send a bodiless request that got no answer.
            Run("Get-MiloPosting -First 1 | Out-Null").ThrowIfTerminating();
            var before = Sim.Data.PostingIds.Count;
            Sim.Faults.Add("POST", ClonePath(source), new Fault { AfterHandler = true, CloseConnection = true });
            Ps.Set("id", source);

            var result = Run("Copy-MiloPosting $id");

            var clone = Assert.Single(Requests(ClonePath(source)));
            Assert.Equal(Requests("/api/v2/postings").First().ConnectionId, clone.ConnectionId);
            Assert.Equal(before + 1, Sim.Data.PostingIds.Count); // the server did make one copy, and only one
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.CopyMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Empty(result.Output);
        }

        [Theory]
        [InlineData("close", "HeyMilo.NetworkError", ErrorCategory.ConnectionError)]
        [InlineData("500", "HeyMilo.ServerError", ErrorCategory.ConnectionError)]
        public void A_clone_that_may_have_been_made_says_how_to_find_it_instead_of_to_run_it_again(string failure, string id, ErrorCategory category)
        {
            Connect();
            var source = Sim.Data.PostingIds[1];
            Ps.Set("id", source);
            var title = (string)Assert.Single(Run("(Get-MiloPosting -PostingId $id).Title").ThrowIfTerminating().Output).BaseObject;
            Sim.Faults.Add("POST", ClonePath(source), failure == "close"
                ? new Fault { AfterHandler = true, CloseConnection = true }
                : new Fault { AfterHandler = true, Status = 500 });

            var error = Assert.Single(Run("Copy-MiloPosting $id").Errors);

            Assert.Equal(id + ",HeyMilo.Commands.CopyMiloPostingCommand", error.FullyQualifiedErrorId); // ids and categories stay
            Assert.Equal(category, error.CategoryInfo.Category);
            var action = error.ErrorDetails.RecommendedAction;
            Assert.Contains("may have been created", action);
            Assert.Contains($"Get-MiloPosting -Search '{title}'", action);
            Assert.Contains($"Copy-MiloPosting -PostingId {source} again", action);
            Assert.DoesNotContain("run the command again", action, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("may have been created", error.ErrorDetails.Message);
            dynamic exception = error.Exception;
            Assert.True((bool)exception.MayHaveReachedServer);
            Assert.False((bool)exception.Idempotent);
            Assert.Single(Requests(ClonePath(source)));
        }

        [Fact]
        public void A_clone_the_server_refused_is_not_reported_as_possibly_made()
        {
            Connect();
            var error = Assert.Single(Run("Copy-MiloPosting pst_missing").Errors);
            dynamic exception = error.Exception;
            Assert.False((bool)exception.MayHaveReachedServer);
            Assert.DoesNotContain("may have been created", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_clone_that_never_reached_a_server_is_not_reported_as_possibly_made()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nothing listens there now: the connection is refused
            Ps.Set("k", Secure(Key));
            Run($"Connect-Milo -ApiKey $k -BaseUri 'http://127.0.0.1:{port}/' -LegacyBaseUri 'http://127.0.0.1:{port}/' -MaxRetries 0").ThrowIfTerminating();

            var error = Assert.Single(Run("Copy-MiloPosting pst_any").Errors);

            Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.CopyMiloPostingCommand", error.FullyQualifiedErrorId);
            dynamic exception = error.Exception;
            Assert.False((bool)exception.MayHaveReachedServer);
            Assert.DoesNotContain("may have been created", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_429_on_clone_is_retried_after_Retry_After()
        {
            Connect();
            var source = Sim.Data.PostingIds[0];
            Sim.Faults.Add("POST", ClonePath(source), new Fault { Status = 429, RetryAfterSeconds = 3 });
            Ps.Set("id", source);
            Assert.Single(Run("Copy-MiloPosting $id").ThrowIfTerminating().Output);
            Assert.Equal(2, Requests(ClonePath(source)).Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, Clock.Waits());
        }

        [Fact]
        public void An_unknown_id_is_a_non_terminating_NotFound_and_the_rest_are_cloned()
        {
            Connect();
            Ps.Set("ids", new[] { "pst_missing", Sim.Data.PostingIds[0] });
            var result = Run("$ids | Copy-MiloPosting");
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.CopyMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal("pst_missing", error.TargetObject);
            Assert.Single(result.Output);
        }
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class ErrorAndRetryTests : MiloTestBase
    {
        private const string List = "/api/v2/postings";

        [Fact]
        public void A_rejected_key_terminates_with_Unauthorized_and_says_what_to_do()
        {
            Connect(key: "sim-key-not-valid-9999");
            var result = Run("Get-MiloPosting");
            var error = result.Terminating!;
            Assert.Equal("HeyMilo.Unauthorized,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("Connect-Milo", error.ErrorDetails.RecommendedAction);
            Assert.Contains("401", error.ErrorDetails.Message);
            Assert.Contains("invalid_api_key", error.ErrorDetails.Message);
            Assert.Single(Requests(List)); // 401 is not retried
        }

        [Theory]
        [InlineData(400, "HeyMilo.BadRequest", ErrorCategory.InvalidArgument)]
        [InlineData(403, "HeyMilo.Forbidden", ErrorCategory.PermissionDenied)]
        [InlineData(404, "HeyMilo.NotFound", ErrorCategory.ObjectNotFound)]
        [InlineData(422, "HeyMilo.ValidationFailed", ErrorCategory.InvalidData)]
        public void Client_errors_map_to_stable_ids_and_categories_without_retry(int status, string id, ErrorCategory category)
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault { Status = status });
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Equal(id + ",HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.NotNull(error.ErrorDetails.RecommendedAction);
            Assert.Single(Requests(List));
        }

        [Fact]
        public void A_422_lists_each_field_error()
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault
            {
                Status = 422,
                Body = "{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be less than or equal to 100\",\"type\":\"less_than_equal\"},{\"loc\":[\"query\",\"search\"],\"msg\":\"too long\",\"type\":\"string_too_long\"}]}",
            });
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Contains("query.limit: Input should be less than or equal to 100", error.ErrorDetails.Message);
            Assert.Contains("query.search: too long", error.ErrorDetails.Message);
            dynamic exception = error.Exception;
            Assert.Equal(422, (int?)exception.StatusCode);
        }

        [Fact]
        public void A_400_naming_its_param_with_an_empty_errors_list_is_still_a_field_error()
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault
            {
                Status = 400,
                Body = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\",\"message\":\"search is too long\",\"param\":\"search\",\"errors\":[]}}",
            });
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            dynamic exception = error.Exception;
            var field = Assert.Single((System.Collections.Generic.IEnumerable<dynamic>)exception.FieldErrors);
            Assert.Equal("search", (string)field.Field);
            Assert.Equal("search is too long", (string)field.Message);
            Assert.Contains("search: search is too long", error.ErrorDetails.Message);
        }

        [Fact]
        public void Retry_After_seconds_are_honoured_exactly()
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault { Status = 429, RetryAfterSeconds = 7 }, times: 2);
            var result = Run("Get-MiloPosting -First 3 -Verbose").ThrowIfTerminating();
            Assert.Equal(3, result.Output.Count);
            Assert.Equal(3, Requests(List).Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, Clock.Waits());
            Assert.Contains(result.Verbose, v => v.Contains("retrying GET /api/v2/postings?limit=3 in 7.0 s"));
        }

        [Fact]
        public void Retry_After_as_an_HTTP_date_is_honoured()
        {
            Connect();
            var at = Clock.Now().AddSeconds(20).ToString("R");
            Sim.Faults.Add("GET", List, new Fault { Status = 503, RetryAfterHttpDate = at });
            Run("Get-MiloPosting -First 1").ThrowIfTerminating();
            var wait = Assert.Single(Clock.Waits());
            Assert.InRange(wait, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(20));
        }

        [Fact]
        public void Server_errors_without_Retry_After_back_off_and_give_up_with_ServerError()
        {
            Connect("-MaxRetries 3");
            Sim.Faults.Add("GET", List, new Fault { Status = 500 }, times: 10);
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("request req_", error.ErrorDetails.Message);
            Assert.Equal(4, Requests(List).Count);
            var waits = Clock.Waits();
            Assert.Equal(3, waits.Length);
            Assert.All(waits, w => Assert.True(w > TimeSpan.Zero));
        }

        [Fact]
        public void A_429_storm_ends_in_RateLimited_after_the_retries()
        {
            Connect("-MaxRetries 2");
            Sim.Faults.Add("GET", List, new Fault { Status = 429, RetryAfterSeconds = 2 }, times: 10);
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Equal("HeyMilo.RateLimited,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Equal(3, Requests(List).Count);
        }

        [Fact]
        public void Lost_connections_are_retried_then_reported_as_NetworkError()
        {
            Connect("-MaxRetries 1");
            Sim.Faults.Add("GET", List, new Fault { AbortConnection = true }, times: 5);
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(2, Requests(List).Count);
        }

        [Fact]
        public void A_body_cut_off_mid_way_is_retried()
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault { TruncatedJson = true });
            var output = Run("Get-MiloPosting -First 2").ThrowIfTerminating().Output;
            Assert.Equal(2, output.Count);
            Assert.Equal(2, Requests(List).Count);
        }

        [Fact]
        public void Malformed_JSON_is_an_InvalidResponse_error()
        {
            Connect();
            Sim.Faults.Add("GET", List, new Fault { MalformedJson = true });
            var error = Assert.Single(Run("Get-MiloPosting").Errors);
            Assert.Equal("HeyMilo.InvalidResponse,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        }
    }
}

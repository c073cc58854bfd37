using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Transport;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>
    /// A cancelled request says whether it may have reached the server (RequestCancelledException), through the real
    /// client and transport against the in-process simulator: an import stopped by Ctrl+C reports its batches by it.
    /// </summary>
    public sealed class TransportCancellationTests : IAsyncLifetime
    {
        private SimulatorHost _sim = null!;
        private MiloSession _session = null!;
        private string Posting => _sim.Data.PostingIds[0];

        public async Task InitializeAsync()
        {
            var key = "sim-cancel-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-0001";
            _sim = await SimulatorHost.StartAsync(new SimulatorOptions { ApiKeys = new[] { key }, Postings = 2, RateLimitPerMinute = 0, Url = "http://127.0.0.1:0" });
            var secure = new SecureString();
            foreach (var c in key) secure.AppendChar(c);
            _session = new MiloSession(new TransportSettings { BaseUri = _sim.BaseUri, LegacyBaseUri = _sim.BaseUri, RequestsPerMinute = 100_000, MaxRetries = 0 }, secure);
        }

        public async Task DisposeAsync()
        {
            _session.Dispose();
            await _sim.DisposeAsync();
        }

        [Fact]
        public async Task Cancelled_while_waiting_for_the_rate_limit_it_never_reached_the_server()
        {
            // The answer says none are left for 120 s: the next request waits for its permit.
            _sim.Faults.Add("GET", "/api/v2/postings/" + Posting, new Fault
            {
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "120" },
            });
            await _session.Client.GetPostingAsync(Posting, CancellationToken.None);
            using var stop = new CancellationTokenSource();
            var waiting = _session.Client.GetPostingAsync(Posting, stop.Token);

            stop.Cancel();

            var cancelled = await Assert.ThrowsAsync<RequestCancelledException>(() => waiting);
            Assert.False(cancelled.MayHaveReachedServer);
            Assert.Single(_sim.Requests.Snapshot());
        }

        [Fact]
        public async Task Cancelled_while_the_server_holds_the_request_it_may_have_reached_it()
        {
            _sim.Faults.Add("GET", "/api/v2/postings/" + Posting, new Fault { Hang = true });
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sim.Requests.Recorded += _ => arrived.TrySetResult();
            using var stop = new CancellationTokenSource();
            var held = _session.Client.GetPostingAsync(Posting, stop.Token);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only

            stop.Cancel();

            var cancelled = await Assert.ThrowsAsync<RequestCancelledException>(() => held);
            Assert.True(cancelled.MayHaveReachedServer);
        }
    }
}

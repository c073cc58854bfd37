using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>
    /// A cancelled request says whether it may have reached the server (RequestCancelledException), through the real
    /// client and transport against the in-process simulator: an import stopped by Ctrl+C reports its batches by it.
    /// </summary>
    public sealed class TransportCancellationTests : SimulatorTestBase
    {
        private string Posting => Sim.Data.PostingIds[0];

        [Fact]
        public async Task Cancelled_while_waiting_for_the_rate_limit_it_never_reached_the_server()
        {
            // The answer says none are left for 120 s: the next request waits for its permit.
            Sim.Faults.Add("GET", "/api/v2/postings/" + Posting, new Fault
            {
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "120" },
            });
            await Session.Client.GetPostingAsync(Posting, CancellationToken.None);
            using var stop = new CancellationTokenSource();
            var waiting = Session.Client.GetPostingAsync(Posting, stop.Token);

            stop.Cancel();

            var cancelled = await Assert.ThrowsAsync<RequestCancelledException>(() => waiting);
            Assert.False(cancelled.MayHaveReachedServer);
            Assert.Single(Sim.Requests.Snapshot());
        }

        [Fact]
        public async Task Cancelled_while_the_server_holds_the_request_it_may_have_reached_it()
        {
            Sim.Faults.Add("GET", "/api/v2/postings/" + Posting, new Fault { Hang = true });
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += _ => arrived.TrySetResult();
            using var stop = new CancellationTokenSource();
            var held = Session.Client.GetPostingAsync(Posting, stop.Token);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only

            stop.Cancel();

            var cancelled = await Assert.ThrowsAsync<RequestCancelledException>(() => held);
            Assert.True(cancelled.MayHaveReachedServer);
        }
    }
}

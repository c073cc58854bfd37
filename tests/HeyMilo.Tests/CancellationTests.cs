using System;
using System.Management.Automation;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class CancellationTests : MiloTestBase
    {
        protected override void Configure(SimulatorOptions options) => options.Postings = 50;

        [Fact]
        public async Task Stop_cancels_the_request_in_flight_and_ends_the_listing()
        {
            Connect();
            var secondPage = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += r =>
            {
                if (r.Query.Contains("starting_after")) secondPage.TrySetResult(r);
            };
            Sim.Faults.Add("GET", "/api/v2/postings", new Fault { Hang = true, QueryContains = "starting_after" });

            using var ps = Ps.Create("Get-MiloPosting -PageSize 10");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            await secondPage.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only: the event normally fires at once

            ps.Stop();

            Assert.True(invocation.IsCompleted, "Stop() returned before the pipeline ended");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Equal(10, output.Count);
            Assert.Equal(2, Requests("/api/v2/postings").Count);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo;
using HeyMilo.Client.Models;
using HeyMilo.Import;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The import service on its own: rows in, one outcome per row out, against a fake API.</summary>
    public class CandidateImporterTests
    {
        private static CandidateImporter Importer(FakeApi api, int batchSize = 100, int throttleLimit = 1, IReadOnlyList<string>? metadataColumns = null) =>
            new CandidateImporter(api.Target(), new CandidateReader(metadataColumns ?? new string[0], new Dictionary<string, string>()), batchSize, throttleLimit);

        [Fact]
        public void Every_row_has_one_outcome_in_input_order_and_valid_rows_go_in_batches()
        {
            var api = new FakeApi();
            var rows = Driver.Rows(250).ToList();
            rows.Insert(10, Driver.Row(11, ("Name", "No Email")));
            var driver = new Driver(Importer(api)).Import(rows);

            Assert.Equal(rows.Select(r => r.Number), driver.Outcomes.Select(o => o.Row.Number));
            Assert.Equal(rows.Select(r => r.Source), driver.Outcomes.Select(o => o.Row.Source));
            Assert.Equal(new[] { 100, 100, 50 }, api.Requests.Select(r => r.Count));
            Assert.Equal(CandidateOutcomeKind.Invalid, driver.Outcomes[10].Kind);
            Assert.Equal(250, driver.Outcomes.Count(o => o.Kind == CandidateOutcomeKind.Sent));
            Assert.All(driver.Outcomes.Where(o => o.Kind == CandidateOutcomeKind.Sent), o => Assert.Equal("int_" + o.Candidate!.Email, o.Ingested!.InterviewId));
        }

        [Fact]
        public void A_row_that_fails_validation_says_which_field_and_is_not_sent()
        {
            var api = new FakeApi();
            var driver = new Driver(Importer(api)).Import(new[]
            {
                Driver.Row(1, ("Name", "Ok"), ("Email", "ok@example.com")),
                Driver.Row(2, ("Name", ""), ("Email", "noname@example.com")),
                Driver.Row(3, ("Name", "Bad"), ("Email", "a@b@example.com")),
                Driver.Row(4, ("Name", "Phone"), ("Email", "p@example.com"), ("Phone", "555-1234")),
            });

            Assert.Equal(new[] { CandidateOutcomeKind.Sent, CandidateOutcomeKind.Invalid, CandidateOutcomeKind.Invalid, CandidateOutcomeKind.Invalid }, driver.Outcomes.Select(o => o.Kind));
            Assert.Contains("name", driver.Outcomes[1].Message);
            Assert.Contains("email", driver.Outcomes[2].Message);
            Assert.Contains("phone", driver.Outcomes[3].Message);
            Assert.Equal(new[] { "ok@example.com" }, api.Requests.Single());
        }

        [Fact]
        public void A_repeated_email_is_sent_once_and_the_repeat_is_skipped_naming_the_first_row()
        {
            var api = new FakeApi();
            var driver = new Driver(Importer(api)).Import(new[]
            {
                Driver.Row(1, ("Name", "Ada"), ("Email", "ada@example.com")),
                Driver.Row(2, ("Name", "Ada Again"), ("Email", "ADA@example.com")),
            });

            Assert.Equal(CandidateOutcomeKind.Skipped, driver.Outcomes[1].Kind);
            Assert.Equal(1L, driver.Outcomes[1].SameEmailAs);
            Assert.Single(api.Requests.Single());
        }

        [Fact]
        public void A_422_naming_rows_rejects_those_and_sends_the_rest_again()
        {
            var api = new FakeApi((n, items) => n == 1
                ? FakeApi.Fail(FakeApi.Error(422, "invalid", new[] { new MiloFieldError("body.data.1.email", "bad email", itemIndex: 1) }))
                : null);
            var driver = new Driver(Importer(api)).Import(Driver.Rows(3));

            Assert.Equal(new[] { CandidateOutcomeKind.Sent, CandidateOutcomeKind.Rejected, CandidateOutcomeKind.Sent }, driver.Outcomes.Select(o => o.Kind));
            Assert.Contains("Data row 2", driver.Outcomes[1].Error!.ApiMessage);
            Assert.Equal("bad email", Assert.Single(driver.Outcomes[1].Error!.FieldErrors).Message);
            Assert.Equal(new[] { 3, 2 }, api.Requests.Select(r => r.Count));
        }

        [Fact]
        public void A_422_naming_no_row_is_halved_until_the_bad_row_is_alone()
        {
            // Any request holding c1 is refused without saying which item.
            var api = new FakeApi((n, items) => items.Any(i => i.Email == "c1@example.com") ? FakeApi.Fail(FakeApi.Error(422)) : null);
            var driver = new Driver(Importer(api)).Import(Driver.Rows(4));

            Assert.Equal(new[] { CandidateOutcomeKind.Failed, CandidateOutcomeKind.Sent, CandidateOutcomeKind.Sent, CandidateOutcomeKind.Sent }, driver.Outcomes.Select(o => o.Kind));
            Assert.Equal(new[] { 4, 2, 1, 1, 2 }, api.Requests.Select(r => r.Count));
        }

        [Fact]
        public void A_request_that_fails_fails_its_rows_and_the_next_batch_still_goes()
        {
            var api = new FakeApi((n, items) => n == 1 ? FakeApi.Fail(FakeApi.Error(500)) : null);
            var driver = new Driver(Importer(api, batchSize: 2)).Import(Driver.Rows(3));

            Assert.Equal(new[] { CandidateOutcomeKind.Failed, CandidateOutcomeKind.Failed, CandidateOutcomeKind.Sent }, driver.Outcomes.Select(o => o.Kind));
            Assert.Equal(500, driver.Outcomes[0].Error!.StatusCode);
        }

        [Fact]
        public void A_rejected_key_stops_the_import()
        {
            var api = new FakeApi((n, items) => FakeApi.Fail(FakeApi.Error(401, "Invalid API key provided.")));
            var importer = Importer(api, batchSize: 2);
            var driver = new Driver(importer).Import(Driver.Rows(6));

            Assert.Equal(401, importer.Fatal!.StatusCode);
            Assert.Equal(1L, importer.FatalRow!.Number);
            Assert.Single(api.Requests);
        }

        [Fact]
        public void Up_to_ThrottleLimit_batches_are_in_flight_after_the_first_and_outcomes_keep_input_order_when_later_batches_answer_first()
        {
            var held = new ConcurrentDictionary<int, (TaskCompletionSource<IReadOnlyList<IngestedCandidate>> Answer, IReadOnlyList<CandidateIngestItem> Items)>();
            var arrived = new SemaphoreSlim(0);
            var api = new FakeApi((n, items) =>
            {
                if (n == 1) return null; // the first batch answers at once
                var tcs = new TaskCompletionSource<IReadOnlyList<IngestedCandidate>>(TaskCreationOptions.RunContinuationsAsynchronously);
                held[n] = (tcs, items);
                arrived.Release();
                return tcs.Task;
            });
            // Once batches 2-5 are all in flight, answer them last first.
            var releaser = Task.Run(async () =>
            {
                for (var i = 0; i < 4; i++) Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(60)), "a batch never came"); // guard only
                foreach (var n in new[] { 5, 4, 3, 2 }) held[n].Answer.SetResult(FakeApi.Answer(held[n].Items));
            });

            var driver = new Driver(Importer(api, batchSize: 10, throttleLimit: 4)).Import(Driver.Rows(50));
            releaser.GetAwaiter().GetResult();

            Assert.Equal(4, api.MaxInFlight);
            Assert.Equal(new[] { "start 1", "end 1", "start 2" }, api.Events.Take(3));
            Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), driver.Outcomes.Select(o => o.Row.Number));
            Assert.All(driver.Outcomes, o => Assert.Equal(CandidateOutcomeKind.Sent, o.Kind));
            Assert.All(driver.Outcomes, o => Assert.Equal("int_" + o.Candidate!.Email, o.Ingested!.InterviewId));
        }

        [Fact]
        public void With_several_batches_in_flight_a_422_split_and_a_failed_batch_still_account_for_every_row()
        {
            var api = new FakeApi((n, items) =>
            {
                if (items.Any(i => i.Email == "c15@example.com") && items.Count > 1)
                    return FakeApi.Fail(FakeApi.Error(422, "invalid", new[] { new MiloFieldError("body.data.4.email", "bad", itemIndex: items.ToList().FindIndex(i => i.Email == "c15@example.com")) }));
                if (items.Any(i => i.Email == "c25@example.com")) return FakeApi.Fail(FakeApi.Error(503));
                return null;
            });
            var importer = Importer(api, batchSize: 10, throttleLimit: 3);
            var driver = new Driver(importer).Import(Driver.Rows(40));

            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), driver.Outcomes.Select(o => o.Row.Number));
            Assert.Equal(CandidateOutcomeKind.Rejected, driver.Outcomes[14].Kind);
            Assert.All(driver.Outcomes.Skip(20).Take(10), o => Assert.Equal(CandidateOutcomeKind.Failed, o.Kind));
            Assert.Equal(29, importer.Sent);
            Assert.Equal(11, importer.Failed);
            Assert.Equal(40, importer.Total);
        }

        [Fact]
        public void A_batch_cancelled_in_flight_is_unknown_even_when_its_cancellation_is_seen_before_the_stop()
        {
            using var stop = new CancellationTokenSource();
            var api = new FakeApi((n, items) => n == 1 ? null : Hang(stop.Token));
            var importer = Importer(api, batchSize: 10, throttleLimit: 4);
            foreach (var row in Driver.Rows(20)) importer.Add(row);
            importer.EndOfInput();
            Assert.Equal(ImportStep.Send, importer.Next(drain: true));
            importer.Send(stop.Token);
            importer.WhenAnyDone(CancellationToken.None).GetAwaiter().GetResult();
            importer.Settle();
            Assert.Equal(10, importer.TakeReady().Count(o => o.Kind == CandidateOutcomeKind.Sent));
            Assert.Equal(ImportStep.Send, importer.Next(drain: true));
            importer.Send(stop.Token); // batch 2 reaches the API, which never answers

            // Ctrl+C: the batch's request is cancelled, and the pipeline thread settles before it handles the stop.
            stop.Cancel();
            importer.WhenAnyDone(CancellationToken.None).GetAwaiter().GetResult();
            Assert.Throws<OperationCanceledException>(() => importer.Settle());
            var left = importer.Interrupt();

            Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), left.Select(o => o.Row.Number));
            Assert.All(left, o => Assert.Equal(CandidateOutcomeKind.Unknown, o.Kind)); // the API may have ingested them
        }

        [Fact]
        public void A_batch_stopped_before_its_request_left_is_not_sent()
        {
            using var stop = new CancellationTokenSource();
            // Batch 2 waits (for a rate-limit permit, as the transport would) until the stop, and never leaves.
            var api = new FakeApi((n, items) => n == 1 ? null : WaitThenCancelled(stop.Token));
            var importer = Importer(api, batchSize: 10, throttleLimit: 4);
            foreach (var row in Driver.Rows(20)) importer.Add(row);
            importer.EndOfInput();
            importer.Send(stop.Token);
            importer.WhenAnyDone(CancellationToken.None).GetAwaiter().GetResult();
            importer.Settle();
            Assert.Equal(10, importer.TakeReady().Count(o => o.Kind == CandidateOutcomeKind.Sent));
            importer.Send(stop.Token);

            stop.Cancel();
            // The batch ends a moment later, saying it never left (Interrupt gives it up to half a second of real
            // time; waiting here instead keeps the test free of timing).
            importer.WhenAnyDone(CancellationToken.None).GetAwaiter().GetResult();
            var left = importer.Interrupt();

            Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), left.Select(o => o.Row.Number));
            Assert.All(left, o => Assert.Equal(CandidateOutcomeKind.NotSent, o.Kind)); // safe to send again, -Retake or not
            Assert.Equal(10, importer.Summary().NotSent);
        }

        private static async Task<IReadOnlyList<IngestedCandidate>> WaitThenCancelled(CancellationToken token)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                await Task.Yield(); // the transport ends a little after the stop, on another thread
                throw new RequestCancelledException(mayHaveReachedServer: false, ex, token);
            }
            throw new InvalidOperationException("unreachable");
        }

        private static async Task<IReadOnlyList<IngestedCandidate>> Hang(CancellationToken token)
        {
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        }

        [Fact]
        public void Declined_batches_are_not_sent_and_count_as_not_sent()
        {
            var api = new FakeApi();
            var importer = Importer(api, batchSize: 2);
            var driver = new Driver(importer) { Approve = _ => false }.Import(Driver.Rows(3));

            Assert.Empty(api.Requests);
            Assert.All(driver.Outcomes, o => Assert.Equal(CandidateOutcomeKind.NotSent, o.Kind));
            Assert.Equal(3, importer.NotSent);
            Assert.Equal(3, importer.Total);
        }

        [Fact]
        public void Metadata_columns_and_a_missing_metadata_column_warning_once()
        {
            var api = new FakeApi();
            var importer = Importer(api, metadataColumns: new[] { "Req Id", "Team" });
            var driver = new Driver(importer).Import(new[]
            {
                Driver.Row(1, ("Name", "A"), ("Email", "a@example.com"), ("req_id", "R-1")),
                Driver.Row(2, ("Name", "B"), ("Email", "b@example.com"), ("Req Id", "R-2")),
            });

            Assert.Equal("R-1", driver.Outcomes[0].Candidate!.Metadata!["Req Id"]);
            Assert.Equal("R-2", driver.Outcomes[1].Candidate!.Metadata!["Req Id"]);
            Assert.Contains("Team", Assert.Single(driver.Warnings));
        }
    }
}

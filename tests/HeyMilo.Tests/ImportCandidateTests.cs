using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class ImportCandidateTests : MiloTestBase
    {
        private const string CmdletId = ",HeyMilo.Commands.ImportMiloCandidateCommand";

        private string PostingId => Sim.Data.PostingIds[0];

        private string BulkPath => "/api/v2/postings/" + PostingId + "/candidates/bulk";

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 3;
            options.RateLimitPerMinute = 0;
        }

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect("-RequestsPerMinute 100000");
            Ps.Set("p", PostingId);
        }

        /// <summary>An Import-Csv row: a PSObject with string NoteProperties, in column order.</summary>
        private static PSObject CsvRow(params (string Column, string Value)[] cells)
        {
            var row = new PSObject();
            foreach (var (column, value) in cells) row.Properties.Add(new PSNoteProperty(column, value));
            return row;
        }

        private static PSObject[] Rows(int count, int start = 1) =>
            Enumerable.Range(start, count).Select(i => CsvRow(("Name", "Candidate " + i), ("Email", $"c{i}@example.com"))).ToArray();

        private IReadOnlyList<RecordedRequest> Bulk() => Requests(BulkPath);

        /// <summary>The candidates of a recorded v2 bulk request body.</summary>
        private static List<JsonElement> Items(RecordedRequest request)
        {
            using var doc = JsonDocument.Parse(request.Body);
            return doc.RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
        }

        private static string Prop(PSObject o, string name) => Convert.ToString(o.Properties[name].Value) ?? string.Empty;

        [Fact]
        public void Ten_thousand_rows_make_one_bulk_request_per_100_and_output_every_row_in_input_order()
        {
            var rows = Rows(10_000);
            Ps.Set("rows", rows);
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 100").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(100, Bulk().Count);
            Assert.All(Bulk(), r => Assert.Equal(100, Items(r).Count));
            Assert.Equal(10_000, result.Output.Count);
            Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), result.Output.Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(rows.Select(r => Prop(r, "Email")), result.Output.Select(o => Prop(o, "Email")));
            Assert.All(result.Output, o => Assert.Equal("HeyMilo.CandidateImportResult", o.TypeNames[0]));
            Assert.All(result.Output, o => Assert.False(string.IsNullOrEmpty(Prop(o, "InterviewId"))));
            Assert.Same(rows[42], result.Output[42].Properties["InputObject"].Value);
            Assert.Equal(10_000, Sim.Data.IngestedCount(PostingId));
        }

        [Fact]
        public void A_national_phone_is_refused_without_DefaultRegion_and_normalised_to_E164_with_it()
        {
            Ps.Set("rows", new[] { CsvRow(("Name", "Ada"), ("Email", "ada.phone@example.com"), ("Mobile", "(206) 555-1234")) });

            var without = Run("$rows | Import-MiloCandidate -PostingId $p");
            var refused = Assert.Single(without.Errors);
            Assert.Equal("HeyMilo.InvalidCandidate" + CmdletId, refused.FullyQualifiedErrorId);
            Assert.Contains("column 'Mobile'", refused.Exception.Message);
            Assert.Contains("-DefaultRegion", refused.Exception.Message);
            Assert.Empty(Bulk());

            var with = Run("$rows | Import-MiloCandidate -PostingId $p -DefaultRegion US").ThrowIfTerminating();
            Assert.Empty(with.Errors);
            Assert.Equal("+12065551234", Prop(Assert.Single(with.Output), "Phone"));
            Assert.Equal("+12065551234", Items(Assert.Single(Bulk()))[0].GetProperty("phone_number").GetString());
        }

        [Fact]
        public void With_DefaultRegion_an_invalid_number_is_refused_with_libphonenumbers_reason_and_an_unknown_region_before_any_row()
        {
            Ps.Set("rows", new[] { CsvRow(("Name", "Ada"), ("Email", "ada.short@example.com"), ("Phone", "555-12")) });
            var invalid = Run("$rows | Import-MiloCandidate -PostingId $p -DefaultRegion US");
            var error = Assert.Single(invalid.Errors);
            Assert.Contains("is not a valid phone number of US", error.Exception.Message);
            Assert.Empty(Bulk());

            var unknown = Run("$rows | Import-MiloCandidate -PostingId $p -DefaultRegion ZZ");
            Assert.Equal("HeyMilo.UnknownRegion" + CmdletId, unknown.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Bulk());
            Assert.Equal("ParameterArgumentValidationError" + CmdletId,
                Run("$rows | Import-MiloCandidate -PostingId $p -DefaultRegion USA").Terminating?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Async_queues_one_ingestion_job_per_batch_and_every_row_carries_its_job_id()
        {
            var rows = Rows(250);
            Ps.Set("rows", rows);
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -Async").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            var queued = Requests(BulkPath + "/async");
            Assert.Equal(3, queued.Count);
            Assert.DoesNotContain(Bulk(), r => r.Path == BulkPath);
            // Batches overlap (-ThrottleLimit 4), so batches 2 and 3 may reach the server in either order: by their rows.
            var batches = queued.Select(r => Items(r).Select(i => i.GetProperty("email").GetString()!).ToList())
                .OrderBy(b => int.Parse(b[0].Substring(1, b[0].IndexOf('@') - 1))).ToList();
            Assert.Equal(new[] { 100, 100, 50 }, batches.Select(b => b.Count).ToArray());
            Assert.Equal(Enumerable.Range(1, 250).Select(i => $"c{i}@example.com"), batches.SelectMany(b => b));
            Assert.All(queued, r => Assert.Equal(202, r.Status));
            Assert.Equal(250, result.Output.Count);
            var jobs = result.Output.Select(o => Prop(o, "IngestionId")).ToList();
            Assert.All(jobs, j => Assert.StartsWith("intake_", j));
            Assert.Equal(3, jobs.Distinct().Count());
            Assert.Equal(jobs[0], jobs[99]);
            Assert.NotEqual(jobs[99], jobs[100]);
            Assert.All(result.Output, o => Assert.True(string.IsNullOrEmpty(Prop(o, "InterviewId"))));
            Assert.Equal(new[] { "RowNumber", "Name", "Email", "Phone", "InterviewId", "InterviewUrl", "PostingId", "IngestionId" },
                result.Output[0].Properties.Where(pr => pr.IsGettable && pr.MemberType == PSMemberTypes.NoteProperty).Select(pr => pr.Name).ToArray());
            Assert.Equal(250, Sim.Data.IngestedCount(PostingId));
            SentRequests.AssertAllMatchTheDocument(queued);
        }

        [Fact]
        public void Async_batches_are_not_sent_again_after_a_server_error_because_each_call_queues_another_job()
        {
            Sim.Faults.Add("POST", "/api/v2/postings/*/candidates/bulk/async", new Fault { Status = 503, AfterHandler = true });
            Ps.Set("rows", Rows(3));
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -Async");

            Assert.Single(Requests(BulkPath + "/async"));
            Assert.Empty(result.Output);
            Assert.NotEmpty(result.AllErrors);
        }

        [Fact]
        public void A_422_naming_three_rows_of_a_batch_delivers_the_other_97_and_reports_the_three_with_their_rows()
        {
            var rows = Rows(100);
            Ps.Set("rows", rows);
            Sim.Faults.Add("POST", BulkPath, new Fault
            {
                Status = 422,
                AfterHandler = false,
                Body = "{\"detail\":["
                    + "{\"loc\":[\"body\",\"data\",5,\"email\"],\"msg\":\"value is not a valid email address\",\"type\":\"value_error\"},"
                    + "{\"loc\":[\"body\",\"data\",40,\"email\"],\"msg\":\"value is not a valid email address\",\"type\":\"value_error\"},"
                    + "{\"loc\":[\"body\",\"data\",77,\"email\"],\"msg\":\"domain does not accept email\",\"type\":\"value_error\"}]}",
            }, times: 1);

            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            Assert.Equal(97, result.Output.Count);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("HeyMilo.ValidationFailed" + CmdletId, e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
            Assert.Equal(new object[] { rows[5], rows[40], rows[77] }, result.Errors.Select(e => e.TargetObject));
            Assert.Contains("Data row 78", result.Errors[2].ErrorDetails.Message);
            Assert.Contains("column 'Email': domain does not accept email", result.Errors[2].ErrorDetails.Message);
            Assert.Contains("domain does not accept email", result.Errors[2].ErrorDetails.Message);

            var sent = Bulk();
            Assert.Equal(2, sent.Count);
            Assert.Equal(97, Items(sent[1]).Count);
            Assert.DoesNotContain(Items(sent[1]), i => i.GetProperty("email").GetString() == "c6@example.com");
            Assert.Equal(97, Sim.Data.IngestedCount(PostingId));
        }

        [Fact]
        public void A_422_without_item_positions_is_split_in_halves_until_the_bad_row_is_isolated()
        {
            Ps.Set("rows", Rows(4));
            // Rejects the batch of 4, then its first half [1,2], then row 1 alone; everything after goes through.
            Sim.Faults.Add("POST", BulkPath, new Fault
            {
                Status = 422,
                AfterHandler = false,
                Body = "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"candidate rejected\",\"type\":\"value_error\"}]}",
            }, times: 3);

            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            Assert.Equal(new[] { 2L, 3L, 4L }, result.Output.Select(o => (long)o.Properties["RowNumber"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.ValidationFailed" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Equal("c1@example.com", Prop((PSObject)error.TargetObject, "Email"));
            Assert.Equal(new[] { 4, 2, 1, 1, 2 }, Bulk().Select(r => Items(r).Count));
        }

        [Fact]
        public void Rows_that_fail_local_validation_are_errors_with_the_original_row_and_are_not_sent()
        {
            var rows = new[]
            {
                CsvRow(("Name", "Ok"), ("Email", "ok@example.com")),
                CsvRow(("Name", "  "), ("Email", "noname@example.com")),
                CsvRow(("Name", "No Email"), ("Email", "")),
                CsvRow(("Name", "Two Ats"), ("Email", "a@b@example.com")),
                CsvRow(("Name", "No Dot"), ("Email", "user@localhost")),
                CsvRow(("Name", "Space"), ("Email", "sp ace@example.com")),
                CsvRow(("Name", "Bad Phone"), ("Email", "phone@example.com"), ("Phone", "555-1234")),
            };
            Ps.Set("rows", rows);

            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            Assert.Equal("ok@example.com", Prop(Assert.Single(result.Output), "Email"));
            Assert.Equal(6, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal("HeyMilo.InvalidCandidate" + CmdletId, e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
            });
            Assert.Equal(rows.Skip(1), result.Errors.Select(e => e.TargetObject));
            Assert.Contains("Data row 2", result.Errors[0].ErrorDetails.Message);
            Assert.Contains("name", result.Errors[0].ErrorDetails.Message);
            Assert.Contains("Data row 3", result.Errors[1].ErrorDetails.Message);
            Assert.Contains("email", result.Errors[1].ErrorDetails.Message);
            Assert.Contains("Data row 7", result.Errors[5].ErrorDetails.Message);
            Assert.Contains("phone", result.Errors[5].ErrorDetails.Message);

            var sent = Items(Assert.Single(Bulk()));
            Assert.Equal("ok@example.com", Assert.Single(sent).GetProperty("email").GetString());
        }

        [Fact]
        public void A_repeated_email_is_sent_once_and_later_rows_are_skipped_with_a_warning()
        {
            Ps.Set("rows", new[]
            {
                CsvRow(("Name", "Ada"), ("Email", "ada@example.com")),
                CsvRow(("Name", "Bob"), ("Email", "bob@example.com")),
                CsvRow(("Name", "Ada Again"), ("Email", " ADA@Example.com ")),
            });

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -SummaryVariable s; $s").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("Data row 3", warning);
            Assert.Contains("data row 1", warning);
            Assert.Equal(new[] { "ada@example.com", "bob@example.com" }, Items(Assert.Single(Bulk())).Select(i => i.GetProperty("email").GetString()));
            var summary = result.Output.Last();
            Assert.Equal(1L, summary.Properties["Skipped"].Value);
            Assert.Equal(2L, summary.Properties["Sent"].Value);
        }

        [Fact]
        public void WhatIf_validates_every_row_and_reports_but_sends_nothing()
        {
            var rows = Rows(250).Append(CsvRow(("Name", "Bad"), ("Email", "bad"))).ToArray();
            Ps.Set("rows", rows);

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -WhatIf -SummaryVariable s; $s").ThrowIfTerminating();

            Assert.DoesNotContain(Sim.Requests.Snapshot(), r => r.Path.Contains("/candidates"));
            Assert.Equal(0, Sim.Data.IngestedCount(PostingId));
            var error = Assert.Single(result.Errors);
            Assert.Same(rows[250], error.TargetObject);
            var summary = Assert.Single(result.Output);
            Assert.Equal("HeyMilo.CandidateImportSummary", summary.TypeNames[0]);
            Assert.Equal(0L, summary.Properties["Sent"].Value);
            Assert.Equal(1L, summary.Properties["Failed"].Value);
            Assert.Equal(250L, summary.Properties["NotSent"].Value);
            Assert.Equal(251L, summary.Properties["Total"].Value);
        }

        [Fact]
        public void Header_variants_and_hashtables_are_read()
        {
            Ps.Set("rows", new object[]
            {
                CsvRow(("Full Name", " Ada Lovelace "), ("E-mail", "ada@example.com"), ("Mobile", "+44 20 7946 0958")),
                CsvRow(("First Name", "Grace"), ("Last Name", "Hopper"), ("Email Address", "grace@example.com")),
                CsvRow(("FULLNAME", "Alan Turing"), ("mail", "alan@example.com"), ("Cell", "+44 161 496 0000")),
            });

            var result = Run("$rows | Import-MiloCandidate -PostingId $p; @{ 'candidate name' = 'Linus'; EMAIL = 'linus@example.com'; 'Phone Number' = '+1 206 555 1234' } | Import-MiloCandidate -PostingId $p")
                .ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "Ada Lovelace", "Grace Hopper", "Alan Turing", "Linus" }, result.Output.Select(o => Prop(o, "Name")));
            var all = Bulk().SelectMany(Items).ToList();
            Assert.Equal(new[] { "ada@example.com", "grace@example.com", "alan@example.com", "linus@example.com" }, all.Select(i => i.GetProperty("email").GetString()));
            Assert.Equal("+442079460958", all[0].GetProperty("phone_number").GetString());
            Assert.False(all[1].TryGetProperty("phone_number", out _));
            Assert.Equal("+12065551234", all[3].GetProperty("phone_number").GetString());
            Assert.Equal(new[] { "ada@example.com", "grace@example.com", "alan@example.com", "linus@example.com" }.OrderBy(e => e),
                Sim.Data.IngestedEmails(PostingId).OrderBy(e => e));
        }

        [Fact]
        public void Phone_numbers_are_sent_in_E164()
        {
            Ps.Set("rows", new[]
            {
                CsvRow(("Name", "A"), ("Email", "a@example.com"), ("Phone", "+1 (206) 555-1234")),
                CsvRow(("Name", "B"), ("Email", "b@example.com"), ("Phone", "0044 20.7946.0958")),
                CsvRow(("Name", "C"), ("Email", "c@example.com"), ("Phone", "")),
                CsvRow(("Name", "D"), ("Email", "d@example.com"), ("Phone", "+0 123 4567")),
                CsvRow(("Name", "E"), ("Email", "e@example.com"), ("Phone", "+1234567890123456")),
            });

            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            var items = Items(Assert.Single(Bulk()));
            Assert.Equal(3, items.Count);
            Assert.Equal("+12065551234", items[0].GetProperty("phone_number").GetString());
            Assert.Equal("+442079460958", items[1].GetProperty("phone_number").GetString());
            Assert.False(items[2].TryGetProperty("phone_number", out _));
            Assert.Equal("+12065551234", Prop(result.Output[0], "Phone"));
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Contains("phone", e.ErrorDetails.Message));
        }

        [Fact]
        public void Metadata_columns_and_fixed_pairs_are_sent_as_strings_with_fixed_pairs_winning()
        {
            Ps.Set("rows", new[]
            {
                CsvRow(("Name", "A"), ("Email", "a@example.com"), ("Req Id", " R-1 "), ("source", "csv"), ("Ignored", "x")),
            });

            Run("$rows | Import-MiloCandidate -PostingId $p -MetadataProperty 'Req Id','source' -Metadata @{ source = 'fair'; year = 2026 }").ThrowIfTerminating();

            var metadata = Items(Assert.Single(Bulk()))[0].GetProperty("metadata");
            Assert.Equal("R-1", metadata.GetProperty("Req Id").GetString());
            Assert.Equal("fair", metadata.GetProperty("source").GetString());
            Assert.Equal("2026", metadata.GetProperty("year").GetString());
            Assert.False(metadata.TryGetProperty("Ignored", out _));
        }

        [Fact]
        public void Metadata_beyond_the_API_limits_is_a_row_error_and_is_not_sent()
        {
            var tooManyKeys = new PSObject();
            tooManyKeys.Properties.Add(new PSNoteProperty("Name", "Many"));
            tooManyKeys.Properties.Add(new PSNoteProperty("Email", "many@example.com"));
            var columns = Enumerable.Range(1, 51).Select(i => "k" + i).ToArray();
            foreach (var c in columns) tooManyKeys.Properties.Add(new PSNoteProperty(c, "v"));
            var longKey = new string('k', 41);
            var rows = new[]
            {
                tooManyKeys,
                CsvRow(("Name", "LongValue"), ("Email", "long@example.com"), ("k1", new string('v', 501))),
                CsvRow(("Name", "LongKey"), ("Email", "key@example.com"), (longKey, "v")),
                CsvRow(("Name", "Fits"), ("Email", "fits@example.com"), ("k1", new string('v', 500))),
            };
            Ps.Set("rows", rows);
            Ps.Set("columns", columns.Append(longKey).ToArray());

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -MetadataProperty $columns -WarningAction SilentlyContinue").ThrowIfTerminating();

            Assert.Equal(3, result.Errors.Count);
            Assert.Equal(rows.Take(3), result.Errors.Select(e => e.TargetObject));
            Assert.All(result.Errors, e => Assert.Contains("metadata", e.ErrorDetails.Message));
            Assert.Contains("50", result.Errors[0].ErrorDetails.Message);
            Assert.Contains("500", result.Errors[1].ErrorDetails.Message);
            Assert.Contains("40", result.Errors[2].ErrorDetails.Message);
            Assert.Equal("fits@example.com", Items(Assert.Single(Bulk())).Single().GetProperty("email").GetString());
        }

        [Fact]
        public void Fixed_metadata_beyond_the_limits_stops_before_any_row()
        {
            Ps.Set("rows", Rows(3));
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -Metadata @{ ('k' * 41) = 'v' }");
            // Statement-terminating: one error, no row read.
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.InvalidMetadata" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
            Assert.Empty(Bulk());
        }

        [Fact]
        public void A_batch_failing_with_500_after_retries_reports_each_of_its_rows_and_the_next_batch_still_goes()
        {
            Connect("-RequestsPerMinute 100000 -MaxRetries 2");
            var rows = Rows(5);
            Ps.Set("rows", rows);
            Sim.Faults.Add("POST", BulkPath, new Fault { Status = 500, AfterHandler = false }, times: 3);

            // One batch at a time, so the three injected 500s all meet the first batch (and its retries).
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 2 -ThrottleLimit 1 -SummaryVariable s; $s").ThrowIfTerminating();

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("HeyMilo.ServerError" + CmdletId, e.FullyQualifiedErrorId));
            Assert.Equal(rows.Take(2), result.Errors.Select(e => e.TargetObject));
            Assert.Contains("Data row 1", result.Errors[0].ErrorDetails.Message);
            var results = result.Output.Take(3).ToList();
            Assert.Equal(new[] { 3L, 4L, 5L }, results.Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(3 + 2, Bulk().Count); // 1 try + 2 retries, then the two other batches
            var summary = result.Output.Last();
            Assert.Equal(3L, summary.Properties["Sent"].Value);
            Assert.Equal(2L, summary.Properties["Failed"].Value);
        }

        [Fact]
        public void Summary_and_the_final_verbose_line_account_for_every_row()
        {
            Ps.Set("rows", Rows(12).Concat(new[]
            {
                CsvRow(("Name", "Dup"), ("Email", "c1@example.com")),
                CsvRow(("Name", ""), ("Email", "x@example.com")),
            }).ToArray());

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 5 -SummaryVariable s -Verbose; $s").ThrowIfTerminating();

            var summary = result.Output.Last();
            Assert.Equal("HeyMilo.CandidateImportSummary", summary.TypeNames[0]);
            Assert.Equal(12L, summary.Properties["Sent"].Value);
            Assert.Equal(1L, summary.Properties["Failed"].Value);
            Assert.Equal(1L, summary.Properties["Skipped"].Value);
            Assert.Equal(14L, summary.Properties["Total"].Value);
            Assert.Equal(PostingId, summary.Properties["PostingId"].Value);
            Assert.Contains("Imported: sent 12, failed 1, skipped 1 of 14 rows.", result.Verbose);
            Assert.Equal(3, Bulk().Count);
        }

        [Fact]
        public void Progress_is_throttled_to_two_updates_a_second_and_ends_with_a_Completed_record()
        {
            // 30 rows, 100 ms of module time apart: 3 seconds, so at most 1 + 6 updates before Completed.
            Ps.Set("tick", (Action)(() => Clock.Advance(TimeSpan.FromMilliseconds(100))));
            var result = Run("1..30 | ForEach-Object { $tick.Invoke(); [pscustomobject]@{ Name = \"n$_\"; Email = \"n$_@example.com\" } } | Import-MiloCandidate -PostingId $p -BatchSize 10")
                .ThrowIfTerminating();

            var progress = result.Progress.Where(p => p.Activity == "Importing candidates").ToList();
            var updates = progress.Count(p => p.RecordType == ProgressRecordType.Processing);
            Assert.InRange(updates, 2, 7);
            Assert.Single(progress.Select(p => p.ActivityId).Distinct());
            Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
            Assert.Equal("Sent 30, failed 0, skipped 0", progress.Last().StatusDescription);
        }

        [Fact]
        public void Legacy_IngestionKey_with_Retake_posts_to_the_bulk_url_with_retake_true()
        {
            var key = (string)Run("(Get-MiloPosting -PostingId $p).Urls.IngestionUrlKey").ThrowIfTerminating().Output.Single().BaseObject;
            Ps.Set("key", key);
            Ps.Set("rows", Rows(3));

            var result = Run("$rows | Import-MiloCandidate -IngestionKey $key -Retake").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal(key, Prop(o, "IngestionKey")));
            var request = Assert.Single(Requests("/ingest/x/bulk/" + key));
            using var body = JsonDocument.Parse(request.Body);
            Assert.True(body.RootElement.GetProperty("retake").GetBoolean());
            Assert.Equal(3, body.RootElement.GetProperty("candidates").GetArrayLength());
        }

        [Fact]
        public void Legacy_batch_of_one_uses_the_single_ingestion_url()
        {
            var key = (string)Run("(Get-MiloPosting -PostingId $p).Urls.IngestionUrlKey").ThrowIfTerminating().Output.Single().BaseObject;
            Ps.Set("key", key);
            Ps.Set("rows", Rows(3));

            var result = Run("$rows | Import-MiloCandidate -IngestionKey $key -BatchSize 2").ThrowIfTerminating();

            Assert.Equal(3, result.Output.Count);
            Assert.Single(Requests("/ingest/x/bulk/" + key));
            var single = Assert.Single(Requests("/ingest/x/" + key));
            using var body = JsonDocument.Parse(single.Body);
            Assert.Equal("c3@example.com", body.RootElement.GetProperty("email").GetString());
            Assert.False(body.RootElement.GetProperty("retake").GetBoolean());
        }

        [Fact]
        public void Legacy_retake_is_not_repeated_after_a_server_error()
        {
            var key = (string)Run("(Get-MiloPosting -PostingId $p).Urls.IngestionUrlKey").ThrowIfTerminating().Output.Single().BaseObject;
            Ps.Set("key", key);
            Ps.Set("rows", Rows(2));
            Sim.Faults.Add("POST", "/ingest/x/bulk/" + key, new Fault { Status = 500, AfterHandler = false }, times: 5);

            var result = Run("$rows | Import-MiloCandidate -IngestionKey $key -Retake").ThrowIfTerminating();

            Assert.Equal(2, result.Errors.Count);
            Assert.Single(Requests("/ingest/x/bulk/" + key));
        }

        [Fact]
        public void Rows_stream_through_a_batch_is_sent_as_soon_as_it_fills()
        {
            // The upstream waits (guarded) for each batch to reach the server before it makes the next row:
            // it would wait in vain if the cmdlet held rows back until the end.
            var arrived = new System.Threading.SemaphoreSlim(0);
            Sim.Requests.Recorded += r =>
            {
                if (r.Path == BulkPath) arrived.Release();
            };
            Ps.Set("arrived", arrived);
            Ps.Set("log", Sim.Requests);
            var result = Run(@"
                $seen = @{}
                1..25 | ForEach-Object {
                    if ($_ -eq 11 -or $_ -eq 21) { $seen[""wait$_""] = $arrived.Wait(60000) }
                    $seen[$_] = @($log.Snapshot() | Where-Object { $_.Path -like '*/candidates/bulk' }).Count
                    [pscustomobject]@{ Name = ""n$_""; Email = ""n$_@example.com"" }
                } | Import-MiloCandidate -PostingId $p -BatchSize 10
                $seen").ThrowIfTerminating();

            var seen = (Hashtable)result.Output.Last().BaseObject;
            Assert.Equal(0, (int)seen[10]!);
            Assert.True((bool)seen["wait11"]!);
            Assert.Equal(1, (int)seen[11]!);
            Assert.True((bool)seen["wait21"]!);
            Assert.Equal(2, (int)seen[21]!);
            Assert.Equal(25, result.Output.Count - 1);
            Assert.Equal(3, Bulk().Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task After_the_first_batch_up_to_ThrottleLimit_batches_are_in_flight_at_once()
        {
            // The first batch is answered; the next ones hang, so each stays in flight until the test stops the import.
            var arrivals = new System.Threading.SemaphoreSlim(0);
            var count = 0;
            Sim.Requests.Recorded += r =>
            {
                if (r.Path != BulkPath) return;
                // Added as the second request arrives, before the simulator looks for a fault for it: it and later ones hang.
                if (System.Threading.Interlocked.Increment(ref count) == 2) Sim.Faults.Add("POST", BulkPath, new Fault { Hang = true }, times: 100);
                arrivals.Release();
            };
            Ps.Set("rows", Rows(100));
            using var ps = Ps.Create("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10 -ThrottleLimit 3");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            for (var i = 0; i < 4; i++) Assert.True(await arrivals.WaitAsync(TimeSpan.FromSeconds(60)), "batch " + (i + 1) + " never came"); // guard only

            // Three hang; the fifth batch (rows 41-50) waits for a free slot. Output waits for row 11 first.
            Assert.Equal(4, Bulk().Count);
            ps.Stop();
            Assert.True(invocation.IsCompleted);
            Assert.Equal(4, Bulk().Count);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), output.Select(o => (long)o.Properties["RowNumber"].Value));
        }

        [Fact]
        public void A_rejected_key_terminates_the_import()
        {
            Connect(key: "sim-key-not-valid-9999");
            Ps.Set("rows", Rows(30));
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10");
            // Statement-terminating: one error for the whole import, not one per row, and no further batch.
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.Unauthorized" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Empty(result.Output);
            Assert.Single(Bulk());
        }

        [Fact]
        public void Rows_given_to_InputObject_as_an_array_are_each_a_row()
        {
            Ps.Set("rows", Rows(3));
            var result = Run("Import-MiloCandidate -PostingId $p -InputObject $rows").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            Assert.Equal(new[] { 1L, 2L, 3L }, result.Output.Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(3, Items(Assert.Single(Bulk())).Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task Stop_during_a_batch_writes_nothing_for_it_and_sends_no_further_batch()
        {
            var first = new System.Threading.Tasks.TaskCompletionSource<RecordedRequest>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += r =>
            {
                if (r.Path == BulkPath) first.TrySetResult(r);
            };
            Sim.Faults.Add("POST", BulkPath, new Fault { Hang = true });
            Ps.Set("rows", Rows(25));
            using var ps = Ps.Create("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            await first.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only: the event normally fires at once

            ps.Stop();

            Assert.True(invocation.IsCompleted, "Stop() returned before the pipeline ended");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Empty(output);
            Assert.Empty(ps.Streams.Error);
            Assert.Single(Bulk());
        }

        private static object? P(object? o, string name) => PSObject.AsPSObject(o!).Properties[name]?.Value;

        private static List<object> Items(object? list) => ((IEnumerable)PSObject.AsPSObject(list!).BaseObject).Cast<object>().ToList();

        /// <summary>A runspace whose host records what the cmdlet writes to it directly, connected like Ps.</summary>
        private PsHost HostedRunspace(RecordingHost host)
        {
            var ps = new PsHost(host);
            ps.Set("MiloTestKey", Secure(Key));
            ps.Invoke($"Connect-Milo -ApiKey $MiloTestKey -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}' -RequestsPerMinute 100000").ThrowIfTerminating();
            ps.Set("p", PostingId);
            return ps;
        }

        [Fact]
        public async System.Threading.Tasks.Task Stopped_with_batches_in_flight_every_row_read_is_reported_sent_unknown_or_not_sent_and_the_summary_is_set()
        {
            // Batch 2 is stored by the server and never answered; batches 3 and 4 are answered, but their
            // results wait behind batch 2 (input order) when the test stops the import.
            // The fault picks batch 2 by its body: batches are in flight together, so "the second request to
            // arrive" could be taken by batch 3 first.
            Sim.Faults.Add("POST", BulkPath, new Fault { Hang = true, AfterHandler = true, BodyContains = "\"c11@example.com\"" });
            var arrivals = new System.Threading.SemaphoreSlim(0);
            var batch2Stored = new System.Threading.Tasks.TaskCompletionSource(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += r =>
            {
                if (r.Path != BulkPath) return;
                if (r.Body.Contains("\"c11@example.com\"")) batch2Stored.TrySetResult();
                arrivals.Release();
            };
            var host = new RecordingHost();
            using var runspace = HostedRunspace(host);
            var rows = Rows(45);
            runspace.Set("rows", rows);
            using var ps = runspace.Create("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10 -SummaryVariable s");
            var output = new PSDataCollection<PSObject>();
            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            for (var i = 0; i < 4; i++) Assert.True(await arrivals.WaitAsync(TimeSpan.FromSeconds(60)), "batch " + (i + 1) + " never came"); // guard only
            // Four batches arrived, and batch 2 among them: on a loaded machine batches 1, 3, 4 and 5 can arrive first.
            Assert.True(await batch2Stored.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => t.IsCompletedSuccessfully), "batch 2 never came"); // guard only
            ps.Stop();

            Assert.True(invocation.IsCompleted);
            Assert.Empty(ps.Streams.Error);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), output.Select(o => (long)o.Properties["RowNumber"].Value));
            var summary = runspace.Invoke("$s").Output.Single();
            Assert.Equal("HeyMilo.CandidateImportSummary", summary.TypeNames[0]);
            Assert.True((bool)P(summary, "Interrupted")!);
            Assert.Equal(45L, P(summary, "Total"));
            Assert.Equal(45L, new[] { "Sent", "Failed", "Skipped", "NotSent", "Unknown" }.Sum(n => (long)P(summary, n)!));
            // Every row without a result is accounted for, in input order: 11-20 unknown (in flight), 21-40
            // sent or unknown (answered or not when the stop came), 41-45 sent, unknown or not sent.
            var unreported = Items(P(summary, "Unreported"));
            Assert.Equal(Enumerable.Range(11, 35).Select(i => (long)i), unreported.Select(u => (long)P(u, "RowNumber")!));
            Assert.All(unreported.Take(10), u => Assert.Equal("Unknown", P(u, "State")));
            Assert.All(unreported.Skip(10).Take(20), u => Assert.Contains((string)P(u, "State")!, new[] { "Sent", "Unknown" }));
            Assert.Equal(10 + unreported.Count(u => (string)P(u, "State")! == "Sent"), (long)P(summary, "Sent")!);
            var unknown = Assert.Single(host.Warnings, w => w.Contains("state unknown"));
            Assert.Contains("may have been ingested", unknown);
            Assert.Contains("11 (c11@example.com)", unknown);
            Assert.Contains("20 (c20@example.com)", unknown);
            Assert.Contains("without -Retake is safe", unknown);
            // What the server holds is in the output or reported as sent or unknown: no row is lost silently.
            var reported = output.Select(o => Prop(o, "Email")).Concat(unreported.Where(u => (string)P(u, "State")! != "NotSent").Select(u => (string)P(u, "Email")!)).ToHashSet();
            Assert.All(Sim.Data.IngestedEmails(PostingId), e => Assert.Contains(e, reported));
        }

        [Fact]
        public void A_repeated_email_is_sent_when_the_first_row_with_it_was_not()
        {
            Connect("-RequestsPerMinute 100000 -MaxRetries 0");
            Ps.Set("rows", new[]
            {
                CsvRow(("Name", "Ada"), ("Email", "ada@example.com")),
                CsvRow(("Name", "Bob"), ("Email", "bob@example.com")),
                CsvRow(("Name", "Ada Again"), ("Email", "ada@example.com")),
                CsvRow(("Name", "Bob Again"), ("Email", "bob@example.com")),
            });
            // The first batch (Ada, Bob) is refused; the repeats then go in their place.
            Sim.Faults.Add("POST", BulkPath, new Fault { Status = 400 });

            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 2 -SummaryVariable s; $s").ThrowIfTerminating();

            Assert.Equal(2, result.Errors.Count);
            Assert.Empty(result.Warnings);
            Assert.Equal(new[] { 3L, 4L }, result.Output.Take(2).Select(o => (long)o.Properties["RowNumber"].Value));
            Assert.Equal(new[] { "ada@example.com", "bob@example.com" }, Sim.Data.IngestedEmails(PostingId).OrderBy(e => e));
            var summary = result.Output.Last();
            Assert.Equal(2L, P(summary, "Sent"));
            Assert.Equal(0L, P(summary, "Skipped"));
        }

        [Fact]
        public void A_batch_that_failed_ambiguously_says_its_rows_may_have_been_ingested_and_whether_a_rerun_is_safe()
        {
            Connect("-RequestsPerMinute 100000 -MaxRetries 0");
            var key = (string)Run("(Get-MiloPosting -PostingId $p).Urls.IngestionUrlKey").ThrowIfTerminating().Output.Single().BaseObject;
            Ps.Set("key", key);
            Ps.Set("rows", Rows(2));

            // A 503 after the server stored the rows: it may have ingested them; without -Retake a re-run is safe.
            Sim.Faults.Add("POST", BulkPath, new Fault { Status = 503, AfterHandler = true });
            var server = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();
            // A 400: refused, nothing ingested.
            Sim.Faults.Add("POST", BulkPath, new Fault { Status = 400 });
            var refused = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();
            // With -Retake a re-run is not safe.
            Sim.Faults.Add("POST", "/ingest/x/bulk/" + key, new Fault { Status = 500, AfterHandler = true });
            var retake = Run("$rows | Import-MiloCandidate -IngestionKey $key -Retake").ThrowIfTerminating();

            Assert.Equal(2, server.Errors.Count);
            Assert.All(server.Errors, e => Assert.Equal("HeyMilo.ServerError" + CmdletId, e.FullyQualifiedErrorId));
            Assert.All(server.Errors, e => Assert.Contains("may have ingested this row", e.ErrorDetails.Message));
            Assert.All(server.Errors, e => Assert.Contains("without -Retake is safe", e.ErrorDetails.RecommendedAction));
            Assert.All(refused.Errors, e => Assert.Contains("this row was not ingested", e.ErrorDetails.Message));
            Assert.All(refused.Errors, e => Assert.DoesNotContain("may have", e.ErrorDetails.Message));
            Assert.Equal(2, retake.Errors.Count);
            Assert.All(retake.Errors, e => Assert.Contains("NOT safe", e.ErrorDetails.RecommendedAction));
        }
        [Fact]
        public void Rows_for_a_posting_that_does_not_exist_end_in_one_error_that_counts_the_rows_not_sent()
        {
            Ps.Set("rows", Rows(5000));
            var result = Run("$rows | Import-MiloCandidate -PostingId nope -SummaryVariable s");

            var error = Assert.Single(result.AllErrors);
            Assert.Same(result.Terminating, error);
            Assert.Equal("HeyMilo.NotFound" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Contains("posting nope was not found", error.ErrorDetails.Message);
            Assert.Contains("5,000 of the 5,000 rows were not sent", error.ErrorDetails.Message);
            Assert.Empty(result.Output);
            Assert.Single(Requests("/api/v2/postings/nope/candidates/bulk"));
            var summary = Run("$s").Output.Single();
            Assert.Equal(5000L, P(summary, "NotSent"));
        }

        [Fact]
        public void A_key_without_permission_ends_the_import_with_one_error_after_the_rows_already_sent()
        {
            Ps.Set("rows", Rows(30));
            var count = 0;
            Sim.Requests.Recorded += r =>
            {
                if (r.Path == BulkPath && System.Threading.Interlocked.Increment(ref count) == 2) Sim.Faults.Add("POST", BulkPath, new Fault { Status = 403 }, times: 10);
            };
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -BatchSize 10 -ThrottleLimit 1");

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.Forbidden" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Contains("20 of the 30 rows were not sent; 10 were sent before", error.ErrorDetails.Message);
            Assert.Equal(10, result.Output.Count);
            Assert.Equal(2, Bulk().Count);
        }

        [Fact]
        public void Rows_without_an_email_column_are_refused_once_before_any_request_naming_the_columns_seen_and_accepted()
        {
            Ps.Set("rows", Enumerable.Range(1, 500).Select(i => CsvRow(("Name", "N" + i), ("Mail Address", $"m{i}@example.com"))).ToArray());
            var result = Run("$rows | Import-MiloCandidate -PostingId $p");

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.NoEmailColumn" + CmdletId, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("'Name', 'Mail Address'", error.ErrorDetails.Message);
            Assert.Contains("Email, E-mail, Email Address or Mail", error.ErrorDetails.Message);
            Assert.Empty(Sim.Requests.Snapshot().Where(r => r.Path.Contains("/candidates")));

            // A short file too: one error, not one per row.
            Ps.Set("few", Enumerable.Range(1, 3).Select(i => CsvRow(("Name", "N" + i), ("Mail Address", $"m{i}@example.com"))).ToArray());
            Assert.Equal("HeyMilo.NoEmailColumn" + CmdletId, Assert.Single(Run("$few | Import-MiloCandidate -PostingId $p").AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Rows_of_different_shapes_without_an_email_are_each_an_error_and_the_others_go()
        {
            Ps.Set("rows", new object[]
            {
                CsvRow(("Name", "No Email")),
                new Hashtable { ["Name"] = "Also none", ["Phone"] = "+12065551234" },
                CsvRow(("Name", "Ok"), ("Email", "ok@example.com")),
            });
            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("HeyMilo.InvalidCandidate" + CmdletId, e.FullyQualifiedErrorId));
            Assert.Single(result.Output);
        }
        [Fact]
        public void Results_are_a_clean_mailing_list_with_the_metadata_columns_and_keep_the_input_row_hidden()
        {
            var rows = new[] { CsvRow(("First Name", "Ada"), ("Last Name", "Lovelace"), ("E-mail", "ada@example.com"), ("Req Id", "R-1"), ("Notes", "secret")) };
            Ps.Set("rows", rows);
            var result = Run("$rows | Import-MiloCandidate -PostingId $p -MetadataProperty 'Req Id' -SummaryVariable s").ThrowIfTerminating();

            var o = Assert.Single(result.Output); // the summary went to $s, not into the results
            Assert.Equal("HeyMilo.CandidateImportResult", o.TypeNames[0]);
            // What Export-Csv and ConvertTo-Json write (the visible properties; tests/Pester/Import.Tests.ps1 checks both in pwsh).
            Assert.Equal(new[] { "RowNumber", "Name", "Email", "Phone", "InterviewId", "InterviewUrl", "PostingId", "Req Id" }, o.Properties.Select(p => p.Name));
            Assert.Equal("R-1", Prop(o, "Req Id"));
            Assert.Same(rows[0], o.Properties["InputObject"].Value);
            Assert.Equal("ada@example.com", Run("$rows | Import-MiloCandidate -PostingId $p | ForEach-Object { $_.InputObject.'E-mail' }").ThrowIfTerminating().Output.Single().ToString());
        }

        [Fact]
        public void The_deprecated_Summary_switch_shows_the_summary_on_the_host_and_outputs_only_results()
        {
            var host = new RecordingHost();
            using var runspace = HostedRunspace(host);
            runspace.Set("rows", Rows(3));
            var result = runspace.Invoke("$rows | Import-MiloCandidate -PostingId $p -Summary").ThrowIfTerminating();

            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("HeyMilo.CandidateImportResult", o.TypeNames[0]));
            Assert.Contains(result.Warnings, w => w.Contains("-SummaryVariable"));
            Assert.Contains(host.Lines, l => l.Contains("Import summary: 3 rows: sent 3"));
        }
        [Fact]
        public void Row_errors_name_the_users_column_number_data_rows_and_list_every_accepted_alias()
        {
            Ps.Set("rows", new[]
            {
                CsvRow(("Full Name", "Ada"), ("E-mail", "ada@example.com"), ("Mobile", "555-1234")),
                CsvRow(("Nickname", "Bob"), ("E-mail", "bob@example.com")),
                CsvRow(("Full Name", "Zero Width"), ("E-mail", "zero\u200bwidth@example.com")),
                CsvRow(("Full Name", "Control"), ("E-mail", "ctl\u0001@example.com")),
            });

            var result = Run("$rows | Import-MiloCandidate -PostingId $p").ThrowIfTerminating();

            var messages = result.Errors.Select(e => e.ErrorDetails.Message).ToList();
            Assert.Equal(4, messages.Count);
            Assert.StartsWith("Data row 1: column 'Mobile': '555-1234'", messages[0]);
            Assert.DoesNotContain("phone_number", messages[0]);
            Assert.Contains("Name, Full Name or Candidate Name", messages[1]);
            Assert.Contains("First Name or Given Name / Last Name, Surname or Family Name", messages[1]);
            Assert.StartsWith("Data row 3: column 'E-mail'", messages[2]);
            Assert.Contains("invisible or control character (U+200B)", messages[2]);
            Assert.Contains("(U+0001)", messages[3]);
            Assert.Empty(Bulk());
        }

        [Fact]
        public void WhatIf_says_candidate_for_one_and_candidates_for_more()
        {
            Ps.Set("one", Rows(1));
            Ps.Set("two", Rows(2));
            var host = new RecordingHost();
            using var runspace = HostedRunspace(host);
            runspace.Set("one", Rows(1));
            runspace.Set("two", Rows(2));
            runspace.Invoke("$one | Import-MiloCandidate -PostingId $p -WhatIf; $two | Import-MiloCandidate -PostingId $p -WhatIf").ThrowIfTerminating();

            Assert.Contains(host.Lines, l => l.Contains("Import 1 candidate into posting " + PostingId));
            Assert.Contains(host.Lines, l => l.Contains("Import 2 candidates into posting " + PostingId));
        }

        [Fact]
        public void The_column_aliases_in_docs_import_md_and_the_help_page_are_the_ones_the_module_accepts()
        {
            var table = (System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IReadOnlyList<string>>>)
                ModuleInternals.EngineAssembly.GetType("HeyMilo.Import.CandidateColumns", throwOnError: true)!.GetField("All")!.GetValue(null)!;
            var expected = table.Select(f => f.Key + ": " + string.Join(", ", f.Value)).ToList();
            foreach (var page in new[] { new[] { "docs", "import.md" }, new[] { "docs", "cmdlets", "Import-MiloCandidate.md" } })
            {
                var lines = System.IO.File.ReadAllLines(System.IO.Path.Combine(new[] { RepoPaths.Root }.Concat(page).ToArray()));
                var listed = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^- (name|first name|last name|email|phone) columns?: (.*)$"))
                    .Where(m => m.Success).Select(m => m.Groups[1].Value + ": " + m.Groups[2].Value.TrimEnd('.')).ToList();
                Assert.Equal(expected, listed);
            }
        }
    }
}

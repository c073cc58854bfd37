using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Import-MiloCandidate fed generated hostile rows (seeded, so every failure reproduces): every row
    /// must come back exactly once — as a result whose InputObject is that row, as an error whose
    /// TargetObject is that row, or as a "repeated email" warning naming its row number — and the
    /// server must hold exactly the rows that came back as results.
    /// </summary>
    public class ImportFuzzTests : MiloTestBase
    {
        private static readonly Regex s_duplicateWarning = new Regex(@"^Data row (\d+): the email '.*' already came in data row (\d+);", RegexOptions.Singleline);

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 2;
            options.CandidatesPerPosting = 1;
            options.BusyPostingCandidates = 1;
            options.RateLimitPerMinute = 0;
        }

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect("-RequestsPerMinute 100000 -MaxRetries 0");
        }

        private static readonly string[] s_nasty =
        {
            "", " ", "\t", "  \r\n ", "\u00a0", "\u2003",
            "=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil\")",
            "'; DROP TABLE candidates; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "Zoë Ærøskøbing", "山田 太郎", "محمد الأحمد", "\u202Egnp.exe", "שלום עולם", "👩‍💻 Dev 🚀", "e\u0301\u0301\u0301",
            "a\u0000b", "ctl\u0001\u0007\u001b[31m", "line1\nline2", "tab\there", "\ud800", "null", "undefined", "NaN",
            "{\"json\":true}", "${env:HOME}", "$(Get-Process)", "`n`t", "%s%s%n",
        };

        private static readonly string[] s_domains = { "example.com", "例え.jp", "xn--bcher-kva.example", "sub.example.co.uk", "EXAMPLE.ORG" };

        /// <summary>A value for a cell: usually a string, sometimes another type entirely.</summary>
        private static object? Cell(Random random, string plausible)
        {
            switch (random.Next(20))
            {
                case 0: return null;
                case 1: return random.Next(-5, 100000);
                case 2: return new object[] { plausible, "second" };
                case 3: return new Hashtable { ["nested"] = plausible, ["deep"] = new Hashtable { ["x"] = 1 } };
                case 4: return s_nasty[random.Next(s_nasty.Length)];
                case 5: return s_nasty[random.Next(s_nasty.Length)] + plausible;
                case 6: return "  " + plausible + "\t";
                case 7: return random.Next(40) == 0 ? new string('x', 100 * 1024) : plausible.ToUpperInvariant();
                case 8: return 3.5;
                case 9: return true;
                default: return plausible;
            }
        }

        private static List<object> GenerateRows(int seed, int count)
        {
            var random = new Random(seed);
            var rows = new List<object>(count);
            var emails = new List<string>();
            for (var i = 0; i < count; i++)
            {
                string email;
                if (emails.Count > 0 && random.Next(12) == 0)
                {
                    email = emails[random.Next(emails.Count)]; // a repeat, maybe in other case or padded
                    if (random.Next(2) == 0) email = " " + email.ToUpperInvariant() + " ";
                }
                else
                {
                    var local = random.Next(6) switch
                    {
                        0 => "o'brien+tag" + i,
                        1 => "ünï" + i,
                        2 => "user" + i + "\u0001",
                        _ => "fuzz" + seed + "." + i,
                    };
                    email = local + "@" + s_domains[random.Next(s_domains.Length)];
                    if (random.Next(25) == 0) email = email.Replace("@", "@@");
                    if (random.Next(25) == 0) email = email.Replace(".", " .");
                    emails.Add(email.Trim());
                }
                var name = random.Next(3) == 0 ? s_nasty[random.Next(s_nasty.Length)] + " Person " + i : "Person " + i;
                var phone = random.Next(4) switch
                {
                    0 => "+1 (206) 555-" + (1000 + i % 9000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    1 => s_nasty[random.Next(s_nasty.Length)],
                    _ => null,
                };

                var cells = new List<(string Column, object? Value)>();
                if (random.Next(15) != 0) cells.Add((random.Next(3) == 0 ? "Full Name" : "Name", Cell(random, name)));
                else
                {
                    cells.Add(("First Name", Cell(random, "First" + i)));
                    cells.Add(("last_name", Cell(random, "Last")));
                }
                if (random.Next(15) != 0) cells.Add((random.Next(3) == 0 ? "E-mail" : "Email", Cell(random, email)));
                if (phone != null) cells.Add(("Phone", random.Next(6) == 0 ? Cell(random, phone) : phone));
                if (random.Next(5) == 0) cells.Add(("Notes", Cell(random, "=cmd|' /C calc'!A0")));

                switch (random.Next(10))
                {
                    case 0:
                        var table = new Hashtable();
                        foreach (var (column, value) in cells) table[column] = value;
                        rows.Add(table);
                        break;
                    case 1:
                        var ordered = new OrderedDictionary();
                        foreach (var (column, value) in cells) ordered[column] = value;
                        rows.Add(ordered);
                        break;
                    case 2 when random.Next(4) == 0:
                        rows.Add(random.Next(2) == 0 ? (object)("just text row " + i) : new object[] { "array", "row", i });
                        break;
                    default:
                        // Import-Csv-like: string NoteProperties, except when the generator picked another type.
                        var row = new PSObject();
                        foreach (var (column, value) in cells) row.Properties.Add(new PSNoteProperty(column, value));
                        rows.Add(row);
                        break;
                }
            }
            return rows;
        }

        /// <summary>The row object as the cmdlet hands it back (results and errors wrap it in a PSObject).</summary>
        private static object Identity(object? value)
        {
            Assert.NotNull(value);
            if (value is PSObject pso && !(pso.BaseObject is PSCustomObject)) return pso.BaseObject;
            return value!;
        }

        [Theory]
        [InlineData(1, 300, 100)]
        [InlineData(7, 300, 37)]
        [InlineData(2026, 250, 1)]
        [InlineData(424242, 400, 64)]
        public void Every_hostile_row_is_sent_reported_or_warned_exactly_once(int seed, int count, int batchSize)
        {
            var rows = GenerateRows(seed, count);
            var postingId = Sim.Data.PostingIds[1];
            Ps.Set("rows", rows.ToArray());

            var result = Run($"$rows | Import-MiloCandidate -PostingId '{postingId}' -BatchSize {batchSize}").ThrowIfTerminating();

            var index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < rows.Count; i++) index.Add(Identity(rows[i]), i);

            var sent = result.Output.Select(o => index[Identity(o.Properties["InputObject"].Value)]).ToList();
            var reported = result.Errors.Select(e => index[Identity(e.TargetObject)]).ToList();
            var duplicates = new List<int>();
            foreach (var warning in result.Warnings)
            {
                var match = s_duplicateWarning.Match(warning);
                Assert.True(match.Success, "unexpected warning: " + warning);
                var row = int.Parse(match.Groups[1].Value) - 1;
                var first = int.Parse(match.Groups[2].Value) - 1;
                Assert.True(first < row);
                Assert.Contains(first, sent.Concat(reported)); // the first row with that email was sent (or the API refused it)
                duplicates.Add(row);
            }

            // Each row exactly once, in exactly one of the three outcomes.
            Assert.Equal(sent.Count, sent.Distinct().Count());
            Assert.Equal(reported.Count, reported.Distinct().Count());
            Assert.Equal(duplicates.Count, duplicates.Distinct().Count());
            Assert.Empty(sent.Intersect(reported));
            Assert.Empty(sent.Intersect(duplicates));
            Assert.Empty(reported.Intersect(duplicates));
            Assert.Equal(rows.Count, sent.Count + reported.Count + duplicates.Count);
            Assert.All(result.Output, o => Assert.Equal(index[Identity(o.Properties["InputObject"].Value)] + 1, (long)o.Properties["RowNumber"].Value));

            // The generator does produce every kind of outcome (else the test proves little).
            // A quarter: emails with control or zero-width characters (a sixth of the generated ones, and
            // the nasty prefixes such as U+202E) are refused before sending since the module checks for them.
            Assert.True(sent.Count > count / 4, $"only {sent.Count} rows were sent");
            Assert.NotEmpty(reported);
            Assert.NotEmpty(duplicates);

            // The server holds exactly the rows that came back as results, once each.
            var stored = Sim.Data.IngestedEmails(postingId);
            var resultEmails = result.Output.Select(o => (string)o.Properties["Email"].Value).ToList();
            Assert.Equal(resultEmails.OrderBy(e => e, StringComparer.Ordinal), stored.OrderBy(e => e, StringComparer.Ordinal));
            Assert.Equal(stored.Count, stored.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void A_field_with_half_an_emoji_is_reported_not_sent_as_a_different_value()
        {
            // JSON cannot carry an unpaired surrogate: it would be stored as U+FFFD while the result
            // object claimed the original email (found by the fuzz test above).
            var rows = new object[]
            {
                new Hashtable { ["Name"] = "Half \ud83d emoji", ["Email"] = "half@example.com" },
                new Hashtable { ["Name"] = "Ok", ["Email"] = "\udc00x@example.com" },
                new Hashtable { ["Name"] = "Whole 👩‍💻", ["Email"] = "whole@example.com" },
            };
            Ps.Set("rows", rows);
            var postingId = Sim.Data.PostingIds[1];

            var result = Run($"$rows | Import-MiloCandidate -PostingId '{postingId}'").ThrowIfTerminating();

            Assert.Equal(new[] { rows[0], rows[1] }, result.Errors.Select(e => Identity(e.TargetObject)));
            Assert.All(result.Errors, e => Assert.Equal("HeyMilo.InvalidCandidate,HeyMilo.Commands.ImportMiloCandidateCommand", e.FullyQualifiedErrorId));
            Assert.Contains("column 'Name'", result.Errors[0].ErrorDetails?.Message ?? result.Errors[0].Exception.Message);
            Assert.Contains("column 'Email'", result.Errors[1].ErrorDetails?.Message ?? result.Errors[1].Exception.Message);
            Assert.Equal(new[] { "whole@example.com" }, Sim.Data.IngestedEmails(postingId));
        }

        [Fact]
        public void A_100_KB_name_and_unicode_fields_arrive_byte_for_byte()
        {
            var huge = string.Concat(Enumerable.Repeat("Zoë 👩‍💻 محمد ", 100 * 1024 / 14));
            var rows = new object[]
            {
                new Hashtable { ["Name"] = huge, ["Email"] = "huge@example.com" },
                new Hashtable { ["Name"] = "=cmd|' /C calc'!A0", ["Email"] = "formula@example.com" },
                new Hashtable { ["Name"] = "ctl\u0001\u0000x\u202E", ["Email"] = "ctl@example.com" },
            };
            Ps.Set("rows", rows);
            var postingId = Sim.Data.PostingIds[1];

            var result = Run($"$rows | Import-MiloCandidate -PostingId '{postingId}'").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count);
            var body = Assert.Single(Requests($"/api/v2/postings/{postingId}/candidates/bulk")).Body;
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            var names = doc.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
            Assert.Equal(new[] { huge.Trim(), "=cmd|' /C calc'!A0", "ctl\u0001\u0000x\u202E" }, names);
        }
    }
}

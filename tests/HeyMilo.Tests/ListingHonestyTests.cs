using System;
using System.IO;
using System.Linq;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Listings that the API gets wrong are not passed on silently: a cursor that steps back (items come
    /// twice) and a listing that ends (has_more false) short of its total_count.
    /// </summary>
    public class ListingHonestyTests : FolderTestBase
    {
        public ListingHonestyTests() : base("honest")
        {
        }

        protected override void Configure(SimulatorOptions options)
        {
            options.Postings = 3;
            options.BusyPostingCandidates = 350;
        }

        private string P0 => Sim.Data.PostingIds[0];

        private string[] Ids(PsResult result) => result.Output.Select(o => o.Properties["InterviewId"].Value.ToString()!).ToArray();

        [Fact]
        public void A_cursor_that_steps_back_gives_each_interview_once_with_a_warning()
        {
            Sim.Options.CursorStepsBack = 1;
            var result = Run($"Get-MiloInterview -PostingId {P0}").ThrowIfTerminating();

            Assert.Equal(Sim.Data.CandidateInterviewIds(P0), Ids(result));
            Assert.Equal(4, Requests($"/api/v2/postings/{P0}/candidates").Count);
            Assert.Equal(3, result.Warnings.Count(w => w.Contains("repeated 1 item(s)", StringComparison.Ordinal)));
            Assert.DoesNotContain(result.Warnings, w => w.Contains("total_count", StringComparison.Ordinal));
        }

        [Fact]
        public void A_listing_that_ends_short_of_its_total_count_warns()
        {
            Sim.Options.HasMoreFalseAfter = 110;
            var result = Run($"Get-MiloInterview -PostingId {P0}").ThrowIfTerminating();

            Assert.Equal(110, result.Output.Count);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("350 item(s) (total_count) but the listing ended after 110", warning);
        }

        [Fact]
        public void A_listing_stopped_by_First_is_not_called_short()
        {
            var result = Run($"Get-MiloInterview -PostingId {P0} -First 110").ThrowIfTerminating();
            Assert.Equal(110, result.Output.Count);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void Every_cursor_listing_drops_repeated_items_postings_too()
        {
            Sim.Options.CursorStepsBack = 1;
            var result = Run("Get-MiloPosting -PageSize 2").ThrowIfTerminating();
            Assert.Equal(Sim.Data.PostingIds, result.Output.Select(o => o.Properties["Id"].Value.ToString()));
            Assert.NotEmpty(result.Warnings);
        }

        [Fact]
        public void An_export_whose_listing_ends_short_fails_and_writes_no_file()
        {
            Sim.Options.HasMoreFalseAfter = 110;
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path short.csv");

            var error = Assert.Single(result.AllErrors);
            Assert.Equal("HeyMilo.ListingIncomplete,HeyMilo.Commands.ExportMiloInterviewCommand", error.FullyQualifiedErrorId);
            Assert.Contains("ended after 110", error.ErrorDetails.Message);
            Assert.Contains("-AllowIncomplete", error.ErrorDetails.RecommendedAction);
            Assert.Empty(Directory.GetFiles(Folder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        }

        [Fact]
        public void AllowIncomplete_writes_what_was_listed_and_still_warns()
        {
            Sim.Options.HasMoreFalseAfter = 110;
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path short.csv -AllowIncomplete").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            Assert.Contains(result.Warnings, w => w.Contains("ended after 110", StringComparison.Ordinal));
            Assert.Equal(111, File.ReadAllLines(Path.Combine(Folder, "short.csv")).Length);
        }

        [Fact]
        public void An_export_over_a_cursor_that_steps_back_has_each_interview_once()
        {
            Sim.Options.CursorStepsBack = 1;
            var result = Run($"Export-MiloInterview -PostingId {P0} -Path all.csv").ThrowIfTerminating();

            Assert.Empty(result.Errors);
            var ids = File.ReadAllLines(Path.Combine(Folder, "all.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
            Assert.Equal(Sim.Data.CandidateInterviewIds(P0), ids);
            Assert.NotEmpty(result.Warnings);
        }
    }
}

using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Json;

namespace HeyMilo.Export
{
    /// <summary>Streams one posting's interviews into an export writer, each with what the API sent for it.</summary>
    internal static class InterviewExportListing
    {
        /// <summary>
        /// Writes the interviews of <paramref name="postingId"/> that <paramref name="keep"/> keeps to
        /// <paramref name="sink"/>, one page at a time. <paramref name="onTotal"/> hears the listing's total_count
        /// (null when the API gives none) with the first page; <paramref name="onWritten"/> hears each interview
        /// written. An interview the module cannot read is the API's fault: it fails as an invalid response,
        /// never as a write error.
        /// </summary>
        /// <param name="audit">What the pager saw: repeated items are left out, and the caller checks the count.</param>
        public static async Task WriteAsync(HeyMiloClient client, string postingId, HeyMiloClient.InterviewFilter? filter, Func<InterviewBase, bool> keep,
            InterviewExportSink sink, Action<long?> onTotal, Action onWritten, ListingAudit audit, CancellationToken ct)
        {
            var listing = client.ListInterviewsRawAsync(postingId, filter, HeyMiloClient.MaxPageSize, null, onTotal, ct, audit);
            var items = listing.GetAsyncEnumerator(ct);
            try
            {
                while (await items.MoveNextAsync().ConfigureAwait(false))
                {
                    var raw = items.Current;
                    Interview interview;
                    try
                    {
                        interview = JsonSerializer.Deserialize(raw, MiloJsonContext.Default.Interview) ?? throw new JsonException("An interview in the listing is null.");
                    }
                    catch (JsonException ex)
                    {
                        throw new MiloApiException(MiloFailureKind.InvalidResponse,
                            "The API sent an interview the module cannot read (" + ex.Message + "); report it to HeyMilo.", "GET", "candidates");
                    }
                    if (!keep(interview)) continue;
                    sink.Write(interview, raw);
                    onWritten();
                }
            }
            finally
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

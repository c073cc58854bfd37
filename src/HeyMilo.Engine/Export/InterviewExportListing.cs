using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Export
{
    /// <summary>Streams one posting's interviews, exactly as the API sent them, into an export writer.</summary>
    internal static class InterviewExportListing
    {
        /// <summary>
        /// Writes every interview of <paramref name="postingId"/> to <paramref name="sink"/>, one page at a time.
        /// <paramref name="onTotal"/> hears the listing's total_count (null when the API gives none) with the
        /// first page; <paramref name="onWritten"/> hears each interview written. An interview the writer cannot
        /// read is the API's fault: it fails as an invalid response, never as a write error.
        /// </summary>
        /// <param name="audit">What the pager saw: repeated items are left out, and the caller checks the count.</param>
        public static async Task WriteAsync(HeyMiloClient client, string postingId, InterviewExportSink sink,
            Action<long?> onTotal, Action onWritten, ListingAudit audit, CancellationToken ct)
        {
            var listing = client.ListInterviewsRawAsync(postingId, null, HeyMiloClient.MaxPageSize, null, onTotal, ct, audit);
            var items = listing.GetAsyncEnumerator(ct);
            try
            {
                while (await items.MoveNextAsync().ConfigureAwait(false))
                {
                    try
                    {
                        sink.Write(items.Current);
                    }
                    catch (JsonException ex)
                    {
                        throw new MiloApiException(MiloFailureKind.InvalidResponse,
                            "The API sent an interview the module cannot read (" + ex.Message + "); report it to HeyMilo.", "GET", "candidates");
                    }
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

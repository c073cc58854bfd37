using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Diagnostics;
using HeyMilo.Transport;

namespace HeyMilo.Export
{
    /// <summary>The legacy API's server-side export: poll the job on the module clock, then download its file.</summary>
    internal static class ServerExportJob
    {
        /// <summary>Polls GET /interviews/export/json until the job is done; a failed job or a timeout is an <see cref="ExportException"/>.</summary>
        public static async Task<LegacyExportJob> WaitAsync(HeyMiloClient client, string postingId, TimeSpan poll, TimeSpan timeout, CancellationToken ct)
        {
            var clock = ModuleClock.Current;
            var started = clock.GetTimestamp();
            LegacyExportJob job;
            while (true)
            {
                job = await client.GetExportJobAsync(postingId, ct).ConfigureAwait(false);
                var state = JobState(job.Status);
                if (state != 0 && (state < 0 || !string.IsNullOrEmpty(job.FileUrl))) break;
                if (clock.GetElapsedTime(started) + poll > timeout) break;
                OperationLog.Verbose($"Export job {job.JobId} for posting {postingId} is '{job.Status}'; checking again in {poll.TotalSeconds:0.#} s.");
                await clock.Delay(poll, ct).ConfigureAwait(false);
            }

            var outcome = JobState(job.Status);
            if (outcome < 0)
                throw new ExportException("ExportFailed", ExportFailureCategory.InvalidResult,
                    $"The export job {job.JobId} for posting {postingId} failed (status '{job.Status}'){(job.Message is null ? "." : ": " + job.Message)}",
                    "Run the export again later, or drop -Server to export from the v2 listing.", postingId);
            if (outcome == 0 || string.IsNullOrEmpty(job.FileUrl))
                throw new ExportException("ExportTimeout", ExportFailureCategory.OperationTimeout,
                    $"The export job {job.JobId} for posting {postingId} did not finish within {timeout.TotalSeconds:0.#} s (last status '{job.Status}').",
                    "Raise -TimeoutSec, or drop -Server to export from the v2 listing.", postingId);
            return job;
        }

        /// <summary>Downloads the job's file into <paramref name="output"/>, checked (<see cref="ExportDownload"/>).</summary>
        public static Task DownloadAsync(HeyMiloClient client, LegacyExportJob job, Stream output, string target, CancellationToken ct)
        {
            var transport = client.Transport;
            return ExportDownload.DownloadAsync(transport, new Uri(transport.Settings.LegacyBaseUri, job.FileUrl!), output, target, ct);
        }

        /// <summary>1 done, -1 failed, 0 still running.</summary>
        private static int JobState(string? status)
        {
            switch ((status ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "success":
                case "succeeded":
                case "completed":
                case "complete":
                case "done":
                    return 1;
                case "failed":
                case "failure":
                case "error":
                case "cancelled":
                case "canceled":
                    return -1;
                default:
                    return 0;
            }
        }
    }
}

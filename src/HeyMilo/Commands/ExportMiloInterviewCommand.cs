using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Models;
using HeyMilo.Export;
using HeyMilo.Module;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Exports every interview of the given postings to one file (JSON array, JSON Lines or CSV),
    /// streaming page by page in constant memory. The file appears only when the export is complete:
    /// it is written to a hidden temp file in the same folder and moved into place at the end; a
    /// failure or Ctrl+C deletes the temp file. -Server uses the legacy API's server-side export job
    /// instead (one posting per call) and downloads its file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MiloInterview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMiloInterviewCommand : MiloCmdlet, IDisposable
    {
        private const int ProgressActivityId = 0x4D11;

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _postings = new List<string>();
        private MiloSession? _session;
        private string _target = string.Empty;
        private InterviewExportFormat _format;
        private bool _enabled;
        private string? _temp;
        private FileStream? _stream;
        private InterviewExportSink? _sink;
        private ThrottledProgress? _progress;
        private long _written;
        private long _total;
        private bool _totalKnown = true;

        /// <summary>Postings to export (also bound from objects with a PostingId / posting_id property).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        /// <summary>Posting objects from Get-MiloPosting, bound by value.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Posting? Posting { get; set; }

        /// <summary>The file to write; relative paths are relative to the current PowerShell location.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Json, JsonLines or Csv; by default from the extension (.json, .jsonl/.ndjson, .csv).</summary>
        [Parameter]
        public InterviewExportFormat? Format { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the exported file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Use the legacy API's server-side export job (JSON, exactly one posting) and download its file.</summary>
        [Parameter]
        public SwitchParameter Server { get; set; }

        /// <summary>With -Server: seconds between checks of the export job.</summary>
        [Parameter]
        [Alias("PollInterval")]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 2;

        /// <summary>With -Server: give up when the export job has not finished after this many seconds.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _target = GetUnresolvedProviderPathFromPSPath(Path);
            _format = Format ?? FormatFromExtension(_target);
            if (Server && _format != InterviewExportFormat.Json)
                Fail(new ArgumentException("-Server exports are JSON files made by the API; they cannot be written as " + _format + "."), "ServerExportIsJson", ErrorCategory.InvalidArgument, _target,
                    "Use a .json path (or -Format Json) with -Server, or drop -Server to export CSV or JSON Lines from the v2 listing.");
            if (Directory.Exists(_target))
                Fail(new IOException($"'{_target}' is a folder."), "PathIsFolder", ErrorCategory.InvalidArgument, _target, "Give a file name, e.g. -Path interviews.json.");
            if (!Force && File.Exists(_target))
                Fail(new IOException($"The file '{_target}' already exists."), "FileExists", ErrorCategory.ResourceExists, _target,
                    "Use -Force to replace it, or choose another -Path.");
            var folder = System.IO.Path.GetDirectoryName(_target);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                Fail(new DirectoryNotFoundException($"The folder '{folder}' does not exist."), "FolderNotFound", ErrorCategory.ObjectNotFound, _target, "Create the folder first, or choose another -Path.");

            _session = RequireSession();
            _enabled = ShouldProcess(_target, Server ? "Export interviews with the server-side export job" : "Export interviews (" + _format + ")");
            if (!_enabled) return;
            _progress = new ThrottledProgress(this, ProgressActivityId, "Export-MiloInterview → " + System.IO.Path.GetFileName(_target));
            if (!Server)
            {
                _stream = CreateTemp();
                _sink = InterviewExportSink.Create(FileFormat(_format), _stream, message => Post(() => WriteWarning(message)));
            }
        }

        protected override void ProcessRecord()
        {
            if (!_enabled) return;
            var ids = Posting != null ? new[] { Posting.Id } : PostingId;
            if (ids is null || ids.Length == 0)
                Fail(new ArgumentException("Name the postings to export: -PostingId, or pipe postings from Get-MiloPosting."), "PostingIdRequired", ErrorCategory.InvalidArgument, null,
                    "Get-MiloPosting -First 1 | Export-MiloInterview -Path interviews.json");

            foreach (var id in ids!)
            {
                if (!_seen.Add(id)) continue;
                _postings.Add(id);
                if (!Server) ExportPosting(id);
            }
        }

        protected override void EndProcessing()
        {
            if (!_enabled) return;
            if (Server)
            {
                ServerExport();
            }
            else
            {
                try
                {
                    _sink!.Complete();
                    _sink.Dispose();
                    _sink = null;
                    _stream!.Flush(flushToDisk: true);
                }
                catch (IOException ex)
                {
                    Fail(ex, "WriteFailed", ErrorCategory.WriteError, _target, "Check free space and permissions of the folder, then export again.");
                }
            }
            _stream?.Dispose();
            _stream = null;
            Commit();
            _progress!.Complete();
            WriteVerbose($"Exported {(Server ? "the server's export of posting " + _postings[0] : _written + " interviews")} to {_target}.");
            if (PassThru) WriteObject(new FileInfo(_target));
        }

        /// <summary>Ctrl+C skips EndProcessing, a failure ends it early: either way the half-written temp file goes.</summary>
        void IDisposable.Dispose()
        {
            try
            {
                _sink?.Dispose();
                _stream?.Dispose();
            }
            catch (IOException)
            {
            }
            finally
            {
                _sink = null;
                _stream = null;
                DeleteTemp();
                Dispose();
            }
        }

        private void ExportPosting(string postingId)
        {
            var first = true;
            try
            {
                Run(ct => InterviewExportListing.WriteAsync(_session!.Client, postingId, _sink!,
                    total => Post(() =>
                    {
                        if (!first) return;
                        first = false;
                        if (total is long t) _total += t; else _totalKnown = false;
                    }),
                    () => Post(() =>
                    {
                        _written++;
                        _progress!.Report(_written, _totalKnown ? _total : (long?)null, "interviews written");
                    }),
                    ct));
            }
            catch (MiloApiException ex)
            {
                // A partial export must not look complete: stop here; Dispose deletes the temp file.
                ThrowTerminatingError(MiloErrors.FromException(ex, postingId));
            }
            catch (IOException ex)
            {
                Fail(ex, "WriteFailed", ErrorCategory.WriteError, postingId, "Check free space and permissions of the folder, then export again.");
            }
        }

        private void ServerExport()
        {
            if (_postings.Count != 1)
                Fail(new ArgumentException($"-Server exports exactly one posting per file; {_postings.Count} were given."), "ServerExportNeedsOnePosting", ErrorCategory.InvalidArgument, _postings.ToArray(),
                    "Run Export-MiloInterview -Server once per posting (one file each), or drop -Server to export several postings into one file.");
            var postingId = _postings[0];
            var client = _session!.Client;
            var poll = TimeSpan.FromSeconds(PollIntervalSec);
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            LegacyExportJob job;
            try
            {
                job = Run(async ct =>
                {
                    var clock = ModuleClock.Current;
                    var started = clock.GetTimestamp();
                    while (true)
                    {
                        var current = await client.GetExportJobAsync(postingId, ct).ConfigureAwait(false);
                        var state = JobState(current.Status);
                        if (state != 0 && (state < 0 || !string.IsNullOrEmpty(current.FileUrl))) return current;
                        if (clock.GetElapsedTime(started) + poll > timeout) return current;
                        OperationLog.Verbose($"Export job {current.JobId} for posting {postingId} is '{current.Status}'; checking again in {poll.TotalSeconds:0.#} s.");
                        await clock.Delay(poll, ct).ConfigureAwait(false);
                    }
                });
            }
            catch (MiloApiException ex)
            {
                ThrowTerminatingError(MiloErrors.FromException(ex, postingId));
                return;
            }

            var outcome = JobState(job.Status);
            if (outcome < 0)
                Fail(new InvalidOperationException($"The export job {job.JobId} for posting {postingId} failed (status '{job.Status}'){(job.Message is null ? "." : ": " + job.Message)}"),
                    "ExportFailed", ErrorCategory.InvalidResult, postingId, "Run the export again later, or drop -Server to export from the v2 listing.");
            if (outcome == 0 || string.IsNullOrEmpty(job.FileUrl))
                Fail(new TimeoutException($"The export job {job.JobId} for posting {postingId} did not finish within {TimeoutSec} s (last status '{job.Status}')."),
                    "ExportTimeout", ErrorCategory.OperationTimeout, postingId, "Raise -TimeoutSec, or drop -Server to export from the v2 listing.");

            var transport = client.Transport;
            var fileUri = new Uri(transport.Settings.LegacyBaseUri, job.FileUrl!);
            _stream = CreateTemp();
            var output = _stream;
            try
            {
                Run(async ct =>
                {
                    // DownloadAsync sends X-API-KEY only to the session's API hosts, never to a file host.
                    using var response = await transport.DownloadAsync(fileUri, ct).ConfigureAwait(false);
                    using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    await body.CopyToAsync(output, 81920, ct).ConfigureAwait(false);
                    await output.FlushAsync(ct).ConfigureAwait(false);
                });
            }
            catch (MiloApiException ex)
            {
                ThrowTerminatingError(MiloErrors.FromException(ex, postingId));
            }
            catch (IOException ex)
            {
                Fail(ex, "WriteFailed", ErrorCategory.WriteError, _target, "Check free space and permissions of the folder, then export again.");
            }
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

        private FileStream CreateTemp()
        {
            var folder = System.IO.Path.GetDirectoryName(_target)!;
            var random = System.IO.Path.GetRandomFileName().Replace(".", string.Empty);
            _temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(_target) + "." + random + ".tmp");
            try
            {
                return new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                _temp = null;
                Fail(ex, "WriteFailed", ErrorCategory.WriteError, _target, "Check that the folder exists and is writable.");
                throw;
            }
        }

        /// <summary>Moves the finished temp file into place (replacing the target only with -Force).</summary>
        private void Commit()
        {
            var temp = _temp!;
            try
            {
                if (File.Exists(_target))
                {
                    if (!Force)
                        Fail(new IOException($"The file '{_target}' appeared while exporting."), "FileExists", ErrorCategory.ResourceExists, _target, "Use -Force to replace it, or choose another -Path.");
                    File.Replace(temp, _target, null);
                }
                else
                {
                    File.Move(temp, _target);
                }
                _temp = null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Fail(ex, File.Exists(_target) && !Force ? "FileExists" : "WriteFailed", ErrorCategory.WriteError, _target, "Check permissions of the folder and that the file is not open elsewhere.");
            }
        }

        private void DeleteTemp()
        {
            var temp = _temp;
            _temp = null;
            if (temp is null) return;
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        private static ExportFileFormat FileFormat(InterviewExportFormat format) => format switch
        {
            InterviewExportFormat.JsonLines => ExportFileFormat.JsonLines,
            InterviewExportFormat.Csv => ExportFileFormat.Csv,
            _ => ExportFileFormat.Json,
        };

        private InterviewExportFormat FormatFromExtension(string path)
        {
            switch (System.IO.Path.GetExtension(path).ToLowerInvariant())
            {
                case ".json": return InterviewExportFormat.Json;
                case ".jsonl":
                case ".ndjson": return InterviewExportFormat.JsonLines;
                case ".csv": return InterviewExportFormat.Csv;
            }
            Fail(new ArgumentException($"The format of '{path}' cannot be told from its extension."), "UnknownFormat", ErrorCategory.InvalidArgument, path,
                "Use a .json, .jsonl or .csv file name, or name the format with -Format Json|JsonLines|Csv.");
            return default;
        }

        private void Fail(Exception exception, string reason, ErrorCategory category, object? target, string action) =>
            ThrowTerminatingError(MiloErrors.Create(exception, reason, category, target, action));
    }
}

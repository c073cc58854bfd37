using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Export
{
    /// <summary>What Export-MiloInterview was asked for, once bound.</summary>
    internal sealed class InterviewExportRequest
    {
        /// <summary>The file to write (a full path).</summary>
        public string Target { get; set; } = string.Empty;
        /// <summary>Json, JsonLines or Csv; null: from the target's extension.</summary>
        public string? Format { get; set; }
        /// <summary>Replace an existing file.</summary>
        public bool Replace { get; set; }
        /// <summary>Use the legacy server-side export job.</summary>
        public bool Server { get; set; }
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);
        /// <summary>Write the file even when a listing ends with a count other than its total_count (a warning still says so).</summary>
        public bool AllowIncomplete { get; set; }
        /// <summary>CSV: neutralise cells that a spreadsheet would run as formulas (off: -NoFormulaEscape).</summary>
        public bool EscapeFormulas { get; set; } = true;
        /// <summary>JSON: the API's own shape (snake_case, Unix seconds) instead of the objects' (-Raw).</summary>
        public bool Raw { get; set; }
        /// <summary>Postings listed: the server-side date bounds and the statuses to keep (the same filters as Get-MiloInterview).</summary>
        public HeyMiloClient.InterviewFilter? Filter { get; set; }
        public string[]? Statuses { get; set; }
    }

    /// <summary>
    /// One export, from the first check to the committed file: the format, the temp file, the writer,
    /// the listing of each posting (or the legacy server-side job and its download) and the final move.
    /// The cmdlet binds, hands postings in, reports progress and turns failures into ErrorRecords.
    /// Disposing an export that was not completed deletes its temp file.
    /// </summary>
    internal sealed class InterviewExport : IDisposable
    {
        private HeyMiloClient? _client;
        private readonly InterviewExportRequest _request;
        private readonly Action<string> _warn;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _interviews = new HashSet<string>(StringComparer.Ordinal);
        private InterviewQuery? _query;
        private readonly List<string> _postings = new List<string>();
        private ExportFile? _file;
        private InterviewExportSink? _sink;
        private bool _totalKnown = true;

        /// <summary>Checks the request (before any request is sent); throws <see cref="ExportException"/>.</summary>
        public InterviewExport(InterviewExportRequest request, Action<string> warn)
        {
            _request = request;
            _warn = warn;
            Format = ExportFormats.Choose(request.Target, request.Format);
            if (request.Server && Format != ExportFileFormat.Json)
                throw new ExportException("ServerExportIsJson", ExportFailureCategory.InvalidArgument,
                    "-Server exports are JSON files made by the API; they cannot be written as " + Format + ".",
                    "Use a .json path (or -Format Json) with -Server, or drop -Server to export CSV or JSON Lines from the v2 listing.", request.Target);
            ExportFile.CheckTarget(request.Target, request.Replace);
        }

        public ExportFileFormat Format { get; }

        /// <summary>Interviews written so far.</summary>
        public long Written { get; private set; }

        /// <summary>The sum of the listings' total_count, or null when a listing did not say.</summary>
        public long? Total => _totalKnown ? TotalSoFar : (long?)null;

        private long TotalSoFar { get; set; }

        /// <summary>The postings handed in, each once, in order.</summary>
        public IReadOnlyList<string> Postings => _postings;

        /// <summary>Opens the temp file and the writer (v2 exports; the server export opens its file when the job is done).</summary>
        public void Open(HeyMiloClient client)
        {
            _client = client;
            _query = new InterviewQuery(client, legacy: false) { Filter = _request.Filter, Statuses = _request.Statuses };
            if (_request.Server) return;
            _file = ExportFile.Create(_request.Target);
            _sink = InterviewExportSink.Create(Format, _file.Stream, _warn, _request.EscapeFormulas, _request.Raw);
        }

        /// <summary>Takes a posting; false when it came before (exported once).</summary>
        public bool Add(string postingId)
        {
            if (!_seen.Add(postingId)) return false;
            _postings.Add(postingId);
            return true;
        }

        /// <summary>Lists one posting into the file; <paramref name="progressed"/> hears each interview written (any thread).</summary>
        public async Task ExportPostingAsync(string postingId, Action progressed, CancellationToken ct)
        {
            var first = true;
            var audit = new ListingAudit();
            try
            {
                await InterviewExportListing.WriteAsync(_client!, postingId, _request.Filter, _query!.Keeps, _sink!,
                    total =>
                    {
                        if (!first) return;
                        first = false;
                        if (total is long t) TotalSoFar += t; else _totalKnown = false;
                    },
                    () =>
                    {
                        Written++;
                        progressed();
                    },
                    audit, ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw ExportException.WriteFailed(ex, postingId);
            }
            if (audit.Short && !_request.AllowIncomplete)
                throw new ExportException("ListingIncomplete", ExportFailureCategory.InvalidResult, audit.Describe() + " The export was not written.",
                    "Export again later (the listing may have changed meanwhile), or add -AllowIncomplete to write what the API listed.", postingId);
        }

        /// <summary>Writes an interview piped in, as it is (no re-listing); one seen before is written once.</summary>
        public void Write(InterviewBase interview)
        {
            if (!_interviews.Add(interview.InterviewId)) return;
            try
            {
                _sink!.Write(interview, null);
            }
            catch (IOException ex)
            {
                throw ExportException.WriteFailed(ex, interview);
            }
            Written++;
        }

        /// <summary>An interview known by id only (an import result, a CSV row): its results are fetched and written.</summary>
        public async Task ExportInterviewAsync(string interviewId, CancellationToken ct)
        {
            if (_interviews.Contains(interviewId)) return;
            var data = await _query!.GetDataAsync(interviewId, ct).ConfigureAwait(false);
            if (data.InterviewId.Length == 0) data.InterviewId = interviewId;
            Write(data);
        }

        /// <summary>Closes the writer and moves the file into place.</summary>
        public void Complete()
        {
            try
            {
                _sink!.Complete();
                _sink.Dispose();
                _sink = null;
            }
            catch (IOException ex)
            {
                throw ExportException.WriteFailed(ex, _request.Target);
            }
            _file!.Commit(_request.Replace);
        }

        /// <summary>-Server: runs the legacy export job of the one posting handed in, downloads its file and moves it into place.</summary>
        public async Task ServerExportAsync(CancellationToken ct)
        {
            if (_postings.Count != 1)
                throw new ExportException("ServerExportNeedsOnePosting", ExportFailureCategory.InvalidArgument,
                    $"-Server exports exactly one posting per file; {_postings.Count} were given.",
                    "Run Export-MiloInterview -Server once per posting (one file each), or drop -Server to export several postings into one file.", _postings.ToArray());
            var postingId = _postings[0];
            var job = await ServerExportJob.WaitAsync(_client!, postingId, _request.PollInterval, _request.Timeout, ct).ConfigureAwait(false);
            _file = ExportFile.Create(_request.Target);
            await ServerExportJob.DownloadAsync(_client!, job, _file.Stream, _request.Target, ct).ConfigureAwait(false);
            _file.Commit(_request.Replace);
        }

        public void Dispose()
        {
            try
            {
                _sink?.Dispose();
            }
            catch (IOException)
            {
            }
            _sink = null;
            _file?.Dispose();
        }
    }

    /// <summary>Which writer a file gets: named, or told by the extension.</summary>
    internal static class ExportFormats
    {
        public static ExportFileFormat Choose(string path, string? requested)
        {
            if (requested != null && Enum.TryParse<ExportFileFormat>(requested, ignoreCase: true, out var named)) return named;
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".json": return ExportFileFormat.Json;
                case ".jsonl":
                case ".ndjson": return ExportFileFormat.JsonLines;
                case ".csv": return ExportFileFormat.Csv;
            }
            throw new ExportException("UnknownFormat", ExportFailureCategory.InvalidArgument, $"The format of '{path}' cannot be told from its extension.",
                "Use a .json, .jsonl or .csv file name, or name the format with -Format Json|JsonLines|Csv.", path);
        }
    }
}

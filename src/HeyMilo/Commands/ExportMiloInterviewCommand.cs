using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Export;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Exports every interview of the given postings to one file (JSON array, JSON Lines or CSV),
    /// streaming page by page in constant memory; the file appears only when the export is complete.
    /// -Server uses the legacy API's server-side export job instead (one posting per call). The work —
    /// format, temp file, writers, listing, job polling and download — is the engine's InterviewExport.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MiloInterview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMiloInterviewCommand : MiloCmdlet, IDisposable
    {
        private InterviewExport? _export;
        private ThrottledProgress? _progress;
        private string _target = string.Empty;
        private bool _enabled;

        [Parameter(ValueFromPipelineByPropertyName = true), Alias("posting_id"), ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        /// <summary>Posting objects from Get-MiloPosting, bound by value.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Posting? Posting { get; set; }

        /// <summary>The file to write; relative paths are relative to the current PowerShell location.</summary>
        [Parameter(Mandatory = true, Position = 0), ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Json, JsonLines or Csv; by default from the extension (.json, .jsonl/.ndjson, .csv).</summary>
        [Parameter] public InterviewExportFormat? Format { get; set; }

        [Parameter] public SwitchParameter Force { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        /// <summary>Write the file even when a listing ends with another count than the API's total_count (it still warns).</summary>
        [Parameter] public SwitchParameter AllowIncomplete { get; set; }

        /// <summary>CSV: write cells raw, without neutralising those a spreadsheet would run as formulas.</summary>
        [Parameter] public SwitchParameter NoFormulaEscape { get; set; }

        /// <summary>Use the legacy API's server-side export job (JSON, exactly one posting) and download its file.</summary>
        [Parameter] public SwitchParameter Server { get; set; }

        /// <summary>With -Server: seconds between checks of the export job.</summary>
        [Parameter, Alias("PollInterval"), ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 2;

        /// <summary>With -Server: give up when the export job has not finished after this many seconds.</summary>
        [Parameter, ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _target = GetUnresolvedProviderPathFromPSPath(Path);
            var request = new InterviewExportRequest
            {
                Target = _target, Format = Format?.ToString(), Replace = Force, Server = Server, AllowIncomplete = AllowIncomplete,
                EscapeFormulas = !NoFormulaEscape,
                PollInterval = TimeSpan.FromSeconds(PollIntervalSec), Timeout = TimeSpan.FromSeconds(TimeoutSec),
            };
            Guard(null, () => _export = new InterviewExport(request, message => Post(() => WriteWarning(message))));
            var session = RequireSession();
            _enabled = ShouldProcess(_target, Server ? "Export interviews with the server-side export job" : "Export interviews (" + _export!.Format + ")");
            if (!_enabled) return;
            _progress = new ThrottledProgress(this, ProgressIds.Export, "Export-MiloInterview → " + System.IO.Path.GetFileName(_target));
            Guard(null, () => _export!.Open(session.Client));
        }

        protected override void ProcessRecord()
        {
            if (!_enabled) return;
            var ids = Posting != null ? new[] { Posting.Id } : PostingId;
            if (ids is null || ids.Length == 0)
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name the postings to export: -PostingId, or pipe postings from Get-MiloPosting."),
                    "PostingIdRequired", ErrorCategory.InvalidArgument, null, "Get-MiloPosting -First 1 | Export-MiloInterview -Path interviews.json"));
            foreach (var id in ids!)
                if (_export!.Add(id) && !Server) Guard(id, ct => _export.ExportPostingAsync(id, () => Post(ReportProgress), ct));
        }

        protected override void EndProcessing()
        {
            if (!_enabled) return;
            if (Server) Guard(_export!.Postings.Count > 0 ? _export.Postings[0] : null, _export.ServerExportAsync);
            else Guard(_target, () => _export!.Complete());
            _progress!.Complete();
            WriteVerbose($"Exported {(Server ? "the server's export of posting " + _export!.Postings[0] : _export!.Written + " interviews")} to {_target}.");
            if (PassThru) WriteObject(new FileInfo(_target));
        }

        /// <summary>Ctrl+C skips EndProcessing, a failure ends it early: either way the half-written temp file goes.</summary>
        void IDisposable.Dispose()
        {
            _export?.Dispose();
            Dispose();
        }

        private void ReportProgress() => _progress!.Report(_export!.Written, _export.Total, "interviews written");

        /// <summary>Runs export work; any failure ends the export (a partial export must not look complete).</summary>
        private void Guard(object? target, Func<CancellationToken, Task> work) => Guard(target, () => Run(work));

        private void Guard(object? target, Action work)
        {
            try
            {
                work();
            }
            catch (Exception ex) when (ex is ExportException || ex is MiloApiException)
            {
                ThrowTerminatingError(MiloErrors.FromException(ex, target));
            }
        }
    }
}

using System;
using System.IO;
using System.Management.Automation;
using HeyMilo.Client;
using HeyMilo.Export;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Exports interviews to one file (JSON array, JSON Lines or CSV), streaming in constant memory; the
    /// file appears only when the export is complete. Interviews piped in are written as they are, interview
    /// ids (import results, rows) are fetched, postings are listed (with Get-MiloInterview's filters). -Server
    /// uses the legacy API's server-side export job (one posting). The work is the engine's InterviewExport.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MiloInterview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByInterviewSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMiloInterviewCommand : MiloCmdlet, IDisposable
    {
        private const string ByInterviewSet = "ByInterview", ByPostingSet = "ByPosting", ServerSet = "Server";
        private const MiloObjects Takes = MiloObjects.Posting | MiloObjects.Interview | MiloObjects.ImportResult;
        private InterviewExport? _export;
        private ThrottledProgress? _progress;
        private string _target = string.Empty;
        private bool _enabled;

        /// <summary>Interview and InterviewData objects from the pipeline, bound by value: written as they are.</summary>
        [Parameter(ParameterSetName = ByInterviewSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = ServerSet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public InterviewBase? InputObject { get; set; }

        /// <summary>Import results: exported by InterviewId; with a listing parameter refused, never listed as their posting.</summary>
        [Parameter(ParameterSetName = ByInterviewSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true)]
        [Parameter(ParameterSetName = ServerSet, ValueFromPipeline = true, DontShow = true), PipelineInput(Takes)]
        public CandidateImportResult? ImportResult { get; set; }

        /// <summary>Interviews known by id (import results, CSV rows): their results are fetched and written.</summary>
        [Parameter(ParameterSetName = ByInterviewSet, ValueFromPipelineByPropertyName = true), Alias("interview_id"), ValidateNotNullOrEmpty]
        public string[]? InterviewId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByPostingSet, ValueFromPipelineByPropertyName = true), Parameter(Mandatory = true, ParameterSetName = ServerSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "posting_id"), ValidateNotNullOrEmpty, ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string[]? PostingId { get; set; }

        [Parameter(ParameterSetName = ByPostingSet, ValueFromPipeline = true, DontShow = true), Parameter(ParameterSetName = ServerSet, ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(Takes)]
        public Posting? Posting { get; set; }

        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedAfter { get; set; }
        [Parameter(ParameterSetName = ByPostingSet)] public DateTimeOffset? CreatedBefore { get; set; }

        [Parameter(ParameterSetName = ByPostingSet), ValidateSet("pending", "in_progress", "evaluating", "completed", "shortlisted", "dismissed", "knocked_out", IgnoreCase = true)] public string[]? Status { get; set; }

        [Parameter(Mandatory = true, Position = 0), ValidateNotNullOrEmpty] public string Path { get; set; } = string.Empty;
        [Parameter] public InterviewExportFormat? Format { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }
        [Parameter(ParameterSetName = ByPostingSet)] public SwitchParameter AllowIncomplete { get; set; }
        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = ByInterviewSet)] public SwitchParameter NoFormulaEscape { get; set; }
        [Parameter(ParameterSetName = ByPostingSet), Parameter(ParameterSetName = ByInterviewSet)] public SwitchParameter Raw { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = ServerSet)] public SwitchParameter Server { get; set; }
        [Parameter(ParameterSetName = ServerSet), Alias("PollInterval"), ValidateRange(1, 3600)] public int PollIntervalSec { get; set; } = 2;
        [Parameter(ParameterSetName = ServerSet), ValidateRange(1, 86400)] public int TimeoutSec { get; set; } = 600;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MiloErrors.InvalidDateRange(CreatedAfter, CreatedBefore) is { } invalid) ThrowTerminatingError(invalid);
            _target = GetUnresolvedProviderPathFromPSPath(Path);
            var request = new InterviewExportRequest
            {
                Target = _target, Format = Format?.ToString(), Replace = Force, Server = Server, AllowIncomplete = AllowIncomplete, EscapeFormulas = !NoFormulaEscape, Raw = Raw,
                Filter = new HeyMiloClient.InterviewFilter { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore }, Statuses = Status,
                PollInterval = TimeSpan.FromSeconds(PollIntervalSec), Timeout = TimeSpan.FromSeconds(TimeoutSec),
            };
            Terminating(null, () => _export = new InterviewExport(request, message => Post(() => WriteWarning(message))));
            var session = RequireSession();
            _enabled = ShouldProcess(_target, Server ? "Export interviews with the server-side export job" : "Export interviews (" + _export!.Format + ")");
            if (!_enabled) return;
            _progress = new ThrottledProgress(this, ProgressIds.Export, "Export-MiloInterview → " + System.IO.Path.GetFileName(_target));
            Terminating(null, () => _export!.Open(session.Client));
        }

        protected override void ProcessRecord()
        {
            if (!_enabled) return;
            if (ParameterSetName != ByInterviewSet && (InputObject ?? (object?)ImportResult) is { } interview) ThrowTerminatingError(MiloErrors.NotAPosting(interview));
            else if (InputObject != null) Terminating(InputObject, () => _export!.Write(InputObject));
            else if (ParameterSetName == ByInterviewSet)
                foreach (var id in InterviewId ?? Array.Empty<string>()) Terminating(id, ct => _export!.ExportInterviewAsync(id, ct));
            else
                foreach (var id in Posting != null ? new[] { Posting.Id } : PostingId ?? Array.Empty<string>())
                    if (_export!.Add(id) && !Server) Terminating(id, ct => _export.ExportPostingAsync(id, () => Post(ReportProgress), ct));
            ReportProgress();
        }

        protected override void EndProcessing()
        {
            if (!_enabled) return;
            if (_export!.Postings.Count == 0 && _export.Written == 0 && (Server || !MyInvocation.ExpectingInput))
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name what to export: -PostingId, or pipe postings, interviews or import results."),
                    "PostingIdRequired", ErrorCategory.InvalidArgument, null, "Get-MiloPosting -First 1 | Export-MiloInterview -Path interviews.json"));
            if (Server) Terminating(_export.Postings[0], _export.ServerExportAsync);
            else Terminating(_target, () => _export.Complete());
            _progress!.Complete();
            WriteVerbose($"Exported {(Server ? "the server's export of posting " + _export.Postings[0] : _export.Written + " interviews")} to {_target}.");
            // What Get-Item returns: the FileInfo with the provider's PSPath, PSParentPath, PSChildName, PSDrive, PSProvider.
            if (PassThru) WriteObject(InvokeProvider.Item.Get(new[] { _target }, true, true), enumerateCollection: true);
        }

        /// <summary>Ctrl+C skips EndProcessing, a failure ends it early: either way the half-written temp file goes.</summary>
        void IDisposable.Dispose()
        {
            _export?.Dispose();
            Dispose();
        }

        private void ReportProgress() => _progress!.Report(_export!.Written, _export.Total, "interviews written");
    }
}

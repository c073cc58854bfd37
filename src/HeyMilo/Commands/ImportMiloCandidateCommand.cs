using System;
using System.Collections;
using System.Management.Automation;
using HeyMilo.Import;
using HeyMilo.Module;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Imports candidate rows into a posting. The work — reading and checking rows, de-duplicating, batching,
    /// isolating the rows a 422 refuses, one outcome per row — is the engine's CandidateImporter; this binds
    /// the parameters, asks ShouldProcess per batch, and writes each outcome (docs/cmdlets/Import-MiloCandidate.md).
    /// </summary>
    [Cmdlet(VerbsData.Import, "MiloCandidate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PostingSet)]
    [OutputType(typeof(CandidateImportResult), typeof(CandidateImportSummary))]
    public sealed class ImportMiloCandidateCommand : MiloCmdlet
    {
        private const string PostingSet = "Posting";
        private const string LegacySet = "Legacy";
        private CandidateImporter _importer = null!;
        private ThrottledProgress _progress = null!;
        private MiloSession? _session;
        private ImportAccounting _accounting = null!;
        private long _rowNumber;

        [Parameter(Mandatory = true, ValueFromPipeline = true)] public PSObject InputObject { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PostingSet), Alias("posting_id"), ValidateNotNullOrEmpty, ArgumentCompleter(typeof(Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;
        [Parameter(Mandatory = true, ParameterSetName = LegacySet), Alias("ingestion_url_key"), ValidateNotNullOrEmpty]
        public string IngestionKey { get; set; } = string.Empty;
        [Parameter(ParameterSetName = LegacySet)] public SwitchParameter Retake { get; set; }
        [Parameter(ParameterSetName = PostingSet)] public SwitchParameter Async { get; set; }
        [Parameter, ValidatePattern("^([A-Za-z]{2}|Culture)$")] public string? DefaultRegion { get; set; }
        [Parameter, ValidateNotNullOrEmpty] public string[] MetadataProperty { get; set; } = Array.Empty<string>();
        [Parameter, ValidateNotNull] public Hashtable? Metadata { get; set; }
        [Parameter, ValidateRange(1, 100)] public int BatchSize { get; set; } = 100;
        [Parameter, ValidateRange(1, 16)] public int ThrottleLimit { get; set; } = 4;
        [Parameter(DontShow = true)] public SwitchParameter Summary { get; set; }
        [Parameter, ValidateNotNullOrEmpty] public string? SummaryVariable { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var target = ParameterSetName == LegacySet
                ? CandidateImportTarget.Legacy(() => _session!.Client, IngestionKey, Retake)
                : Async
                    ? CandidateImportTarget.PostingQueued(() => _session!.Client, PostingId)
                    : CandidateImportTarget.Posting(() => _session!.Client, PostingId);
            var metadata = CandidateOutput.FixedMetadata(Metadata, out var invalid);
            if (invalid != null) ThrowTerminatingError(invalid);
            _importer = new CandidateImporter(target, new CandidateReader(MetadataProperty, metadata, CandidateOutput.PhoneRegion(this, DefaultRegion)), BatchSize, ThrottleLimit);
            _progress = new ThrottledProgress(this, ProgressIds.Import, "Importing candidates");
            _accounting = new ImportAccounting(this, _importer, SummaryVariable);
        }

        protected override void ProcessRecord() => _accounting.OnStop(() =>
        {
            foreach (var row in CandidateRows.Rows(InputObject, piped: MyInvocation.ExpectingInput)) Add(row);
        });

        protected override void EndProcessing()
        {
            _importer.EndOfInput();
            _accounting.OnStop(() => Drive(end: true));
            _progress.Complete(_importer.Status);
            CandidateOutput.Finish(this, _importer, _accounting.Publish(), Summary);
        }

        private void Add(PSObject input)
        {
            var warning = _importer.Add(CandidateRows.Read(input, ++_rowNumber));
            if (warning != null) WriteWarning(warning);
            Drive(end: false);
        }

        /// <summary>
        /// Writes what is ready, sends what may go (up to -ThrottleLimit batches in flight), and waits while the
        /// engine must (a full window; at the end, until every batch has answered).
        /// </summary>
        private void Drive(bool end)
        {
            while (true)
            {
                _importer.Settle();
                foreach (var outcome in _importer.TakeReady()) CandidateOutput.Write(this, outcome, _importer.Target, MetadataProperty);
                _progress.Report(() => _importer.Status);
                if (_importer.NoEmailColumn)
                {
                    _progress.Complete(_importer.Status);
                    _accounting.Publish();
                    ThrowTerminatingError(CandidateImportFailure.NoEmailColumnProblem(_importer, InputObject).ToErrorRecord());
                }
                switch (_importer.Next(drain: end))
                {
                    case ImportStep.Send:
                        var action = _importer.BatchAction;
                        if (!ShouldProcess(action, action + "?", "Import-MiloCandidate")) { _importer.Decline(); break; }
                        _session ??= RequireSession();
                        using (EnterOperationLog()) _importer.Send(Cancellation);
                        break;
                    case ImportStep.Wait:
                        var done = _importer.WhenAnyDone(Cancellation);
                        Run(_ => done);
                        break;
                    default:
                        return;
                }
            }
        }

        protected override void OnPipelineEnd()
        {
            if (_accounting != null && !_accounting.Finished) _accounting.Stopped();
        }
    }
}

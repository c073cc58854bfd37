using System;
using System.Management.Automation;
using HeyMilo.Import;

namespace HeyMilo.Module
{
    /// <summary>
    /// What Import-MiloCandidate owes the user however it ends: the summary in -SummaryVariable, and after Ctrl+C or an
    /// early stop downstream every row read accounted for on the host (sent, unknown or not sent) — once.
    /// </summary>
    internal sealed class ImportAccounting
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CandidateImporter _importer;
        private readonly string? _summaryVariable;

        public ImportAccounting(PSCmdlet cmdlet, CandidateImporter importer, string? summaryVariable)
        {
            _cmdlet = cmdlet;
            _importer = importer;
            _summaryVariable = summaryVariable;
        }

        /// <summary>Whether the import ran to its end and its summary was published.</summary>
        public bool Finished { get; private set; }

        /// <summary>Runs <paramref name="work"/>; when the pipeline is stopped during it, accounts for the rows first.</summary>
        public void OnStop(Action work)
        {
            try
            {
                work();
            }
            catch (PipelineStoppedException)
            {
                Stopped();
                throw;
            }
        }

        /// <summary>The pipeline stopped: report the rows without a result, and publish the summary.</summary>
        public void Stopped()
        {
            if (_importer.Interrupted || Finished) return;
            CandidateOutput.ReportInterrupted(_cmdlet, _importer.Interrupt(), _importer.Target);
            Publish();
        }

        public CandidateImportSummary Publish()
        {
            Finished = !_importer.Interrupted;
            var summary = _importer.Summary();
            if (_summaryVariable != null) _cmdlet.SessionState.PSVariable.Set(_summaryVariable, summary);
            return summary;
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Import;

namespace HeyMilo.Module
{
    /// <summary>
    /// The PowerShell side of a candidate import's outcomes: each row's outcome as an output object, an error
    /// record or a warning, and -Metadata read into plain pairs. Pipeline thread only.
    /// </summary>
    internal static class CandidateOutput
    {
        public static void Write(Cmdlet cmdlet, CandidateOutcome outcome, CandidateImportTarget target)
        {
            var input = outcome.Row.Source;
            switch (outcome.Kind)
            {
                case CandidateOutcomeKind.Sent:
                    cmdlet.WriteObject(CandidateImportResult.From(outcome, target));
                    break;
                case CandidateOutcomeKind.Invalid:
                    cmdlet.WriteError(MiloErrors.Create(new ArgumentException(outcome.Message), "InvalidCandidate", ErrorCategory.InvalidData, input,
                        "Correct the named field of that row (or leave the row out) and import it again."));
                    break;
                case CandidateOutcomeKind.Rejected:
                    cmdlet.WriteError(MiloErrors.FromException(outcome.Error!, input));
                    break;
                case CandidateOutcomeKind.Failed:
                    cmdlet.WriteError(MiloErrors.ForRow(outcome.Error!, input, outcome.Row.Number, outcome.Message));
                    break;
                case CandidateOutcomeKind.Skipped:
                    cmdlet.WriteWarning(outcome.Message);
                    break;
            }
        }

        /// <summary>
        /// After a stop nothing can be written to the pipeline's streams any more, so what became of the rows
        /// that got no result or error goes to the host directly: those sent (the answer had arrived), those
        /// whose request was in flight (state unknown, listed with their emails), those not sent.
        /// </summary>
        public static void ReportInterrupted(PSCmdlet cmdlet, IReadOnlyList<CandidateOutcome> left, CandidateImportTarget target)
        {
            var ui = cmdlet.Host?.UI;
            if (ui is null || left.Count == 0) return;
            void Line(CandidateOutcomeKind kind, string what, bool withEmails)
            {
                var rows = left.Where(o => o.Kind == kind).ToList();
                if (rows.Count == 0) return;
                var list = string.Join(", ", rows.Select(o => withEmails && o.Candidate != null ? $"{o.Row.Number} ({o.Candidate.Email})" : o.Row.Number.ToString(CultureInfo.InvariantCulture)));
                ui.WriteWarningLine(string.Format(CultureInfo.InvariantCulture, "Import-MiloCandidate was stopped: {0} row(s) {1}: rows {2}.", rows.Count, what, list));
            }
            Line(CandidateOutcomeKind.Unknown, "in a request still in flight, state unknown — may have been ingested. " + CandidateImportFailure.Unknown(target), withEmails: true);
            Line(CandidateOutcomeKind.Sent, "were sent (the API had answered) but not written out", withEmails: true);
            Line(CandidateOutcomeKind.NotSent, "were read but not sent", withEmails: false);
        }

        /// <summary>-Metadata as string pairs, or the terminating error that says why it cannot be sent.</summary>
        public static Dictionary<string, string> FixedMetadata(Hashtable? metadata, out ErrorRecord? error)
        {
            error = null;
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in metadata ?? new Hashtable())
                if (entry.Value != null) pairs[CandidateRows.AsString(entry.Key)] = CandidateRows.AsString(entry.Value);
            if (CandidateReader.CheckMetadata(pairs) is string problem)
                error = MiloErrors.Create(new ArgumentException("-Metadata " + problem), "InvalidMetadata", ErrorCategory.InvalidArgument, metadata,
                    $"Give at most {CandidateReader.MaxMetadataKeys} keys of at most {CandidateReader.MaxMetadataKeyLength} characters, with values of at most {CandidateReader.MaxMetadataValueLength} characters.");
            return pairs;
        }
    }
}

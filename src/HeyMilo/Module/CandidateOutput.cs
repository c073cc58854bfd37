using System;
using System.Collections;
using System.Collections.Generic;
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
                    cmdlet.WriteError(MiloErrors.ForRow(outcome.Error!, input, outcome.Row.Number));
                    break;
                case CandidateOutcomeKind.Skipped:
                    cmdlet.WriteWarning(outcome.Message);
                    break;
            }
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

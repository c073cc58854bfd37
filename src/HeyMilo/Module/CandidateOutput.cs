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
    /// The hidden InputObject property of HeyMilo.CandidateImportResult: the row the result came from, for
    /// $result.InputObject, left out by Export-Csv, ConvertTo-Json, Format-List and Select-Object * (which write
    /// only visible properties). Registered as a hidden code property in each runspace the first time a
    /// result is made there, rather than in a types.ps1xml: PowerShell loads a module's types files before
    /// its root assembly, so a code property there could not name this method, and a script property fails
    /// when read from a thread without a runspace.
    /// </summary>
    public static class CandidateResultMembers
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Management.Automation.Runspaces.Runspace, object> s_registered =
            new System.Runtime.CompilerServices.ConditionalWeakTable<System.Management.Automation.Runspaces.Runspace, object>();

        /// <summary>The getter of InputObject.</summary>
        public static object? InputObject(PSObject instance) => (instance?.BaseObject as CandidateImportResult)?.GetInputObject();

        internal static void Register()
        {
            var runspace = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
            if (runspace is null) return;
            lock (s_registered)
            {
                if (s_registered.TryGetValue(runspace, out _)) return;
                s_registered.Add(runspace, new object());
            }
            var data = new System.Management.Automation.Runspaces.TypeData(typeof(CandidateImportResult));
            data.Members.Add("InputObject", new System.Management.Automation.Runspaces.CodePropertyData("InputObject", typeof(CandidateResultMembers).GetMethod(nameof(InputObject))) { IsHidden = true });
            try
            {
                // Update-TypeData by its class, so it works where the Utility module is not imported (a hosted runspace).
                var utility = typeof(PSObject).Assembly.GetName();
                utility.Name = "Microsoft.PowerShell.Commands.Utility";
                var command = System.Reflection.Assembly.Load(utility).GetType("Microsoft.PowerShell.Commands.UpdateTypeDataCommand", throwOnError: true)!;
                using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
                ps.AddCommand(new CmdletInfo("Update-TypeData", command)).AddParameter("TypeData", data).AddParameter("Force").Invoke();
            }
            catch (Exception ex) when (ex is RuntimeException || ex is System.IO.IOException || ex is TypeLoadException || ex is BadImageFormatException)
            {
                // A runspace that cannot update its type data: the row stays reachable as GetInputObject().
            }
        }
    }

    /// <summary>
    /// The PowerShell side of a candidate import's outcomes: each row's outcome as an output object, an error
    /// record or a warning, and -Metadata read into plain pairs. Pipeline thread only.
    /// </summary>
    internal static class CandidateOutput
    {
        public static void Write(Cmdlet cmdlet, CandidateOutcome outcome, CandidateImportTarget target, IReadOnlyList<string> metadataColumns)
        {
            var input = outcome.Row.Source;
            switch (outcome.Kind)
            {
                case CandidateOutcomeKind.Sent:
                    cmdlet.WriteObject(Result(outcome, target, metadataColumns));
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
        /// A HeyMilo.CandidateImportResult whose properties are a clean mailing list, in this order: RowNumber,
        /// Name, Email, Phone, InterviewId, InterviewUrl, then PostingId (v2) or IngestionKey and IngestionId
        /// (legacy), then the -MetadataProperty columns as sent. Export-Csv, ConvertTo-Json and Format-List
        /// write exactly these; the input row is the hidden InputObject (HeyMilo.Types.ps1xml).
        /// </summary>
        public static PSObject Result(CandidateOutcome outcome, CandidateImportTarget target, IReadOnlyList<string> metadataColumns)
        {
            CandidateResultMembers.Register();
            var result = new CandidateImportResult(outcome, target);
            var o = new PSObject(result);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "InputObject" };
            void Add(string name, object? value)
            {
                if (names.Add(name)) o.Properties.Add(new PSNoteProperty(name, value));
            }
            Add("RowNumber", result.RowNumber);
            Add("Name", result.Name);
            Add("Email", result.Email);
            Add("Phone", result.Phone);
            Add("InterviewId", result.InterviewId);
            Add("InterviewUrl", result.InterviewUrl);
            if (target.PostingId != null) Add("PostingId", target.PostingId);
            if (target.Queued) Add("IngestionId", result.IngestionId);
            if (target.IngestionKey != null)
            {
                Add("IngestionKey", target.IngestionKey);
                Add("IngestionId", result.IngestionId);
            }
            foreach (var column in metadataColumns)
                Add(column, result.Metadata != null && result.Metadata.TryGetValue(column, out var value) ? value : string.Empty);
            return o;
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
                ui.WriteWarningLine(string.Format(CultureInfo.InvariantCulture, "Import-MiloCandidate was stopped: {0} row(s) {1}: data rows {2}.", rows.Count, what, list));
            }
            Line(CandidateOutcomeKind.Unknown, "in a request still in flight, state unknown — may have been ingested. " + CandidateImportFailure.Unknown(target), withEmails: true);
            Line(CandidateOutcomeKind.Sent, "were sent (the API had answered) but not written out", withEmails: true);
            Line(CandidateOutcomeKind.NotSent, "were read but not sent", withEmails: false);
        }

        /// <summary>
        /// The end of an import that was not stopped: a fatal API failure is one terminating error for the whole
        /// import, with how many rows were not sent (instead of one per row); else the summary in verbose lines
        /// (and on the host with the deprecated <paramref name="showSummary"/>).
        /// </summary>
        public static void Finish(PSCmdlet cmdlet, CandidateImporter importer, CandidateImportSummary summary, bool showSummary)
        {
            if (importer.Fatal is MiloApiException fatal)
            {
                var record = MiloErrors.FromException(fatal, importer.FatalRow?.Source);
                record.ErrorDetails = new ErrorDetails(CandidateImportFailure.Stopped(fatal, importer)) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
                cmdlet.ThrowTerminatingError(record);
            }
            if (showSummary) ShowSummary(cmdlet, summary);
            if (summary.NotSent > 0) cmdlet.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} valid rows were not sent (-WhatIf or declined).", summary.NotSent));
            cmdlet.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Imported: sent {0}, failed {1}, skipped {2} of {3} rows.", summary.Sent, summary.Failed, summary.Skipped, summary.Total));
        }

        /// <summary>-Summary (deprecated): the summary to the host, never into the result stream.</summary>
        private static void ShowSummary(PSCmdlet cmdlet, CandidateImportSummary summary)
        {
            cmdlet.WriteWarning("-Summary is deprecated and no longer outputs the summary object: it only shows it. Use -SummaryVariable <name> to keep it.");
            cmdlet.Host?.UI?.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "Import summary: {0} rows: sent {1}, failed {2}, skipped {3}, not sent {4}, unknown {5} ({6}).",
                summary.Total, summary.Sent, summary.Failed, summary.Skipped, summary.NotSent, summary.Unknown,
                summary.PostingId != null ? "posting " + summary.PostingId : "ingestion key " + summary.IngestionKey));
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

        /// <summary>
        /// -DefaultRegion as an ISO 3166 code libphonenumber knows (Culture: the current culture's region), or a
        /// terminating error before any input is read; null when not given (phones must then be E.164).
        /// </summary>
        public static string? PhoneRegion(PSCmdlet cmdlet, string? given)
        {
            if (given is null) return null;
            var region = NationalPhoneNumbers.DefaultRegion(given, CultureInfo.CurrentCulture, out var problem);
            if (problem != null) cmdlet.ThrowTerminatingError(problem.ToErrorRecord());
            return region;
        }
    }
}

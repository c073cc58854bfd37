using System.Globalization;
using System.Linq;

namespace HeyMilo.Import
{
    /// <summary>
    /// What a failed ingestion request means for its rows: whether the API may have ingested them, and whether
    /// running the import again is safe. The API has no idempotency keys; the legacy reference documents that
    /// ingestion without retake "returns existing interview if candidate already has one for this posting",
    /// and the v2 document calls the interview id "unique ... for this candidate-posting pair" (it says
    /// nothing more about repeats). So a repeat without -Retake returns the same interviews, and one with
    /// -Retake creates new ones.
    /// </summary>
    internal static class CandidateImportFailure
    {
        /// <summary>
        /// Whether the request may have reached the server and been acted on. Until the transport says so
        /// itself, decided from the failure kind: a timeout, a dropped connection, a 5xx, or a 2xx answer that
        /// could not be read may have been ingested; any other 4xx was refused before ingestion.
        /// </summary>
        public static bool MayHaveBeenIngested(MiloApiException ex) =>
            ex.Kind == MiloFailureKind.Timeout || ex.Kind == MiloFailureKind.Network || ex.Kind == MiloFailureKind.InvalidResponse
            || (ex.StatusCode is int status && status >= 500);

        /// <summary>What the failure means for the row, after the API's own message.</summary>
        public static string Explain(MiloApiException ex, CandidateImportTarget target) =>
            MayHaveBeenIngested(ex)
                ? "The API may have ingested this row: the request failed after it may have reached the server. " + Rerun(target)
                : string.Format(CultureInfo.InvariantCulture, "The API refused the request{0}: this row was not ingested.", ex.StatusCode is int s ? " (" + s.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty);

        /// <summary>A row whose request was in flight when the import was stopped.</summary>
        public static string Unknown(CandidateImportTarget target) =>
            "State unknown: its request was in flight when the import was stopped, so it may have been ingested. " + Rerun(target);

        /// <summary>The one message of an import that stopped because no request could succeed.</summary>
        public static string Stopped(MiloApiException ex, CandidateImporter importer)
        {
            var what = ex.StatusCode switch
            {
                401 => "the API key was rejected",
                403 => "the API key may not import into " + importer.Target.Description,
                404 => importer.Target.Description + " was not found",
                _ => importer.Target.Description + " does not take candidates",
            };
            var unsent = importer.NotSent;
            var text = string.Format(CultureInfo.InvariantCulture, "{0}, so no request of this import can succeed: {1:N0} of the {2:N0} rows were not sent",
                what, unsent, importer.Total);
            if (importer.Sent > 0) text += string.Format(CultureInfo.InvariantCulture, "; {0:N0} were sent before (their results are in the output)", importer.Sent);
            if (importer.Failed > 0) text += string.Format(CultureInfo.InvariantCulture, "; {0:N0} failed (reported as errors)", importer.Failed);
            return text + ". " + ex.Message;
        }

        /// <summary>The one message of an input without an email column.</summary>
        /// <summary>The terminating HeyMilo.NoEmailColumn error of an input whose first rows have no email column.</summary>
        public static CommandProblem NoEmailColumnProblem(CandidateImporter importer, object? input) =>
            new CommandProblem("NoEmailColumn", CommandProblemKind.InvalidData, NoEmailColumn(importer), input,
                "Rename the email column of the file (or add one), or pass rows with an Email property, and import again.");

        public static string NoEmailColumn(CandidateImporter importer) =>
            string.Format(CultureInfo.InvariantCulture,
                "None of the {0:N0} rows read has an email column, so nothing was sent. The rows have the columns: {1}. The email column must be named {2} (case, spaces, '_' and '-' do not matter).",
                importer.RowsWithoutEmailColumn,
                importer.FirstColumns.Count == 0 ? "(none)" : string.Join(", ", importer.FirstColumns.Select(c => "'" + c + "'")),
                CandidateColumns.Describe(CandidateColumns.Email));

        private static string Rerun(CandidateImportTarget target) =>
            target.Retake
                ? "This import used -Retake, so running it again is NOT safe: every row the API did ingest would get a second interview. Check the posting's interviews (Get-MiloInterview) and import only the rows missing there."
                : "Running the import again without -Retake is safe: the API returns the existing interview for an email already in the posting.";
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace HeyMilo.Client
{
    /// <summary>What was read from one row of Set-MiloInterviewMetadata as metadata (the PowerShell side reads it; see MetadataInput).</summary>
    internal sealed class MetadataCells
    {
        private MetadataCells(Dictionary<string, string>? pairs, string? problem, bool nothingPiped, string? notARow)
        {
            Pairs = pairs;
            Problem = problem;
            NothingPiped = nothingPiped;
            NotARow = notARow;
        }

        /// <summary>The row's cells as pairs (blank cells left out), when it was read as columns.</summary>
        public Dictionary<string, string>? Pairs { get; }
        /// <summary>Why a cell cannot be sent.</summary>
        public string? Problem { get; }
        /// <summary>-MetadataProperty named columns, but no row was piped.</summary>
        public bool NothingPiped { get; }
        /// <summary>The type of what was piped when it is no row of columns (and no columns were named).</summary>
        public string? NotARow { get; }

        public static MetadataCells Read(Dictionary<string, string> pairs) => new MetadataCells(pairs, null, false, null);
        public static MetadataCells Invalid(string problem) => new MetadataCells(null, problem, false, null);
        public static MetadataCells NoRowPiped() => new MetadataCells(null, null, true, null);
        /// <summary>Columns were not read: only the fixed pairs count. <paramref name="pipedType"/>: what was piped instead of a row, if anything.</summary>
        public static MetadataCells NotRead(string? pipedType) => new MetadataCells(null, null, false, pipedType);
    }

    /// <summary>One row's request: the pairs to set on the interview, or the error or warning written in its place.</summary>
    internal sealed class MetadataRowRequest
    {
        public MetadataRowRequest(string interviewId, IReadOnlyDictionary<string, string>? pairs, CommandProblem? problem, string? skipped)
        {
            InterviewId = interviewId;
            Pairs = pairs;
            Problem = problem;
            Skipped = skipped;
        }

        public string InterviewId { get; }
        public IReadOnlyDictionary<string, string>? Pairs { get; }
        public CommandProblem? Problem { get; }
        /// <summary>A warning: the row has nothing to set and is skipped.</summary>
        public string? Skipped { get; }

        /// <summary>For ShouldProcess: the action on "interview {id}".</summary>
        public string Action => "Set metadata " + string.Join(", ", Pairs!.Keys);
    }

    /// <summary>
    /// The rules of Set-MiloInterviewMetadata's rows: each needs an interview id and something to set; the fixed
    /// -Metadata pairs win over the row's cells of the same key; the merged pairs must fit the API's limits
    /// (<see cref="InteractiveInputRules.CheckMetadata"/>). One instance per invocation.
    /// </summary>
    internal sealed class InterviewMetadataRows
    {
        private readonly IReadOnlyDictionary<string, string>? _fixed;

        /// <param name="fixedPairs">-Metadata, already checked (null when not given).</param>
        public InterviewMetadataRows(IReadOnlyDictionary<string, string>? fixedPairs) => _fixed = fixedPairs;

        /// <summary>"Row 3" for a piped row (its number in the input), "-InterviewId" for the command line.</summary>
        public static string Label(long row, bool piped) =>
            piped ? string.Format(CultureInfo.InvariantCulture, "Row {0}", row) : "-InterviewId";

        /// <summary>Null when the row names its interview, else the InterviewIdRequired problem (checked before its cells are read).</summary>
        public static CommandProblem? CheckInterviewId(string label, string interviewId, object target) =>
            interviewId.Length > 0 ? null
                : new CommandProblem("InterviewIdRequired", CommandProblemKind.InvalidData,
                    $"{label}: no interview id (an InterviewId or interview_id column, or -InterviewId).", target,
                    "Give each row an interview_id column (Get-MiloInterview lists them), or pass -InterviewId.");

        public MetadataRowRequest Plan(string label, string interviewId, object target, MetadataCells cells)
        {
            MetadataRowRequest Refused(string reason, CommandProblemKind kind, string message, string advice) =>
                new MetadataRowRequest(interviewId, null, new CommandProblem(reason, kind, label + ": " + message, target, advice), null);
            MetadataRowRequest Invalid(string problem) =>
                Refused("InvalidMetadata", CommandProblemKind.InvalidData, problem, InteractiveInputRules.MetadataAdvice + " Nothing was sent for this row.");

            if (cells.NothingPiped)
                return Refused("MetadataRequired", CommandProblemKind.InvalidArgument, "-MetadataProperty names columns of piped rows, and nothing was piped.",
                    "Pipe rows (Import-Csv ids.csv | Set-MiloInterviewMetadata), or pass -Metadata @{ key = 'value' }.");
            if (cells.Problem != null) return Invalid(cells.Problem);
            if (cells.Pairs is null && _fixed is null)
                return Refused("MetadataRequired", CommandProblemKind.InvalidArgument,
                    "no metadata to set: pass -Metadata, or -MetadataProperty with the columns to send" +
                        (cells.NotARow is null ? "." : $" (a {cells.NotARow} is not read as a row of columns)."),
                    "Set-MiloInterviewMetadata -InterviewId <id> -Metadata @{ ats_id = 'BH-100001' }, or pipe Import-Csv rows.");

            var pairs = cells.Pairs ?? new Dictionary<string, string>(StringComparer.Ordinal);
            if (_fixed != null)
                foreach (var pair in _fixed) pairs[pair.Key] = pair.Value;
            if (InteractiveInputRules.CheckMetadata(pairs) is string limits) return Invalid(limits);
            if (pairs.Count == 0)
                return new MetadataRowRequest(interviewId, null, null, $"{label}: nothing to set on interview {interviewId} (no metadata, or only blank cells); skipped.");
            return new MetadataRowRequest(interviewId, pairs, null, null);
        }
    }
}

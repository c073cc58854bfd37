using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Sets or updates interviews' metadata (POST /api/v2/interviews/{id}/metadata, which merges: keys sent are
    /// set, other keys stay). Built for <c>Import-Csv ats-ids.csv | Set-MiloInterviewMetadata</c> over thousands
    /// of rows: up to -ThrottleLimit requests are in flight at once (all paced by the key's shared rate-limit
    /// gate), and every row's result or error is written in input order.
    /// </summary>
    /// <remarks>
    /// Rows are read by MetadataInput and checked by the engine's InterviewMetadataRows before anything is sent; a
    /// bad row is an error in its place. -InterviewId is not Mandatory so a row without one is reported in order.
    /// </remarks>
    [Cmdlet(VerbsCommon.Set, "MiloInterviewMetadata", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InterviewMetadata))]
    public sealed class SetMiloInterviewMetadataCommand : MiloCmdlet
    {
        private readonly HashSet<string> _missingColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private InterviewMetadataRows _rules = null!;
        private InputOrderWindow _window = null!;
        private MiloSession? _session;
        private ThrottledProgress? _progress;
        private long _rows;
        private long _written;

        /// <summary>The interview whose metadata to set. Binds by property name (InterviewId, interview_id).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true), Alias("interview_id"), AllowEmptyString, AllowNull]
        public string? InterviewId { get; set; }

        /// <summary>Fixed pairs set on every interview; they win over -MetadataProperty columns of the same name.</summary>
        [Parameter(Position = 1), ValidateNotNull] public IDictionary? Metadata { get; set; }

        /// <summary>Columns of the piped row to set as metadata (the column name is the key).</summary>
        [Parameter, ValidateNotNullOrEmpty] public string[] MetadataProperty { get; set; } = Array.Empty<string>();

        /// <summary>The piped row (Import-Csv row, object, hashtable); its columns are the metadata.</summary>
        [Parameter(ValueFromPipeline = true), PipelineInput(MiloObjects.Interview | MiloObjects.ImportResult | MiloObjects.InterviewMetadata)]
        public PSObject? InputObject { get; set; }

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter, ValidateRange(1, 16)] public int ThrottleLimit { get; set; } = 4;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _progress = new ThrottledProgress(this, ProgressIds.InterviewMetadata, "Set-MiloInterviewMetadata");
            _window = new InputOrderWindow(ThrottleLimit, () => _progress.Report(++_written, null, "rows"));
            string? problem = null;
            _rules = new InterviewMetadataRows(Metadata is null ? null : MetadataInput.FromDictionary(Metadata, out problem));
            if (problem != null)
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("-Metadata: " + problem), "InvalidMetadata", ErrorCategory.InvalidArgument, Metadata, InteractiveInputRules.MetadataAdvice));
        }

        protected override void ProcessRecord()
        {
            var input = InputObject;
            object target = (object?)input ?? (object?)Metadata ?? InterviewId ?? string.Empty;
            var label = InterviewMetadataRows.Label(++_rows, piped: input != null);
            // Plain ids piped by value ('id1', 'id2' | Set-MiloInterviewMetadata -Metadata …) are interview ids, not rows.
            var id = InterviewId?.Trim() ?? string.Empty;
            if (id.Length == 0 && input?.BaseObject is string piped)
            {
                id = piped.Trim();
                input = null;
            }
            if (InterviewMetadataRows.CheckInterviewId(label, id, target) is { } noId)
            {
                _window.Add(null, () => WriteError(noId.ToErrorRecord()));
                return;
            }
            var cells = MetadataInput.ReadCells(input, MetadataProperty, Metadata != null, _missingColumns, out var warning);
            if (warning != null) WriteWarning(warning);
            var row = _rules.Plan(label, id, target, cells);
            if (row.Problem != null) _window.Add(null, () => WriteError(row.Problem.ToErrorRecord()));
            else if (row.Skipped != null) _window.Add(null, () => WriteWarning(row.Skipped));
            else if (ShouldProcess($"interview {id}", row.Action))
            {
                var session = _session ??= RequireSession();
                var request = Start(ct => session.Client.SetInterviewMetadataAsync(id, row.Pairs!, ct));
                _window.Add(request, () => WriteResult(request, target));
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _window.Drain();
            }
            finally
            {
                _progress?.CompleteQuietly();
            }
        }

        private void WriteResult(Task<InterviewMetadata> request, object target)
        {
            InterviewMetadata metadata;
            try
            {
                metadata = Run(_ => request);
            }
            catch (MiloApiException ex)
            {
                if (MiloErrors.IsFatal(ex)) _progress?.CompleteQuietly();
                WriteFailure(ex, target);
                return;
            }
            WriteObject(metadata);
        }
    }
}

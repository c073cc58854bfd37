using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
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
    /// What is sent per row: the -MetadataProperty columns of the row plus the fixed -Metadata pairs (which win
    /// on the same key); with neither, every column of an Import-Csv row or hashtable except its interview id.
    /// Rows are checked before anything is sent (an interview id, text values, 50 keys of ≤ 40 characters,
    /// values of ≤ 500); a bad row is an error in its place and the next row goes on. -InterviewId is not
    /// declared Mandatory so a row without one is reported in order (a binding error would jump the queue).
    /// </remarks>
    [Cmdlet(VerbsCommon.Set, "MiloInterviewMetadata", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InterviewMetadata))]
    public sealed class SetMiloInterviewMetadataCommand : MiloCmdlet
    {
        private const int ActivityId = ProgressIds.InterviewMetadata;
        private const string Activity = "Set-MiloInterviewMetadata";

        private readonly Queue<Pending> _window = new Queue<Pending>();
        private readonly HashSet<string> _missingColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, string>? _fixed;
        private MiloSession? _session;
        private ThrottledProgress? _progress;
        private long _rows;
        private long _written;

        /// <summary>The interview whose metadata to set. Binds by property name (InterviewId, interview_id).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("interview_id")]
        [AllowEmptyString]
        [AllowNull]
        public string? InterviewId { get; set; }

        /// <summary>Fixed pairs set on every interview; they win over -MetadataProperty columns of the same name.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNull]
        public IDictionary? Metadata { get; set; }

        /// <summary>Columns of the piped row to set as metadata (the column name is the key).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] MetadataProperty { get; set; } = Array.Empty<string>();

        /// <summary>The piped row (Import-Csv row, object, hashtable); its columns are the metadata.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _progress = new ThrottledProgress(this, ActivityId, Activity);
            if (Metadata is null) return;
            _fixed = MetadataInput.FromDictionary(Metadata, out var problem);
            if (problem != null)
            {
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("-Metadata: " + problem), "InvalidMetadata",
                    ErrorCategory.InvalidArgument, Metadata, InteractiveInputRules.MetadataAdvice));
            }
        }

        protected override void ProcessRecord()
        {
            var row = ++_rows;
            var input = InputObject;
            object target = (object?)input ?? (object?)Metadata ?? InterviewId ?? string.Empty;
            var label = input != null
                ? string.Format(CultureInfo.InvariantCulture, "Row {0}", row)
                : "-InterviewId";

            // Plain ids piped by value ('id1', 'id2' | Set-MiloInterviewMetadata -Metadata …) are interview ids, not rows.
            var id = InterviewId?.Trim() ?? string.Empty;
            if (id.Length == 0 && input?.BaseObject is string piped)
            {
                id = piped.Trim();
                input = null;
            }
            if (id.Length == 0)
            {
                Enqueue(Pending.Failure(MiloErrors.Create(
                    new ArgumentException($"{label}: no interview id (an InterviewId or interview_id column, or -InterviewId)."),
                    "InterviewIdRequired", ErrorCategory.InvalidData, target,
                    "Give each row an interview_id column (Get-MiloInterview lists them), or pass -InterviewId.")));
                return;
            }

            var pairs = Pairs(input, label, target, out var failure);
            if (failure != null)
            {
                Enqueue(Pending.Failure(failure));
                return;
            }
            if (pairs!.Count == 0)
            {
                Enqueue(Pending.Warning($"{label}: nothing to set on interview {id} (no metadata, or only blank cells); skipped."));
                return;
            }

            if (!ShouldProcess($"interview {id}", "Set metadata " + string.Join(", ", pairs.Keys))) return;
            var session = _session ??= RequireSession();
            var task = Start(ct => session.Client.SetInterviewMetadataAsync(id, pairs, ct));
            // If nobody reads it (the pipeline stops early), its failure must not go unobserved.
            task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            Enqueue(Pending.Request(id, target, task));
        }

        protected override void EndProcessing()
        {
            try
            {
                while (_window.Count > 0) WriteHead();
            }
            finally
            {
                _progress?.CompleteQuietly();
            }
        }

        /// <summary>This row's pairs (fixed -Metadata over its columns), or null and an InvalidMetadata error.</summary>
        private Dictionary<string, string>? Pairs(PSObject? input, string label, object target, out ErrorRecord? failure)
        {
            failure = null;
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            var byColumns = MetadataProperty.Length > 0 || (Metadata is null && MetadataInput.IsRow(input));
            if (byColumns)
            {
                if (input is null)
                {
                    failure = MiloErrors.Create(new ArgumentException($"{label}: -MetadataProperty names columns of piped rows, and nothing was piped."),
                        "MetadataRequired", ErrorCategory.InvalidArgument, target, "Pipe rows (Import-Csv ids.csv | Set-MiloInterviewMetadata), or pass -Metadata @{ key = 'value' }.");
                    return null;
                }
                if (!MetadataInput.AddCells(input, MetadataProperty, pairs, _missingColumns, out var warning, out var problem))
                {
                    failure = Invalid(label, problem!, target);
                    return null;
                }
                if (warning != null) WriteWarning(warning);
            }
            else if (Metadata is null)
            {
                failure = MiloErrors.Create(
                    new ArgumentException($"{label}: no metadata to set: pass -Metadata, or -MetadataProperty with the columns to send" +
                        (input is null ? "." : $" (a {input.BaseObject.GetType().FullName} is not read as a row of columns).")),
                    "MetadataRequired", ErrorCategory.InvalidArgument, target,
                    "Set-MiloInterviewMetadata -InterviewId <id> -Metadata @{ ats_id = 'BH-100001' }, or pipe Import-Csv rows.");
                return null;
            }

            if (_fixed != null)
                foreach (var pair in _fixed) pairs[pair.Key] = pair.Value;
            var limits = InteractiveInputRules.CheckMetadata(pairs);
            if (limits != null)
            {
                failure = Invalid(label, limits, target);
                return null;
            }
            return pairs;
        }

        private static ErrorRecord Invalid(string label, string problem, object target) =>
            MiloErrors.Create(new ArgumentException(label + ": " + problem), "InvalidMetadata", ErrorCategory.InvalidData, target,
                InteractiveInputRules.MetadataAdvice + " Nothing was sent for this row.");

        /// <summary>Queues the row's outcome behind the rows before it, writes what is ready, and waits while the window is full.</summary>
        private void Enqueue(Pending pending)
        {
            _window.Enqueue(pending);
            while (_window.Count > 0 && _window.Peek().IsReady) WriteHead();
            while (_window.Count >= ThrottleLimit) WriteHead();
        }

        /// <summary>Writes the oldest row's outcome (waiting for its request, on the pipeline thread).</summary>
        private void WriteHead()
        {
            var head = _window.Dequeue();
            _written++;
            if (head.Error != null)
            {
                WriteError(head.Error);
            }
            else if (head.WarningText != null)
            {
                WriteWarning(head.WarningText);
            }
            else
            {
                InterviewMetadata metadata;
                try
                {
                    metadata = Run(_ => head.Task!);
                }
                catch (MiloApiException ex)
                {
                    if (MiloErrors.IsFatal(ex)) _progress?.CompleteQuietly();
                    WriteFailure(ex, head.Target);
                    Report();
                    return;
                }
                WriteObject(metadata);
            }
            Report();
        }

        private void Report() => _progress?.Report(_written, null, "rows");

        /// <summary>One row's outcome in the window: a request in flight, or an error or warning found before sending.</summary>
        private sealed class Pending
        {
            private Pending(string? interviewId, object? target, Task<InterviewMetadata>? task, ErrorRecord? error, string? warning)
            {
                InterviewId = interviewId;
                Target = target;
                Task = task;
                Error = error;
                WarningText = warning;
            }

            public string? InterviewId { get; }
            public object? Target { get; }
            public Task<InterviewMetadata>? Task { get; }
            public ErrorRecord? Error { get; }
            public string? WarningText { get; }
            public bool IsReady => Task is null || Task.IsCompleted;

            public static Pending Request(string interviewId, object target, Task<InterviewMetadata> task) => new Pending(interviewId, target, task, null, null);
            public static Pending Failure(ErrorRecord error) => new Pending(null, error.TargetObject, null, error, null);
            public static Pending Warning(string text) => new Pending(null, null, null, null, text);
        }
    }
}

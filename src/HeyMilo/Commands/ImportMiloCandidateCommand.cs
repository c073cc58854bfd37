using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Client.Models;
using HeyMilo.Module;
using HeyMilo.Transport;
using HeyMilo.Diagnostics;

namespace HeyMilo.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports candidates (Import-Csv rows, objects, hashtables) into a posting, in batches, and outputs each candidate's interview link.</para>
    /// <para type="description">
    /// Rows stream through: each row is checked as it arrives (name required; email required and shaped
    /// like one; phone optional, normalized to E.164; metadata within the API's limits) and a batch is sent
    /// as soon as it holds -BatchSize rows, the rest at the end. Columns are found case-insensitively,
    /// ignoring spaces, '_' and '-': name from Name / Full Name / Candidate Name, else First Name + Last Name
    /// (Given Name, Surname); email from Email / E-mail / Email Address / Mail; phone from Phone / Phone Number
    /// / Mobile / Mobile Phone / Cell.
    /// </para>
    /// <para type="description">
    /// Every input row ends up exactly once as an output object (accepted), an error (invalid locally,
    /// rejected by the API, or in a batch that failed after retries) or a warning (an email that already came
    /// earlier in the same import: sent once, later rows skipped). When the API rejects a batch with 422 the
    /// rows it names are reported and the others are sent again; when it names none the batch is split in
    /// halves until the bad rows are isolated.
    /// </para>
    /// <para type="description">
    /// Metadata: -MetadataProperty names input columns sent as metadata (string values; blank cells are left
    /// out); -Metadata adds fixed pairs to every row. When both give the same key, the fixed -Metadata pair
    /// wins, so a run-wide tag such as source=career-fair cannot be overridden by a stray CSV column.
    /// </para>
    /// <para type="description">
    /// -PostingId uses the v2 API (POST /api/v2/postings/{id}/candidates/bulk). -IngestionKey uses the legacy
    /// API (POST /ingest/x/bulk/{key}, or /ingest/x/{key} for a batch of one); with -Retake a new interview is
    /// created even for candidates that already have one, so those requests are never retried after a 5xx.
    /// </para>
    /// </summary>
    /// <example>
    /// <code>Import-Csv .\candidates.csv | Import-MiloCandidate -PostingId pst_123 -MetadataProperty 'Req Id' | Export-Csv .\links.csv</code>
    /// </example>
    [Cmdlet(VerbsData.Import, "MiloCandidate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PostingSet)]
    [OutputType(typeof(CandidateImportResult), typeof(CandidateImportSummary))]
    public sealed class ImportMiloCandidateCommand : MiloCmdlet
    {
        private const string PostingSet = "Posting";
        private const string LegacySet = "Legacy";
        private const string Activity = "Importing candidates";
        private const int ActivityId = ProgressIds.Import;
        private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(500);

        private readonly Dictionary<string, long> _emails = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private List<PendingRow> _pending = new List<PendingRow>();
        private CandidateRows? _rows;
        private MiloSession? _session;
        private long _rowNumber;
        private long _sent;
        private long _failed;
        private long _skipped;
        private long _notSent;
        private bool _progressShown;
        private bool _progressCompleted;
        private long _lastProgress;

        /// <summary>One candidate row: an Import-Csv row, a PSCustomObject, a hashtable, any object.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PostingSet)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        /// <summary>The posting's legacy ingestion url key (Posting.Urls.IngestionUrlKey).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LegacySet)]
        [Alias("ingestion_url_key")]
        [ValidateNotNullOrEmpty]
        public string IngestionKey { get; set; } = string.Empty;

        /// <summary>Legacy API: create a new interview even when the candidate already has one.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public SwitchParameter Retake { get; set; }

        /// <summary>Input columns to send as metadata (string values).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] MetadataProperty { get; set; } = Array.Empty<string>();

        /// <summary>Fixed metadata pairs added to every row; they win over -MetadataProperty columns of the same name.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Metadata { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int BatchSize { get; set; } = 100;

        /// <summary>After everything, also output a CandidateImportSummary.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        private bool Legacy => ParameterSetName == LegacySet;

        private string Destination => Legacy ? "ingestion key " + IngestionKey : "posting " + PostingId;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _rows = new CandidateRows(MetadataProperty, FixedMetadata());
        }

        protected override void ProcessRecord()
        {
            // -InputObject $rows (not piped): each element is a row, as if it had been piped.
            if (!MyInvocation.ExpectingInput && InputObject.BaseObject is IEnumerable many
                && !(InputObject.BaseObject is IDictionary) && !(InputObject.BaseObject is string))
            {
                foreach (var element in many)
                    if (element != null) ProcessRow(PSObject.AsPSObject(element));
                return;
            }
            ProcessRow(InputObject);
        }

        private void ProcessRow(PSObject input)
        {
            var rowNumber = ++_rowNumber;
            var item = _rows!.Read(input, rowNumber, out var error, out var warning);
            if (warning != null) WriteWarning(warning);

            if (item is null)
            {
                _failed++;
                WriteError(MiloErrors.Create(new ArgumentException(error), "InvalidCandidate", ErrorCategory.InvalidData, input,
                    "Correct the named field of that row (or leave the row out) and import it again."));
            }
            else if (_emails.TryGetValue(item.Email, out var firstRow))
            {
                _skipped++;
                WriteWarning(string.Format(CultureInfo.InvariantCulture,
                    "Row {0}: the email '{1}' already came in row {2}; it is sent once, this row is skipped.", rowNumber, item.Email, firstRow));
            }
            else
            {
                _emails.Add(item.Email, rowNumber);
                _pending.Add(new PendingRow(item, input, rowNumber));
                if (_pending.Count >= BatchSize) SendPending();
            }
            ShowProgress();
        }

        protected override void EndProcessing()
        {
            if (_pending.Count > 0) SendPending();
            CompleteProgress();

            if (Summary)
            {
                WriteObject(new CandidateImportSummary
                {
                    Sent = _sent,
                    Failed = _failed,
                    Skipped = _skipped,
                    NotSent = _notSent,
                    Total = _rowNumber,
                    PostingId = Legacy ? null : PostingId,
                    IngestionKey = Legacy ? IngestionKey : null,
                });
            }
            if (_notSent > 0)
                WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} valid rows were not sent (-WhatIf or declined).", _notSent));
            WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                "Imported: sent {0}, failed {1}, skipped {2} of {3} rows.", _sent, _failed, _skipped, _rowNumber));
        }

        /// <summary>Sends the pending batch (after ShouldProcess), isolating rows the API rejects, and writes one result or error per row.</summary>
        private void SendPending()
        {
            var batch = _pending;
            _pending = new List<PendingRow>(BatchSize);

            var action = string.Format(CultureInfo.InvariantCulture, "Import {0} candidates into {1}", batch.Count, Destination);
            if (!ShouldProcess(action, action + "?", "Import-MiloCandidate"))
            {
                _notSent += batch.Count;
                return;
            }
            var session = _session ??= RequireSession();

            // Parts still to send; a stack so the first half of a split goes first and output keeps input order.
            var work = new Stack<List<PendingRow>>();
            work.Push(batch);
            while (work.Count > 0)
            {
                var part = work.Pop();
                IReadOnlyList<IngestedCandidate> results;
                try
                {
                    results = Run(ct => Legacy
                        ? session.Client.IngestCandidatesLegacyAsync(IngestionKey, part.Select(r => r.Item).ToList(), Retake, ct)
                        : session.Client.IngestCandidatesAsync(PostingId, part.Select(r => r.Item).ToList(), ct));
                }
                catch (MiloApiException ex) when (ex.StatusCode == 422)
                {
                    Isolate(part, ex, work);
                    ShowProgress();
                    continue;
                }
                catch (MiloApiException ex)
                {
                    if (MiloErrors.IsFatal(ex))
                    {
                        CompleteProgress();
                        ThrowTerminatingError(MiloErrors.FromException(ex, part[0].Input));
                    }
                    foreach (var row in part) Fail(row, ex);
                    ShowProgress();
                    continue;
                }

                for (var i = 0; i < part.Count; i++)
                {
                    var row = part[i];
                    _sent++;
                    WriteObject(new CandidateImportResult
                    {
                        InterviewId = results[i].InterviewId,
                        InterviewUrl = results[i].InterviewUrl,
                        Name = row.Item.Name,
                        Email = row.Item.Email,
                        Phone = row.Item.PhoneNumber,
                        PostingId = Legacy ? null : PostingId,
                        IngestionKey = Legacy ? IngestionKey : null,
                        IngestionId = results[i].IngestionId,
                        RowNumber = row.RowNumber,
                        InputObject = row.Input,
                    });
                }
                ShowProgress();
            }
        }

        /// <summary>
        /// A 422 on a part: rows the API names (loc body.data.&lt;i&gt;) are reported and the others go again;
        /// with no row named, the part is split in halves until single rows carry the error.
        /// </summary>
        private void Isolate(List<PendingRow> part, MiloApiException ex, Stack<List<PendingRow>> work)
        {
            var named = ex.FieldErrors
                .Where(f => f.ItemIndex is int i && i >= 0 && i < part.Count)
                .GroupBy(f => f.ItemIndex!.Value)
                .ToDictionary(g => g.Key, g => g.ToList());

            if (named.Count > 0)
            {
                var rest = new List<PendingRow>(part.Count - named.Count);
                for (var i = 0; i < part.Count; i++)
                {
                    if (named.TryGetValue(i, out var errors)) Reject(part[i], ex, errors);
                    else rest.Add(part[i]);
                }
                if (rest.Count > 0) work.Push(rest);
            }
            else if (part.Count > 1)
            {
                var half = part.Count / 2;
                work.Push(part.GetRange(half, part.Count - half));
                work.Push(part.GetRange(0, half));
            }
            else
            {
                Fail(part[0], ex);
            }
        }

        /// <summary>One row the API rejected by position: a ValidationFailed error carrying only that row's field errors.</summary>
        private void Reject(PendingRow row, MiloApiException ex, List<MiloFieldError> errors)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "Row {0}: the API rejected the candidate: {1}",
                row.RowNumber, string.Join("; ", errors.Select(e => e.Message)));
            var rowError = new MiloApiException(MiloFailureKind.HttpError, message, ex.Method, ex.Path, ex.StatusCode,
                ex.ErrorType, ex.ErrorCode, ex.RequestId, null, errors, ex);
            _failed++;
            WriteError(MiloErrors.FromException(rowError, row.Input));
        }

        /// <summary>One row of a part that failed as a whole: the API's error, with the row number in its message.</summary>
        private void Fail(PendingRow row, MiloApiException ex)
        {
            var record = MiloErrors.FromException(ex, row.Input);
            record.ErrorDetails = new ErrorDetails(string.Format(CultureInfo.InvariantCulture, "Row {0}: {1}", row.RowNumber, ex.Message))
            {
                RecommendedAction = record.ErrorDetails?.RecommendedAction,
            };
            _failed++;
            WriteError(record);
        }

        private Dictionary<string, string> FixedMetadata()
        {
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Metadata is null) return pairs;
            foreach (DictionaryEntry entry in Metadata)
            {
                if (entry.Value is null) continue;
                pairs[CandidateRows.AsString(entry.Key)] = CandidateRows.AsString(entry.Value);
            }
            var problem = CandidateRows.CheckMetadata(pairs);
            if (problem != null)
            {
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("-Metadata " + problem), "InvalidMetadata", ErrorCategory.InvalidArgument, Metadata,
                    $"Give at most {CandidateRows.MaxMetadataKeys} keys of at most {CandidateRows.MaxMetadataKeyLength} characters, with values of at most {CandidateRows.MaxMetadataValueLength} characters."));
            }
            return pairs;
        }

        private string Status() => string.Format(CultureInfo.InvariantCulture, "Sent {0}, failed {1}, skipped {2}", _sent, _failed, _skipped);

        /// <summary>At most two updates a second, on the module clock.</summary>
        private void ShowProgress()
        {
            var clock = ModuleClock.Current;
            var now = clock.GetTimestamp();
            if (_progressShown && clock.GetElapsedTime(_lastProgress, now) < s_progressInterval) return;
            _progressShown = true;
            _lastProgress = now;
            WriteProgress(new ProgressRecord(ActivityId, Activity, Status()));
        }

        /// <summary>The Completed record that takes the bar away; written once, whether or not a bar was shown.</summary>
        private void CompleteProgress()
        {
            if (_progressCompleted) return;
            _progressCompleted = true;
            WriteProgress(new ProgressRecord(ActivityId, Activity, Status()) { RecordType = ProgressRecordType.Completed });
        }

        private sealed class PendingRow
        {
            public PendingRow(CandidateIngestItem item, PSObject input, long rowNumber)
            {
                Item = item;
                Input = input;
                RowNumber = rowNumber;
            }

            public CandidateIngestItem Item { get; }
            public PSObject Input { get; }
            public long RowNumber { get; }
        }
    }
}

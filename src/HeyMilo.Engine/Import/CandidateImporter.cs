using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Models;

namespace HeyMilo.Import
{
    /// <summary>What the caller should do next (see <see cref="CandidateImporter.Next"/>).</summary>
    internal enum ImportStep
    {
        /// <summary>Nothing to do until more rows come (or the end of input is announced).</summary>
        Idle,
        /// <summary>A batch is ready and may go: ask the user (ShouldProcess), then Send or Decline.</summary>
        Send,
        /// <summary>Wait for a batch in flight (<see cref="CandidateImporter.WhenAnyDone"/>), then call Settle.</summary>
        Wait,
    }

    /// <summary>
    /// Bulk candidate import as a service, with no PowerShell in it: rows go in one at a time, are read and
    /// checked (<see cref="CandidateReader"/>), de-duplicated by email, batched, sent, and a 422 is split
    /// until the rows it refuses are isolated. Exactly one <see cref="CandidateOutcome"/> comes out per input
    /// row, in input order (<see cref="TakeReady"/>).
    ///
    /// Threading: every member is called on one thread (the cmdlet's pipeline thread), which also decides
    /// when a batch goes (it must ask ShouldProcess there). A batch in flight runs on the thread pool and
    /// keeps its results to itself until <see cref="Settle"/> takes them over.
    /// </summary>
    internal sealed class CandidateImporter
    {
        private readonly CandidateImportTarget _target;
        private readonly CandidateReader _reader;
        private readonly int _batchSize;
        private readonly int _throttleLimit;
        private readonly Dictionary<string, CandidateOutcome> _emails = new Dictionary<string, CandidateOutcome>(StringComparer.OrdinalIgnoreCase);
        private readonly Queue<CandidateOutcome> _order = new Queue<CandidateOutcome>();
        private readonly Queue<List<CandidateOutcome>> _ready = new Queue<List<CandidateOutcome>>();
        private readonly List<Batch> _inFlight = new List<Batch>();
        private List<CandidateOutcome> _pending = new List<CandidateOutcome>();
        private readonly int _backlogLimit;
        private bool _ended;
        private bool _confirmed;
        private bool _interrupted;

        public CandidateImporter(CandidateImportTarget target, CandidateReader reader, int batchSize, int throttleLimit)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            _target = target;
            _reader = reader;
            _batchSize = batchSize;
            _throttleLimit = throttleLimit;
            // Rows whose outcome waits for an earlier row's answer (input order) are held; past this many the
            // reader waits for the batches in flight instead of reading on (memory stays bounded).
            _backlogLimit = Math.Max(1000, batchSize * (throttleLimit + 1) * 4);
        }

        public CandidateImportTarget Target => _target;

        public long Total { get; private set; }
        public long Sent { get; private set; }
        /// <summary>Invalid, rejected by the API, or in a request that failed.</summary>
        public long Failed { get; private set; }
        public long Skipped { get; private set; }
        public long NotSent { get; private set; }
        public long Unknown { get; private set; }

        /// <summary>A failure after which no request can succeed (a rejected key): the caller stops.</summary>
        public MiloApiException? Fatal { get; private set; }
        /// <summary>The first row of the request that met <see cref="Fatal"/>.</summary>
        public CandidateRow? FatalRow { get; private set; }

        /// <summary>Batches in flight.</summary>
        public int InFlight => _inFlight.Count;

        /// <summary>Rows in the batch <see cref="Next"/> offered.</summary>
        /// <summary>"Sent 3, failed 0, skipped 1": the progress bar's status.</summary>
        public string Status => string.Format(CultureInfo.InvariantCulture, "Sent {0}, failed {1}, skipped {2}", Sent, Failed, Skipped);

        /// <summary>What sending the ready batch does, for ShouldProcess: "Import 100 candidates into posting …".</summary>
        public string BatchAction => string.Format(CultureInfo.InvariantCulture, "Import {0} {1} into {2}", ReadyCount, ReadyCount == 1 ? "candidate" : "candidates", _target.Description);

        public int ReadyCount => _ready.Count > 0 ? _ready.Peek().Count : 0;

        /// <summary>Reads one row. Returns a warning to show now (a -MetadataProperty column the row lacks), or null.</summary>
        public string? Add(CandidateRow row)
        {
            if (_ended) throw new InvalidOperationException("Rows came after the end of input.");
            Total++;
            if (Fatal != null || _interrupted)
            {
                // Nothing can be sent any more: the row is counted, not read.
                var unsent = new CandidateOutcome(row, null);
                _order.Enqueue(unsent);
                Finish(unsent, CandidateOutcomeKind.NotSent);
                return null;
            }
            CheckColumns(row);
            var read = _reader.Read(row);
            var outcome = new CandidateOutcome(row, read.Candidate, read.Columns);
            _order.Enqueue(outcome);

            if (read.Candidate is null)
            {
                Finish(outcome, CandidateOutcomeKind.Invalid, message: read.Problem);
            }
            else if (_emails.TryGetValue(read.Candidate.Email, out var first))
            {
                // Skipped only once the first row with this email is known to be sent; until then it waits,
                // and if the first one is not sent after all, this one goes in its place.
                if (first.Kind == CandidateOutcomeKind.Sent) SkipRepeat(outcome, first);
                else (first.Waiting ??= new List<CandidateOutcome>()).Add(outcome);
            }
            else
            {
                _emails.Add(read.Candidate.Email, outcome);
                Enqueue(outcome);
            }
            return read.Warning;
        }

        /// <summary>How many rows without an email column, all with the same columns, make the input's columns wrong rather than a few rows.</summary>
        public const int ColumnCheckRows = 100;

        private bool _columnsDecided;
        private long _rowsWithoutEmailColumn;
        private IReadOnlyList<string>? _firstColumns;

        /// <summary>
        /// The input has no email column at all (no request was sent): the first rows, all with the same columns,
        /// have none of the email aliases — <see cref="ColumnCheckRows"/> of them, or all there were. Until a
        /// row with an email column (or with other columns) comes, their "no email" outcomes are held back, so
        /// the caller can report the columns once instead of one error per row.
        /// </summary>
        public bool NoEmailColumn => !_columnsDecided && _rowsWithoutEmailColumn > 0 && (_rowsWithoutEmailColumn >= ColumnCheckRows || _ended);

        /// <summary>The columns of the first row (for the <see cref="NoEmailColumn"/> message).</summary>
        public IReadOnlyList<string> FirstColumns => _firstColumns ?? new string[0];

        /// <summary>The rows read while deciding <see cref="NoEmailColumn"/>.</summary>
        public long RowsWithoutEmailColumn => _rowsWithoutEmailColumn;

        private void CheckColumns(CandidateRow row)
        {
            if (_columnsDecided) return;
            var columns = row.Cells.Select(c => c.Key).ToList();
            if (CandidateColumns.Has(columns, CandidateColumns.Email))
            {
                _columnsDecided = true;
                return;
            }
            if (_firstColumns is null) _firstColumns = columns;
            else if (!columns.Select(CandidateColumns.Normalize).OrderBy(c => c, StringComparer.Ordinal)
                         .SequenceEqual(_firstColumns.Select(CandidateColumns.Normalize).OrderBy(c => c, StringComparer.Ordinal)))
                _columnsDecided = true; // rows of different shapes (objects, hashtables): judged one by one
            if (!_columnsDecided) _rowsWithoutEmailColumn++;
        }

        private void Enqueue(CandidateOutcome outcome)
        {
            _pending.Add(outcome);
            if (_pending.Count >= _batchSize) Seal();
        }

        private void SkipRepeat(CandidateOutcome repeat, CandidateOutcome first) =>
            Finish(repeat, CandidateOutcomeKind.Skipped, sameEmailAs: first.Row.Number, message: string.Format(CultureInfo.InvariantCulture,
                "Data row {0}: the email '{1}' already came in data row {2}; it is sent once, this row is skipped.", repeat.Row.Number, repeat.Candidate!.Email, first.Row.Number));

        /// <summary>No more rows: what is pending becomes the last batch.</summary>
        public void EndOfInput()
        {
            _ended = true;
            if (_pending.Count > 0) Seal();
        }

        /// <summary>
        /// What to do now. <paramref name="drain"/>: wait for every batch in flight (the end, or a caller that
        /// sends one batch at a time) rather than only when the window is full.
        /// </summary>
        public ImportStep Next(bool drain)
        {
            if (Fatal != null) return _inFlight.Count > 0 ? ImportStep.Wait : ImportStep.Idle;
            // The first batch goes alone: a wrong posting or key then costs one request, not ThrottleLimit.
            var limit = _confirmed ? _throttleLimit : 1;
            if (_ready.Count > 0) return _inFlight.Count < limit ? ImportStep.Send : ImportStep.Wait;
            if (_inFlight.Count > 0 && (drain || _order.Count > _backlogLimit)) return ImportStep.Wait;
            return ImportStep.Idle;
        }

        /// <summary>Starts the batch <see cref="Next"/> offered, on the thread pool.</summary>
        public void Send(CancellationToken ct)
        {
            var rows = _ready.Dequeue();
            var batch = new Batch(rows);
            // Not Task.Run(…, ct): a batch cancelled before its task starts would end without saying it never left.
            batch.Task = Task.Run(() => RunAsync(batch, ct));
            _inFlight.Add(batch);
        }

        /// <summary>The user declined the batch <see cref="Next"/> offered (-WhatIf, -Confirm): its rows are not sent.</summary>
        public void Decline()
        {
            foreach (var row in _ready.Dequeue()) Finish(row, CandidateOutcomeKind.NotSent);
            SealAfterEnd();
        }

        /// <summary>Completes when a batch in flight completes (or at once when none is), or throws when cancelled.</summary>
        public Task WhenAnyDone(CancellationToken ct)
        {
            if (_inFlight.Count == 0) return Task.CompletedTask;
            var any = Task.WhenAny(_inFlight.Select(b => b.Task));
            return WaitAsync(any, ct);

            static async Task WaitAsync(Task any, CancellationToken token)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (token.Register(() => cancelled.TrySetCanceled(token)))
                    await Task.WhenAny(any, cancelled.Task).ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
            }
        }

        /// <summary>Takes over the results of every batch that completed.</summary>
        public void Settle()
        {
            if (_interrupted) return;
            for (var i = 0; i < _inFlight.Count; i++)
            {
                var batch = _inFlight[i];
                if (!batch.Task!.IsCompleted) continue;
                // Cancelled (Ctrl+C) while its request was out: it stays in flight, so Interrupt reports its rows as
                // unknown (the API may have ingested them), not as never sent.
                if (batch.Task.IsCanceled) throw new OperationCanceledException();
                _inFlight.RemoveAt(i--);
                if (batch.Task.IsFaulted) ExceptionDispatchInfo.Capture(batch.Task.Exception!.InnerException!).Throw();
                SettleBatch(batch);
            }
            SealAfterEnd();
        }

        /// <summary>After the end of input, rows that come back to the queue (a repeat whose first row was not sent) form a last batch.</summary>
        private void SealAfterEnd()
        {
            if (_ended && _pending.Count > 0 && Fatal is null && !_interrupted) Seal();
        }

        /// <summary>The outcomes that are final and whose every earlier row's outcome was taken: in input order.</summary>
        public IEnumerable<CandidateOutcome> TakeReady()
        {
            if (!_columnsDecided && _rowsWithoutEmailColumn > 0) yield break;
            while (_order.Count > 0 && _order.Peek().IsFinal) yield return _order.Dequeue();
        }

        public CandidateImportSummary Summary() => new CandidateImportSummary
        {
            Sent = Sent,
            Failed = Failed,
            Skipped = Skipped,
            NotSent = NotSent,
            Unknown = Unknown,
            Total = Total,
            Interrupted = _interrupted,
            Unreported = _unreported,
            PostingId = _target.PostingId,
            IngestionKey = _target.IngestionKey,
        };

        // ---- batches -----------------------------------------------------------------------------

        private void Seal()
        {
            _ready.Enqueue(_pending);
            _pending = new List<CandidateOutcome>(_batchSize);
        }

        private void SettleBatch(Batch batch)
        {
            if (batch.Fatal is null) _confirmed = true;
            for (var i = 0; i < batch.Rows.Count; i++)
            {
                var row = batch.Rows[i];
                var result = batch.Results[i];
                switch (result.Kind)
                {
                    case CandidateOutcomeKind.Sent:
                        row.Ingested = result.Ingested;
                        Finish(row, CandidateOutcomeKind.Sent);
                        break;
                    case CandidateOutcomeKind.Pending:
                    case CandidateOutcomeKind.NotSent:
                        Finish(row, CandidateOutcomeKind.NotSent);
                        break;
                    case CandidateOutcomeKind.Unknown:
                        row.Message = CandidateImportFailure.Unknown(_target);
                        Finish(row, CandidateOutcomeKind.Unknown);
                        break;
                    default:
                        row.Error = result.Error;
                        if (result.Kind == CandidateOutcomeKind.Failed) row.Message = CandidateImportFailure.Explain(result.Error!, _target);
                        Finish(row, result.Kind);
                        break;
                }
            }
            if (batch.Fatal != null && Fatal is null)
            {
                Fatal = batch.Fatal;
                FatalRow = batch.Rows[batch.FatalIndex].Row;
                AbandonUnsent();
            }
        }

        /// <summary>
        /// A stop cancels every batch, and a cancelled batch ends within moments (its wait or request is cancelled),
        /// saying whether its request had left. Waits for that, half a second at most, so the stop stays prompt.
        /// </summary>
        private void LetCancelledBatchesEnd()
        {
            var running = _inFlight.Select(b => b.Task!).Where(t => !t.IsCompleted).ToArray();
            if (running.Length == 0) return;
            try
            {
                Task.WaitAll(running, StopGrace);
            }
            catch (AggregateException)
            {
                // Cancelled or failed: what each batch recorded before it ended is what Interrupt reads.
            }
        }

        private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(500);

        /// <summary>Every row not sent and not in flight: not sent (the import stops or was stopped).</summary>
        private void AbandonUnsent()
        {
            foreach (var outcome in _order.ToList())
                if (!outcome.IsFinal && !_inFlight.Any(b => b.Rows.Contains(outcome))) Finish(outcome, CandidateOutcomeKind.NotSent);
            _ready.Clear();
            _pending.Clear();
        }

        /// <summary>
        /// The import was stopped (Ctrl+C, Select-Object -First): every row gets its final outcome at once. A
        /// batch whose answer arrived counts as sent; rows of a request still in flight are Unknown (the API
        /// may have ingested them); the rest were not sent. Returns the outcomes not taken yet, in input order.
        /// </summary>
        public IReadOnlyList<CandidateOutcome> Interrupt()
        {
            _interrupted = true;
            LetCancelledBatchesEnd();
            foreach (var batch in _inFlight.ToList())
            {
                if (batch.Task!.Status == TaskStatus.RanToCompletion) continue;
                lock (batch)
                {
                    batch.Abandoned = true;
                    for (var i = 0; i < batch.Rows.Count; i++)
                        if (batch.Results[i].Kind == CandidateOutcomeKind.Pending) batch.Results[i] = BatchResult.Unknown;
                }
            }
            foreach (var batch in _inFlight.ToList())
            {
                _inFlight.Remove(batch);
                SettleBatch(batch);
            }
            AbandonUnsent();
            var left = _order.ToList();
            _order.Clear();
            _unreported = left.Select(o => new CandidateImportRowState
            {
                RowNumber = o.Row.Number,
                Name = o.Candidate?.Name,
                Email = o.Candidate?.Email,
                State = o.Kind == CandidateOutcomeKind.Invalid || o.Kind == CandidateOutcomeKind.Rejected ? "Failed" : o.Kind.ToString(),
                InterviewId = o.Ingested?.InterviewId,
                InterviewUrl = o.Ingested?.InterviewUrl,
            }).ToList();
            return left;
        }

        private IReadOnlyList<CandidateImportRowState> _unreported = new CandidateImportRowState[0];

        public bool Interrupted => _interrupted;

        private void Finish(CandidateOutcome outcome, CandidateOutcomeKind kind, string? message = null, long? sameEmailAs = null)
        {
            outcome.Kind = kind;
            if (outcome.Waiting is List<CandidateOutcome> waiting)
            {
                outcome.Waiting = null;
                if (kind == CandidateOutcomeKind.Sent)
                {
                    foreach (var repeat in waiting) SkipRepeat(repeat, outcome);
                }
                else if (Fatal != null || _interrupted)
                {
                    foreach (var repeat in waiting) Finish(repeat, CandidateOutcomeKind.NotSent);
                }
                else
                {
                    // Not sent after all: the next row with this email goes instead, the others wait on it.
                    var next = waiting[0];
                    _emails[next.Candidate!.Email] = next;
                    if (waiting.Count > 1) next.Waiting = waiting.GetRange(1, waiting.Count - 1);
                    Enqueue(next);
                }
            }
            else if (kind != CandidateOutcomeKind.Sent && outcome.Candidate is CandidateIngestItem candidate
                && _emails.TryGetValue(candidate.Email, out var owner) && ReferenceEquals(owner, outcome))
            {
                _emails.Remove(candidate.Email);
            }
            if (message != null) outcome.Message = message;
            if (sameEmailAs != null) outcome.SameEmailAs = sameEmailAs;
            switch (kind)
            {
                case CandidateOutcomeKind.Sent: Sent++; break;
                case CandidateOutcomeKind.Invalid:
                case CandidateOutcomeKind.Rejected:
                case CandidateOutcomeKind.Failed: Failed++; break;
                case CandidateOutcomeKind.Skipped: Skipped++; break;
                case CandidateOutcomeKind.NotSent: NotSent++; break;
                case CandidateOutcomeKind.Unknown: Unknown++; break;
            }
        }

        /// <summary>
        /// Whether no later request of this import can succeed: a rejected key (401), a key without the
        /// permission (403), a posting or ingestion key that does not exist (404), or a 422 about the posting
        /// itself (loc "path…", an archived posting) rather than about rows.
        /// </summary>
        internal static bool StopsTheImport(MiloApiException ex) =>
            ex.StatusCode == 401 || ex.StatusCode == 403 || ex.StatusCode == 404
            || (ex.StatusCode == 422 && ex.FieldErrors.Count > 0 && ex.FieldErrors.All(f => f.ItemIndex is null && f.Field.StartsWith("path", StringComparison.Ordinal)));

        /// <summary>
        /// One batch on the thread pool: sends it, and on a 422 reports the rows the API names and sends the
        /// others again — or, when it names none, halves the part until single rows carry the error. Parts go
        /// first half first, so results keep input order.
        /// </summary>
        private async Task RunAsync(Batch batch, CancellationToken ct)
        {
            var work = new Stack<List<int>>();
            work.Push(Enumerable.Range(0, batch.Rows.Count).ToList());
            while (work.Count > 0)
            {
                var part = work.Pop();
                IReadOnlyList<IngestedCandidate> answers;
                try
                {
                    answers = await _target.SendAsync(part.Select(i => batch.Rows[i].Candidate!).ToList(), ct).ConfigureAwait(false);
                }
                catch (RequestCancelledException ex) when (!ex.MayHaveReachedServer)
                {
                    // Stopped before this part left (waiting for a rate-limit permit, say): it and the parts after it were not sent.
                    lock (batch)
                        if (!batch.Abandoned) foreach (var i in part.Concat(work.SelectMany(p => p))) batch.Results[i] = BatchResult.NotSent;
                    throw;
                }
                catch (MiloApiException ex) when (ex.StatusCode == 422 && !StopsTheImport(ex))
                {
                    Isolate(batch, part, ex, work);
                    continue;
                }
                catch (MiloApiException ex) when (StopsTheImport(ex))
                {
                    lock (batch)
                    {
                        batch.Fatal = ex;
                        batch.FatalIndex = part[0];
                    }
                    return;
                }
                catch (MiloApiException ex)
                {
                    lock (batch)
                        if (!batch.Abandoned) foreach (var i in part) batch.Results[i] = BatchResult.Of(CandidateOutcomeKind.Failed, ex);
                    continue;
                }
                lock (batch)
                    if (!batch.Abandoned) for (var k = 0; k < part.Count; k++) batch.Results[part[k]] = BatchResult.Of(answers[k]);
            }
        }

        private static void Isolate(Batch batch, List<int> part, MiloApiException ex, Stack<List<int>> work)
        {
            var named = ex.FieldErrors
                .Where(f => f.ItemIndex is int i && i >= 0 && i < part.Count)
                .GroupBy(f => f.ItemIndex!.Value)
                .ToDictionary(g => g.Key, g => g.ToList());

            if (named.Count > 0)
            {
                var rest = new List<int>(part.Count - named.Count);
                lock (batch)
                {
                    if (batch.Abandoned) return;
                    for (var k = 0; k < part.Count; k++)
                    {
                        if (named.TryGetValue(k, out var errors)) batch.Results[part[k]] = BatchResult.Of(CandidateOutcomeKind.Rejected, RowError(batch.Rows[part[k]], ex, errors));
                        else rest.Add(part[k]);
                    }
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
                lock (batch)
                    if (!batch.Abandoned) batch.Results[part[0]] = BatchResult.Of(CandidateOutcomeKind.Failed, ex);
            }
        }

        /// <summary>The API's 422 cut down to one row: only that row's field errors, its number in the message.</summary>
        private static MiloApiException RowError(CandidateOutcome row, MiloApiException ex, List<MiloFieldError> errors)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "Data row {0}: the API rejected the candidate: {1}",
                row.Row.Number, string.Join("; ", errors.Select(e => ColumnOf(row, e) + e.Message)));
            return new MiloApiException(MiloFailureKind.HttpError, message, ex.Method, ex.Path, ex.StatusCode,
                ex.ErrorType, ex.ErrorCode, ex.RequestId, null, errors, ex);
        }

        /// <summary>"column 'Mobile': " for a field error at body.data.i.phone_number, naming the user's column, not the API's field.</summary>
        private static string ColumnOf(CandidateOutcome row, MiloFieldError error)
        {
            var field = error.Field.Split('.').LastOrDefault() ?? string.Empty;
            if (row.Columns.TryGetValue(field, out var column)) return "column '" + column + "': ";
            return field == "metadata" || error.Field.Contains(".metadata") ? "metadata: " : string.Empty;
        }

        private readonly struct BatchResult
        {
            private BatchResult(CandidateOutcomeKind kind, IngestedCandidate? ingested, MiloApiException? error)
            {
                Kind = kind;
                Ingested = ingested;
                Error = error;
            }

            public CandidateOutcomeKind Kind { get; }
            public IngestedCandidate? Ingested { get; }
            public MiloApiException? Error { get; }

            public static BatchResult Of(IngestedCandidate ingested) => new BatchResult(CandidateOutcomeKind.Sent, ingested, null);
            public static BatchResult Of(CandidateOutcomeKind kind, MiloApiException error) => new BatchResult(kind, null, error);
            public static readonly BatchResult Unknown = new BatchResult(CandidateOutcomeKind.Unknown, null, null);
            public static readonly BatchResult NotSent = new BatchResult(CandidateOutcomeKind.NotSent, null, null);
        }

        /// <summary>One request's rows and, written by its task under lock(this), what became of each.</summary>
        private sealed class Batch
        {
            public Batch(List<CandidateOutcome> rows)
            {
                Rows = rows;
                Results = new BatchResult[rows.Count];
            }

            public List<CandidateOutcome> Rows { get; }
            public BatchResult[] Results { get; }
            public Task? Task { get; set; }
            public MiloApiException? Fatal { get; set; }
            public int FatalIndex { get; set; }
            /// <summary>Given up on (the import was stopped): whatever the task learns later is not written.</summary>
            public bool Abandoned { get; set; }
        }
    }
}

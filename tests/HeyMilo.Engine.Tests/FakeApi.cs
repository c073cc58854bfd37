using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Models;
using HeyMilo.Import;

namespace HeyMilo.Engine.Tests
{
    /// <summary>
    /// A stand-in for the bulk ingestion endpoint: records every request (the emails it carried) and answers
    /// with what the test scripted for it — an interview per candidate by default, or an exception. A request
    /// may also be held until the test releases it.
    /// </summary>
    internal sealed class FakeApi
    {
        private readonly ConcurrentQueue<IReadOnlyList<string>> _requests = new ConcurrentQueue<IReadOnlyList<string>>();
        private readonly Func<int, IReadOnlyList<CandidateIngestItem>, Task<IReadOnlyList<IngestedCandidate>>?>? _script;
        private int _count;

        /// <param name="script">Given the request's 1-based number and its candidates: a task to answer with, or null for the default answer.</param>
        public FakeApi(Func<int, IReadOnlyList<CandidateIngestItem>, Task<IReadOnlyList<IngestedCandidate>>?>? script = null) => _script = script;

        public IReadOnlyList<IReadOnlyList<string>> Requests => _requests.ToArray();

        public CandidateImportTarget Target(string postingId = "pst_test") =>
            new CandidateImportTarget("posting " + postingId, SendAsync, postingId: postingId);

        private int _inFlight;

        /// <summary>The most requests that were in flight at once.</summary>
        public int MaxInFlight { get; private set; }

        /// <summary>"start 1", "end 1", … in the order they happened.</summary>
        public ConcurrentQueue<string> Events { get; } = new ConcurrentQueue<string>();

        private async Task<IReadOnlyList<IngestedCandidate>> SendAsync(IReadOnlyList<CandidateIngestItem> items, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _count);
            lock (Events)
            {
                Events.Enqueue("start " + n);
                MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            }
            _requests.Enqueue(items.Select(i => i.Email).ToList());
            try
            {
                return await (_script?.Invoke(n, items) ?? Task.FromResult(Answer(items))).ConfigureAwait(false);
            }
            finally
            {
                lock (Events)
                {
                    _inFlight--;
                    Events.Enqueue("end " + n);
                }
            }
        }

        public static IReadOnlyList<IngestedCandidate> Answer(IReadOnlyList<CandidateIngestItem> items) =>
            items.Select(i => new IngestedCandidate("int_" + i.Email, "https://i.example/" + i.Email, null)).ToList();

        public static MiloApiException Error(int status, string message = "failed", IReadOnlyList<MiloFieldError>? fields = null) =>
            new MiloApiException(MiloFailureKind.HttpError, message, "POST", "/api/v2/postings/pst_test/candidates/bulk", status, fieldErrors: fields);

        public static Task<IReadOnlyList<IngestedCandidate>> Fail(MiloApiException ex) => Task.FromException<IReadOnlyList<IngestedCandidate>>(ex);
    }

    /// <summary>Runs an importer the way the cmdlet does, with every batch approved, and collects the outcomes.</summary>
    internal sealed class Driver
    {
        private readonly CandidateImporter _importer;
        private readonly bool _serial;

        public Driver(CandidateImporter importer, bool serial = false)
        {
            _importer = importer;
            _serial = serial;
        }

        public List<CandidateOutcome> Outcomes { get; } = new List<CandidateOutcome>();
        public List<string> Warnings { get; } = new List<string>();
        public Func<int, bool> Approve { get; set; } = _ => true;

        public static CandidateRow Row(long number, params (string Column, string Value)[] cells) =>
            new CandidateRow(number, cells.Select(c => new KeyValuePair<string, string>(c.Column, c.Value)).ToList(), "source " + number);

        public static IEnumerable<CandidateRow> Rows(int count, int start = 1) =>
            Enumerable.Range(start, count).Select(i => Row(i, ("Name", "Candidate " + i), ("Email", $"c{i}@example.com")));

        public Driver Import(IEnumerable<CandidateRow> rows)
        {
            foreach (var row in rows)
            {
                if (_importer.Add(row) is string warning) Warnings.Add(warning);
                Drive(drain: _serial);
            }
            _importer.EndOfInput();
            Drive(drain: true);
            return this;
        }

        public void Drive(bool drain)
        {
            while (true)
            {
                _importer.Settle();
                Outcomes.AddRange(_importer.TakeReady());
                if (_importer.Fatal != null && _importer.InFlight == 0) return;
                switch (_importer.Next(drain))
                {
                    case ImportStep.Send:
                        if (Approve(_importer.ReadyCount)) _importer.Send(CancellationToken.None); else _importer.Decline();
                        break;
                    case ImportStep.Wait:
                        _importer.WhenAnyDone(CancellationToken.None).GetAwaiter().GetResult();
                        break;
                    default:
                        return;
                }
            }
        }
    }
}

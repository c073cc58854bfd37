using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;
using HeyMilo.Client.Models;

namespace HeyMilo.Import
{
    /// <summary>Where an import sends its batches: a v2 posting, or a legacy ingestion key.</summary>
    internal sealed class CandidateImportTarget
    {
        private readonly Func<IReadOnlyList<CandidateIngestItem>, CancellationToken, Task<IReadOnlyList<IngestedCandidate>>> _send;

        public CandidateImportTarget(string description, Func<IReadOnlyList<CandidateIngestItem>, CancellationToken, Task<IReadOnlyList<IngestedCandidate>>> send,
            string? postingId = null, string? ingestionKey = null, bool retake = false, bool queued = false)
        {
            Description = description;
            _send = send;
            PostingId = postingId;
            IngestionKey = ingestionKey;
            Retake = retake;
            Queued = queued;
        }

        /// <summary>POST /api/v2/postings/{id}/candidates/bulk. The client is asked for at the first request (after ShouldProcess).</summary>
        public static CandidateImportTarget Posting(Func<HeyMiloClient> client, string postingId) =>
            new CandidateImportTarget("posting " + postingId, (items, ct) => client().IngestCandidatesAsync(postingId, items, ct), postingId: postingId);

        /// <summary>POST /api/v2/postings/{id}/candidates/bulk/async: each batch is queued as one ingestion job.</summary>
        public static CandidateImportTarget PostingQueued(Func<HeyMiloClient> client, string postingId) =>
            new CandidateImportTarget("posting " + postingId, (items, ct) => client().QueueCandidatesAsync(postingId, items, ct), postingId: postingId, queued: true);

        /// <summary>Legacy POST /ingest/x/bulk/{key} (or /ingest/x/{key} for one candidate).</summary>
        public static CandidateImportTarget Legacy(Func<HeyMiloClient> client, string ingestionKey, bool retake) =>
            new CandidateImportTarget("ingestion key " + ingestionKey, (items, ct) => client().IngestCandidatesLegacyAsync(ingestionKey, items, retake, ct),
                ingestionKey: ingestionKey, retake: retake);

        /// <summary>"posting pst_1" or "ingestion key abc": for messages.</summary>
        public string Description { get; }
        public string? PostingId { get; }
        public string? IngestionKey { get; }
        /// <summary>Legacy with retake: every request creates new interviews, so a repeat is never harmless.</summary>
        public bool Retake { get; }
        /// <summary>Batches are queued jobs (-Async): rows get the job's ingestion id, interviews come later.</summary>
        public bool Queued { get; }

        public Task<IReadOnlyList<IngestedCandidate>> SendAsync(IReadOnlyList<CandidateIngestItem> items, CancellationToken ct) => _send(items, ct);
    }
}

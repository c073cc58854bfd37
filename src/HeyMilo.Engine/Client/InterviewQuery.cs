using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Client
{
    /// <summary>
    /// What Get-MiloInterview asks for, as one engine service: which API (v2 or legacy), the server-side
    /// date filters, the client-side status filter (the API has none), the page size, and the result
    /// fetch by interview id.
    /// </summary>
    internal sealed class InterviewQuery
    {
        private readonly HeyMiloClient _client;
        private HashSet<string>? _statuses;

        public InterviewQuery(HeyMiloClient client, bool legacy)
        {
            _client = client;
            Legacy = legacy;
        }

        public bool Legacy { get; }

        /// <summary>Server-side bounds on created_at (v2 only; the legacy listing has none).</summary>
        public HeyMiloClient.InterviewFilter? Filter { get; set; }

        public int PageSize { get; set; } = HeyMiloClient.MaxPageSize;

        /// <summary>Statuses to keep (case-insensitive); null or empty keeps every interview.</summary>
        public string[]? Statuses
        {
            get => _statuses is null ? null : new List<string>(_statuses).ToArray();
            set => _statuses = value is { Length: > 0 } ? new HashSet<string>(value, StringComparer.OrdinalIgnoreCase) : null;
        }

        /// <summary>One posting's interviews, lazily, at most <paramref name="maxItems"/> of them (before the status filter).</summary>
        public IAsyncEnumerable<Interview> List(string postingId, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            Legacy
                ? _client.ListLegacyInterviewsAsync(postingId, PageSize, maxItems, onTotal, ct)
                : _client.ListInterviewsAsync(postingId, Filter, PageSize, maxItems, onTotal, ct);

        /// <summary>The status filter, applied as the listing streams.</summary>
        public IEnumerable<Interview> Select(IEnumerable<Interview> listing)
        {
            foreach (var interview in listing)
                if (Keeps(interview)) yield return interview;
        }

        public bool Keeps(InterviewBase interview) => _statuses is null || _statuses.Contains(interview.Status);

        /// <summary>Full results of one interview: GET /api/v2/interviews/{id}/data, or the legacy GET /interview/{id}.</summary>
        public Task<InterviewData> GetDataAsync(string interviewId, CancellationToken ct) =>
            Legacy ? _client.GetLegacyInterviewAsync(interviewId, ct) : _client.GetInterviewDataAsync(interviewId, ct);
    }
}

using System.Collections.Concurrent;

namespace HeyMilo.Simulator;

/// <summary>One request as the simulator received it. Status is filled in once the answer is decided.</summary>
public sealed class RecordedRequest
{
    public long Sequence { get; init; }
    /// <summary>Simulator clock time at arrival.</summary>
    public DateTimeOffset Time { get; init; }
    public string Method { get; init; } = "";
    public string Path { get; init; } = "";
    /// <summary>The raw query string with its leading '?', or "".</summary>
    public string Query { get; init; } = "";
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = Array.Empty<KeyValuePair<string, string>>();
    public string Body { get; init; } = "";
    /// <summary>The Host header.</summary>
    public string Host { get; init; } = "";
    /// <summary>The X-API-KEY header, or null when none was sent.</summary>
    public string? ApiKey { get; init; }
    /// <summary>Kestrel's id of the TCP connection it came on: equal ids mean a kept-alive connection was reused.</summary>
    public string ConnectionId { get; init; } = "";
    public int Status { get; internal set; }
    /// <summary>The client went away (or the simulator cut the connection) before an answer.</summary>
    public bool Aborted { get; internal set; }

    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} -> {Status}{(Aborted ? " (aborted)" : "")}";
}

/// <summary>Every request the simulator received, in arrival order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private long _sequence;

    /// <summary>Raised as a request arrives, before it is answered (on the server's thread).</summary>
    public event Action<RecordedRequest>? Recorded;

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        Recorded?.Invoke(request);
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => _requests.ToArray();

    public int Count(Func<RecordedRequest, bool> predicate) => _requests.Count(predicate);

    public void Clear() => _requests.Clear();

    /// <summary>
    /// The most requests of one key the simulator let through (not 401, not 429) within any span of
    /// <paramref name="window"/> on its clock: what a server-side sliding-window limiter would count.
    /// </summary>
    public int MaxAcceptedInAnyWindow(string apiKey, TimeSpan window)
    {
        var times = _requests
            .Where(r => r.ApiKey == apiKey && r.Status != 401 && r.Status != 429)
            .Select(r => r.Time)
            .OrderBy(t => t)
            .ToList();
        var best = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window) start++;
            best = Math.Max(best, end - start + 1);
        }
        return best;
    }
}

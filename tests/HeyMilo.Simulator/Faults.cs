namespace HeyMilo.Simulator;

/// <summary>
/// A misbehaviour to inject. Without AfterHandler the request is not processed at all (nothing is
/// created or changed); with it the request is processed and then its answer is replaced.
/// A fault with none of Status, Hang, AbortConnection, CloseConnection, MalformedJson, TruncatedJson or CutShortWithoutLength only adds Delay.
/// </summary>
public sealed class Fault
{
    /// <summary>The status to answer with (0: keep the real one).</summary>
    public int Status { get; set; }
    /// <summary>The body to answer with; by default an error body that fits Status.</summary>
    public string? Body { get; set; }
    public int? RetryAfterSeconds { get; set; }
    /// <summary>Retry-After as an HTTP date (RFC 1123), sent verbatim.</summary>
    public string? RetryAfterHttpDate { get; set; }
    /// <summary>Real time to wait before answering.</summary>
    public TimeSpan Delay { get; set; }
    /// <summary>Never answer: hold the request until the client gives up or the simulator stops.</summary>
    public bool Hang { get; set; }
    /// <summary>Drop the connection without an answer (a reset: the client's read fails).</summary>
    public bool AbortConnection { get; set; }
    /// <summary>
    /// Close the connection cleanly (TCP FIN) without an answer, as a server or proxy closing a kept-alive
    /// connection does: the client reads end-of-stream before any response byte.
    /// </summary>
    public bool CloseConnection { get; set; }
    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public bool MalformedJson { get; set; }
    /// <summary>Process the request, send half of its real body (JSON or binary) with the full Content-Length, then drop the connection.</summary>
    public bool TruncatedJson { get; set; }
    /// <summary>
    /// Process the request, send the first half of its real body without Content-Length and end the
    /// response by closing the connection: a reader that reads to the end sees a body that looks complete.
    /// </summary>
    public bool CutShortWithoutLength { get; set; }
    /// <summary>
    /// Process the request, send the headers (full Content-Length) and the first this-many bytes of its real
    /// body, then stall: send nothing more until the client gives up or the simulator stops.
    /// </summary>
    public int? StallAfterBytes { get; set; }
    /// <summary>Process the request and send its real body one byte at a time, this much real time apart.</summary>
    public TimeSpan DripInterval { get; set; }
    /// <summary>Answer 200 with a valid JSON list envelope of this many bytes (padded), streamed in 1 MB chunks.</summary>
    public long? OversizeBytes { get; set; }
    /// <summary>With OversizeBytes: send no Content-Length (chunked), so only counting the bytes can catch it.</summary>
    public bool OversizeWithoutLength { get; set; }
    /// <summary>Called once the stalled or dripping body has started (its first bytes are flushed to the client).</summary>
    public Action? BodyStarted { get; set; }
    /// <summary>Headers set on the real answer after it was decided (e.g. X-RateLimit-Remaining: 0 with a far reset).</summary>
    public Dictionary<string, string>? Headers { get; set; }
    /// <summary>Process the request first (its side effects happen), then replace the answer.</summary>
    public bool AfterHandler { get; set; }
    /// <summary>Only requests whose raw query string contains this text.</summary>
    public string? QueryContains { get; set; }
    /// <summary>Only requests whose body contains this text (one batch among several in flight).</summary>
    public string? BodyContains { get; set; }

    internal bool OnlyDelays => Status == 0 && !Hang && !AbortConnection && !CloseConnection && !MalformedJson && !TruncatedJson && !ShapesRealBody && OversizeBytes is null;

    /// <summary>Faults that send the real answer badly: the request is processed first.</summary>
    internal bool ShapesRealBody => TruncatedJson || CutShortWithoutLength || StallAfterBytes.HasValue || DripInterval > TimeSpan.Zero;
}

/// <summary>Faults waiting for matching requests, each for a number of times, first added first used.</summary>
public sealed class FaultInjector
{
    private sealed class Entry
    {
        public required string Method;
        public required string[] Pattern;
        public required Fault Fault;
        public int Remaining;
    }

    private readonly List<Entry> _entries = new();

    /// <summary>
    /// Injects <paramref name="fault"/> into the next <paramref name="times"/> requests of
    /// <paramref name="method"/> on <paramref name="pathPattern"/> (the exact path; '*' stands for one segment).
    /// </summary>
    public void Add(string method, string pathPattern, Fault fault, int times = 1)
    {
        if (times < 1) throw new ArgumentOutOfRangeException(nameof(times));
        lock (_entries)
            _entries.Add(new Entry { Method = method.ToUpperInvariant(), Pattern = Segments(pathPattern), Fault = fault, Remaining = times });
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }

    /// <summary>How many injections are still waiting.</summary>
    public int Pending
    {
        get
        {
            lock (_entries) return _entries.Sum(e => e.Remaining);
        }
    }

    internal Fault? Take(string method, string path, string query, string body = "")
    {
        var segments = Segments(path);
        lock (_entries)
        {
            foreach (var entry in _entries)
            {
                if (entry.Method != method.ToUpperInvariant() || !Matches(entry.Pattern, segments)) continue;
                if (entry.Fault.QueryContains is { } text && !query.Contains(text, StringComparison.Ordinal)) continue;
                if (entry.Fault.BodyContains is { } part && !body.Contains(part, StringComparison.Ordinal)) continue;
                if (--entry.Remaining == 0) _entries.Remove(entry);
                return entry.Fault;
            }
        }
        return null;
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(string[] pattern, string[] path) =>
        pattern.Length == path.Length && pattern.Zip(path).All(p => p.First == "*" || string.Equals(p.First, p.Second, StringComparison.Ordinal));
}

namespace HeyMilo.Simulator;

/// <summary>What the simulator pretends to be: its keys, its data, its limits and its clock.</summary>
public sealed class SimulatorOptions
{
    /// <summary>API keys it accepts in X-API-KEY.</summary>
    public string[] ApiKeys { get; set; } = { "sim-key-0001" };

    /// <summary>Postings made up at start.</summary>
    public int Postings { get; set; } = 25;

    /// <summary>Candidates (interviews) of every posting but the first.</summary>
    public int CandidatesPerPosting { get; set; } = 10;

    /// <summary>Candidates of the first posting: more than one page of 100, so exports and listings page.</summary>
    public int BusyPostingCandidates { get; set; } = 150;

    /// <summary>Webhooks made up at start (on the first postings).</summary>
    public int Webhooks { get; set; } = 3;

    /// <summary>Seed of the made-up data: the same seed gives the same workspace.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Requests per key in a sliding window of <see cref="RateLimitWindow"/> (60 s: per minute); 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; set; } = 300;

    /// <summary>The rate-limit window (X-RateLimit-Reset counts down to its end for the oldest request in it). The document's is 60 s.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The simulator's clock (rate-limit window, created_at of new objects). Tests share the module's fake clock.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Real time added to every API answer (the demo and benchmarks; tests leave it at zero).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>How many looks at a legacy export job it takes before the file is ready.</summary>
    public int ExportJobPollsUntilReady { get; set; } = 2;

    /// <summary>Host name in export file URLs: another name for this server, so the download is a different host than the API.</summary>
    public string ExportFileHost { get; set; } = "localhost";

    /// <summary>
    /// A cursor that steps back: each page after the first starts this many items before the item after
    /// the cursor, so that many items come twice (0: honest paging). Read per request, so a test may set it.
    /// </summary>
    public int CursorStepsBack { get; set; }

    /// <summary>
    /// Every cursor listing claims has_more: false once this many items were listed (the page is cut there),
    /// while total_count still counts them all (null: honest). Read per request.
    /// </summary>
    public int? HasMoreFalseAfter { get; set; }

    /// <summary>Where to listen; port 0 picks a free one. Only loopback addresses are accepted.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}

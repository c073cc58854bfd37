namespace HeyMilo.Simulator;

/// <summary>The server's limit: at most N accepted requests per key in any window (60 s unless set) of the simulator clock.</summary>
internal sealed class SlidingWindowLimit
{
    private readonly TimeSpan Window;
    private readonly int _limit;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);

    public SlidingWindowLimit(int limit, TimeSpan window)
    {
        _limit = limit;
        Window = window;
    }

    public bool Enabled => _limit > 0;

    /// <summary>
    /// Takes a slot for the key, or says how long until one frees up. The time is read inside the lock, so the
    /// log stays in order and the reset it announces never exceeds the window (a request stamped before one that
    /// got the lock first would say "resets in 4 s" of a 3 s window).
    /// </summary>
    public (bool Accepted, int Limit, int Remaining, int ResetSeconds) TryAcquire(string key, Func<DateTimeOffset> clock)
    {
        lock (_accepted)
        {
            var now = clock();
            if (!_accepted.TryGetValue(key, out var times)) _accepted[key] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && now - times.Peek() >= Window) times.Dequeue();
            var accepted = times.Count < _limit;
            if (accepted) times.Enqueue(now);
            var reset = times.Count == 0 ? 0 : (int)Math.Ceiling((times.Peek() + Window - now).TotalSeconds);
            return (accepted, _limit, _limit - times.Count, Math.Max(reset, accepted ? 0 : 1));
        }
    }
}

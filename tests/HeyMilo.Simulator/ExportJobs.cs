namespace HeyMilo.Simulator;

/// <summary>The legacy server-side export: a job per posting that is ready after a few looks, and its file.</summary>
internal sealed class ExportJobs
{
    internal sealed class Job
    {
        public required string Id;
        public int Looks;
        public bool Ready;
        public string? File;
    }

    private readonly int _looksUntilReady;
    private readonly Dictionary<string, Job> _runningByPosting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Job> _byId = new(StringComparer.Ordinal);
    private int _sequence;

    public ExportJobs(int looksUntilReady) => _looksUntilReady = Math.Max(1, looksUntilReady);

    /// <summary>Starts or advances the posting's job; the file content is taken when it becomes ready.</summary>
    public Job Look(SimPosting posting, Func<string> content)
    {
        lock (_byId)
        {
            if (!_runningByPosting.TryGetValue(posting.Id, out var job))
            {
                job = new Job { Id = $"job_{++_sequence:D6}" };
                _runningByPosting[posting.Id] = job;
                _byId[job.Id] = job;
            }
            if (++job.Looks >= _looksUntilReady)
            {
                job.Ready = true;
                job.File = content();
                _runningByPosting.Remove(posting.Id);
            }
            return job;
        }
    }

    public string? File(string jobId)
    {
        lock (_byId) return _byId.TryGetValue(jobId, out var job) ? job.File : null;
    }
}

using System.Text.Json.Nodes;

namespace HeyMilo.Simulator;

internal sealed partial class SimPosting
{
    public required int Index;
    public required string Id;
    public required string Title;
    public required string Name;
    public required string IngestionKey;
    public required long CreatedAt;
    public long UpdatedAt;
    public string Status = "active";
    public bool Archived = false;
    public bool Finalized = true;
    public JsonObject? AtsMetadata;
    public readonly List<SimCandidate> Candidates = new();
}

internal sealed class SimCandidate
{
    public required string InterviewId;
    public required string CandidateId;
    public required SimPosting Posting;
    public required string Name;
    public required string Email;
    public string? Phone;
    public string Status = "pending";
    public double? Score;
    public required long CreatedAt;
    public long? InterviewedAt;
    public JsonObject? Metadata;
    public JsonObject? Data;
    public bool Ingested;
}

internal sealed class SimWebhook
{
    public required string Id;
    public required string PostingId;
    public required string Url;
    public required string EventType;
    public string HttpMethod = "post";
    public bool IsActive = true;
    public required long CreatedAt;
    public long UpdatedAt;
}

/// <summary>
/// The simulated workspace: postings, their candidates (interviews) and webhooks, made up
/// deterministically from the seed. Ids sort in creation order, which is also list order.
/// Every member takes the one lock, so handlers and tests can use it from any thread.
/// </summary>
public sealed partial class SimulatorData
{
    /// <summary>2026-01-05T09:00:00Z: the made-up workspace's first day.</summary>
    internal const long Epoch = 1767603600;

    internal static readonly string[] Statuses = { "pending", "in_progress", "evaluating", "completed", "shortlisted", "dismissed", "knocked_out" };
    internal static readonly string[] EventTypes = { "interview_started", "interview_completed", "report_available", "candidate_ingested" };

    private static readonly string[] Titles =
    {
        "Software Engineer", "Senior Software Engineer", "Data Engineer", "Product Manager", "Customer Success Manager",
        "Account Executive", "Recruiter", "Warehouse Associate", "Registered Nurse", "Site Reliability Engineer",
        "UX Designer", "Sales Development Representative", "Financial Analyst", "Support Engineer", "Store Manager",
    };
    private static readonly string[] FirstNames = { "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Tim", "Radia", "Ken", "Frances" };
    private static readonly string[] LastNames = { "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Berners-Lee", "Perlman", "Thompson", "Allen" };

    internal readonly object Gate = new();
    private readonly Func<DateTimeOffset> _clock;
    private readonly Random _random;
    private readonly List<SimPosting> _postings = new();
    private readonly Dictionary<string, SimPosting> _postingsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimCandidate> _candidatesById = new(StringComparer.Ordinal);
    private readonly List<SimWebhook> _webhooks = new();
    private int _candidateSequence;
    private int _webhookSequence;

    internal SimulatorData(SimulatorOptions options)
    {
        _clock = options.Clock;
        _random = new Random(options.Seed);
        for (var i = 0; i < options.Postings; i++)
        {
            var posting = NewPosting(Titles[i % Titles.Length] + (i >= Titles.Length ? " " + (i / Titles.Length + 1) : ""), Epoch + i * 86_400L);
            AddSeededCandidates(posting, i == 0 ? options.BusyPostingCandidates : options.CandidatesPerPosting);
        }
        for (var i = 0; i < options.Webhooks && _postings.Count > 0; i++)
        {
            var posting = _postings[i % Math.Min(2, _postings.Count)];
            NewWebhook(posting.Id, $"https://hooks.example.com/heymilo/{i + 1}", EventTypes[i % 3], Epoch + 3600 + i);
        }
        Catalog = new CatalogData(options.Seed, PostingIds);
    }

    /// <summary>Templates, domains, voices, phone numbers and sender emails: read-only, from the same seed.</summary>
    public CatalogData Catalog { get; }

    // ---- what tests and benchmarks ask -------------------------------------------------------

    public IReadOnlyList<string> PostingIds
    {
        get { lock (Gate) return _postings.Select(p => p.Id).ToList(); }
    }

    public string IngestionKeyOf(string postingId)
    {
        lock (Gate) return _postingsById[postingId].IngestionKey;
    }

    /// <summary>The interview ids of a posting in list order.</summary>
    public IReadOnlyList<string> CandidateInterviewIds(string postingId)
    {
        lock (Gate) return _postingsById[postingId].Candidates.Select(c => c.InterviewId).ToList();
    }

    public int CandidateCount(string postingId)
    {
        lock (Gate) return _postingsById[postingId].Candidates.Count;
    }

    public IReadOnlyList<string> WebhookIds
    {
        get { lock (Gate) return _webhooks.Select(w => w.Id).ToList(); }
    }

    /// <summary>Candidates created by ingestion (not the made-up ones) in a posting.</summary>
    public int IngestedCount(string postingId)
    {
        lock (Gate) return _postingsById[postingId].Candidates.Count(c => c.Ingested);
    }

    public IReadOnlyList<string> IngestedEmails(string postingId)
    {
        lock (Gate) return _postingsById[postingId].Candidates.Where(c => c.Ingested).Select(c => c.Email).ToList();
    }

    /// <summary>A posting synced from an ATS: its clones start as drafts that need activating.</summary>
    public string AddAtsPosting(string title)
    {
        lock (Gate)
        {
            var posting = NewPosting(title, _clock().ToUnixTimeSeconds());
            posting.AtsMetadata = new JsonObject { ["ats_job_id"] = "WK-" + (10000 + posting.Index), ["ats_name"] = "workable", ["source"] = "job_sync" };
            return posting.Id;
        }
    }

    public IReadOnlyList<string> AddPostings(int count)
    {
        lock (Gate)
            return Enumerable.Range(0, count).Select(i => NewPosting(Titles[(_postings.Count) % Titles.Length], _clock().ToUnixTimeSeconds()).Id).ToList();
    }

    public IReadOnlyList<string> AddCandidates(string postingId, int count)
    {
        lock (Gate)
        {
            var posting = _postingsById[postingId];
            var before = posting.Candidates.Count;
            AddSeededCandidates(posting, count);
            return posting.Candidates.Skip(before).Select(c => c.InterviewId).ToList();
        }
    }

    public void SetInterviewStatus(string interviewId, string status)
    {
        if (!Statuses.Contains(status)) throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        lock (Gate)
        {
            var candidate = _candidatesById[interviewId];
            candidate.Status = status;
            candidate.Score = IsScored(status) ? candidate.Score ?? 70 : null;
            candidate.InterviewedAt = IsScored(status) ? candidate.InterviewedAt ?? candidate.CreatedAt + 7200 : null;
        }
    }

    // ---- what the API handlers use (callers hold Gate) -------------------------------------

    internal IReadOnlyList<SimPosting> Postings => _postings;
    internal IReadOnlyList<SimWebhook> Webhooks => _webhooks;

    internal SimPosting? Posting(string id) => _postingsById.GetValueOrDefault(id);

    internal SimPosting? PostingByIngestionKey(string key) => _postings.FirstOrDefault(p => p.IngestionKey == key);

    internal SimCandidate? Candidate(string interviewId) => _candidatesById.GetValueOrDefault(interviewId);

    internal SimWebhook? Webhook(string id) => _webhooks.FirstOrDefault(w => w.Id == id);

    internal long Now() => _clock().ToUnixTimeSeconds();

    internal SimPosting NewPosting(string title, long createdAt)
    {
        var index = _postings.Count;
        var posting = new SimPosting
        {
            Index = index,
            Id = $"pst_{index + 1:D5}{_random.Next(0x10000):x4}",
            Title = title,
            Name = Slug(title) + "-" + (index + 1),
            IngestionKey = "ik_" + Convert.ToHexString(BitConverter.GetBytes(_random.NextInt64())).ToLowerInvariant() + (index + 1),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        _postings.Add(posting);
        _postingsById.Add(posting.Id, posting);
        return posting;
    }

    internal SimCandidate NewCandidate(SimPosting posting, string name, string email, long createdAt)
    {
        var n = ++_candidateSequence;
        var candidate = new SimCandidate
        {
            InterviewId = $"int_{n:D7}{_random.Next(0x10000):x4}",
            CandidateId = $"cand_{n:D7}",
            Posting = posting,
            Name = name,
            Email = email,
            CreatedAt = createdAt,
        };
        posting.Candidates.Add(candidate);
        _candidatesById.Add(candidate.InterviewId, candidate);
        return candidate;
    }

    internal SimWebhook NewWebhook(string postingId, string url, string eventType, long createdAt)
    {
        var webhook = new SimWebhook
        {
            Id = $"wh_{++_webhookSequence:D5}{_random.Next(0x10000):x4}",
            PostingId = postingId,
            Url = url,
            EventType = eventType,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        _webhooks.Add(webhook);
        return webhook;
    }

    internal static bool IsScored(string status) => status is "completed" or "shortlisted" or "dismissed" or "knocked_out";

    private void AddSeededCandidates(SimPosting posting, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[_random.Next(FirstNames.Length)];
            var last = LastNames[_random.Next(LastNames.Length)];
            var createdAt = posting.CreatedAt + 600L * (posting.Candidates.Count + 1);
            var candidate = NewCandidate(posting, first + " " + last, $"{first}.{last}.{_candidateSequence + 1}@seeded.example.org".ToLowerInvariant(), createdAt);
            var roll = _random.Next(100);
            candidate.Status = roll < 45 ? "completed" : roll < 60 ? "shortlisted" : roll < 70 ? "pending" : roll < 80 ? "in_progress" : roll < 85 ? "evaluating" : roll < 93 ? "dismissed" : "knocked_out";
            candidate.Phone = roll % 3 == 0 ? null : "+1206555" + (1000 + _random.Next(9000));
            if (IsScored(candidate.Status))
            {
                candidate.Score = Math.Round(40 + _random.NextDouble() * 60, 1);
                candidate.InterviewedAt = createdAt + 3600 + _random.Next(86_400);
            }
        }
    }

    private static string Slug(string title) =>
        string.Concat(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}

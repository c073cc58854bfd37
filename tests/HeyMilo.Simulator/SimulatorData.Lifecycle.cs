using System.Text.Json.Nodes;

namespace HeyMilo.Simulator;

/// <summary>An ATS integration of the workspace (AtsConnection).</summary>
internal sealed class SimAtsConnection
{
    public required string IntegrationId;
    public required string Provider;
    public required string Source;
    public required string DisplayName;
    public bool IsActive = true;
    public required long CreatedAt;
}

/// <summary>A candidate record inside a connected ATS (CandidateMatch).</summary>
internal sealed class SimAtsCandidate
{
    public required string Provider;
    public required string AtsCandidateId;
    public string? FirstName;
    public string? LastName;
    public string? Email;
    public string? Phone;
    public string Status = "Active";
}

/// <summary>A queued candidate push (QueueItemStatus). Its status moves on each time it is read.</summary>
internal sealed class SimAtsPush
{
    public required string ItemId;
    public required string Provider;
    public required JsonObject Request;
    public required long CreatedAt;
    public long UpdatedAt;
    public int Reads;
    public string Status = "pending";
    public int RetryCount { get; init; }   // the simulator never retries a push: always 0
    public readonly JsonArray FailureInstances = new();
    public JsonObject? SuccessDetails;
}

/// <summary>An interview template's blueprint: what createPosting with interview_template_id copies.</summary>
internal sealed class SimPostingTemplate
{
    public required string Id;
    public required string BlueprintPostingId;
    /// <summary>Set when the blueprint is ATS-derived: the new posting starts as a draft pending activation.</summary>
    public JsonObject? AtsMetadata;
}

/// <summary>An accepted async ingestion job and the interviews it made.</summary>
internal sealed class SimIngestion
{
    public required string Id;
    public required string PostingId;
    public required List<string> InterviewIds;
}

public sealed partial class SimulatorData
{
    /// <summary>Providers the ATS candidate endpoints serve ("Only Bullhorn and Avionte are currently supported").</summary>
    internal static readonly string[] AtsPushProviders = { "bullhorn", "avionte" };

    /// <summary>Status reads after which a push is finished: read 1 pending, read 2 processing, read 3 completed or failed.</summary>
    internal const int AtsPushReadsUntilDone = 3;

    private readonly List<SimAtsConnection> _atsConnections = new()
    {
        new SimAtsConnection { IntegrationId = "atsint_bullhorn_0001", Provider = "bullhorn", Source = "native", DisplayName = "Bullhorn (Acme Staffing)", CreatedAt = Epoch - 30 * 86_400L },
        new SimAtsConnection { IntegrationId = "atsint_workable_0002", Provider = "workable", Source = "kombo", DisplayName = "Workable", CreatedAt = Epoch - 20 * 86_400L },
    };

    private readonly List<SimAtsCandidate> _atsCandidates = new()
    {
        new SimAtsCandidate { Provider = "bullhorn", AtsCandidateId = "BH-100001", FirstName = "Jane", LastName = "Doe", Email = "jane.doe@example.com", Phone = "+12065551234" },
        new SimAtsCandidate { Provider = "bullhorn", AtsCandidateId = "BH-100002", FirstName = "John", LastName = "Roe", Email = "john.roe@example.com", Phone = null, Status = "Placed" },
        new SimAtsCandidate { Provider = "bullhorn", AtsCandidateId = "BH-100003", FirstName = "Jane", LastName = "Doe", Email = "j.doe@example.org", Phone = null },
    };

    private readonly Dictionary<string, SimAtsPush> _atsPushes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimIngestion> _ingestions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimPostingTemplate> _postingTemplates = new(StringComparer.Ordinal);
    private int _atsPushSequence;
    private int _atsCandidateSequence = 100003;
    private int _ingestionSequence;
    private int _templateSequence;

    // ---- what tests ask ------------------------------------------------------------------------

    public IReadOnlyList<string> AtsConnectionIds
    {
        get { lock (Gate) return _atsConnections.Select(c => c.IntegrationId).ToList(); }
    }

    /// <summary>The active question ids of a posting, in list order (optionally of one modality).</summary>
    public IReadOnlyList<string> QuestionIds(string postingId, string? modality = null)
    {
        lock (Gate) return _postingsById[postingId].ActiveQuestions(modality).Select(q => q.Id).ToList();
    }

    /// <summary>The posting's status, archived flag and ats_metadata.pending_activation (null when not ATS-derived).</summary>
    public (string Status, bool Archived, bool? PendingActivation) PostingState(string postingId)
    {
        lock (Gate)
        {
            var p = _postingsById[postingId];
            return (p.Status, p.Archived, p.AtsMetadata?["pending_activation"]?.GetValue<bool>());
        }
    }

    public IReadOnlyDictionary<string, string> InterviewMetadata(string interviewId)
    {
        lock (Gate)
            return (_candidatesById[interviewId].Metadata ?? new JsonObject()).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "");
    }

    /// <summary>The interviews an async ingestion made.</summary>
    public IReadOnlyList<string> IngestionInterviewIds(string ingestionId)
    {
        lock (Gate) return _ingestions[ingestionId].InterviewIds.ToList();
    }

    /// <summary>An interview template whose blueprint is <paramref name="blueprintPostingId"/>; with an ATS name it is ATS-derived.</summary>
    public string AddInterviewTemplate(string blueprintPostingId, string? atsName = null)
    {
        lock (Gate)
        {
            SeedPostingTemplates();
            return NewPostingTemplate(blueprintPostingId, atsName).Id;
        }
    }

    public IReadOnlyList<string> AtsCandidateEmails(string provider)
    {
        lock (Gate) return _atsCandidates.Where(c => c.Provider == provider).Select(c => c.Email ?? "").ToList();
    }

    // ---- what the API handlers use (callers hold Gate) -------------------------------------

    internal IReadOnlyList<SimAtsConnection> AtsConnections => _atsConnections;

    internal IReadOnlyList<SimAtsCandidate> AtsCandidates => _atsCandidates;

    internal SimAtsPush? AtsPush(string itemId) => _atsPushes.GetValueOrDefault(itemId);

    internal SimAtsPush NewAtsPush(string provider, JsonObject request)
    {
        var now = Now();
        var push = new SimAtsPush { ItemId = $"atsq_{++_atsPushSequence:D6}", Provider = provider, Request = request, CreatedAt = now, UpdatedAt = now };
        _atsPushes.Add(push.ItemId, push);
        return push;
    }

    internal SimAtsCandidate NewAtsCandidate(string provider, string? first, string? last, string? email, string? phone)
    {
        var prefix = provider == "bullhorn" ? "BH" : "AV";
        var candidate = new SimAtsCandidate { Provider = provider, AtsCandidateId = $"{prefix}-{++_atsCandidateSequence}", FirstName = first, LastName = last, Email = email, Phone = phone };
        _atsCandidates.Add(candidate);
        return candidate;
    }

    internal SimIngestion NewIngestion(string postingId, List<string> interviewIds)
    {
        var ingestion = new SimIngestion { Id = $"intake_{++_ingestionSequence:D6}", PostingId = postingId, InterviewIds = interviewIds };
        _ingestions.Add(ingestion.Id, ingestion);
        return ingestion;
    }

    /// <summary>
    /// Interview templates createPosting can start from. Two are there from the start: IT_sim0001 (blueprint:
    /// the first posting) and IT_sim0002 (blueprint: the second posting, ATS-derived from Bullhorn).
    /// </summary>
    internal SimPostingTemplate? PostingTemplate(string id)
    {
        SeedPostingTemplates();
        return _postingTemplates.GetValueOrDefault(id);
    }

    private void SeedPostingTemplates()
    {
        if (_templateSequence > 0 || _postings.Count < 2) return;
        NewPostingTemplate(_postings[0].Id, null);
        NewPostingTemplate(_postings[1].Id, "bullhorn");
    }

    private SimPostingTemplate NewPostingTemplate(string blueprintPostingId, string? atsName)
    {
        var n = ++_templateSequence;
        var template = new SimPostingTemplate
        {
            Id = $"IT_sim{n:D4}",
            BlueprintPostingId = blueprintPostingId,
            AtsMetadata = atsName is null ? null : new JsonObject
            {
                ["ats_job_id"] = $"{atsName.ToUpperInvariant()[..2]}-JOB-{2000 + n}",
                ["ats_name"] = atsName,
                ["source"] = "job_sync",
                ["integration_id"] = _atsConnections.FirstOrDefault(c => c.Provider == atsName)?.IntegrationId,
            },
        };
        _postingTemplates.Add(template.Id, template);
        return template;
    }
}

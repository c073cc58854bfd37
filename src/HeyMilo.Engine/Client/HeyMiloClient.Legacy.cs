using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>
    /// Reads of the legacy API that v2 also offers in another shape (GET /postings, GET /interviews/{posting_id},
    /// GET /interview/{id}). Their answers are mapped onto the v2 models so the same views, pipelines and
    /// exports work; what has no v2 counterpart stays in AdditionalProperties.
    /// </summary>
    internal sealed partial class HeyMiloClient
    {
        public IAsyncEnumerable<Posting> ListLegacyPostingsAsync(int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            PageNumberPager.EnumerateAsync(
                async (page, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "postings", legacy: true).Query("page", page).Query("limit", limit);
                    var body = await _transport.SendAsync(call, MiloJsonContext.Default.LegacyPostingPage, token).ConfigureAwait(false);
                    var items = (body.Postings ?? throw Invalid(call, "The API response has no 'postings'.")).ConvertAll(LegacyPosting);
                    return ((IReadOnlyList<Posting>)items, body.Total, body.TotalPages);
                },
                p => p.Id, pageSize, maxItems, "postings (legacy)", onTotal, ct);

        public IAsyncEnumerable<Interview> ListLegacyInterviewsAsync(string postingId, int pageSize, long? maxItems, Action<long?>? onTotal, CancellationToken ct) =>
            PageNumberPager.EnumerateAsync(
                async (page, limit, token) =>
                {
                    var call = new ApiCall(HttpMethod.Get, "interviews/" + ApiCall.Segment(postingId), legacy: true).Query("page", page).Query("limit", limit);
                    var body = await _transport.SendAsync(call, MiloJsonContext.Default.LegacyInterviewPage, token).ConfigureAwait(false);
                    var items = (body.Candidates ?? throw Invalid(call, "The API response has no 'candidates'.")).ConvertAll(c => LegacyInterview<Interview>(c, postingId));
                    return ((IReadOnlyList<Interview>)items, body.Total, body.TotalPages);
                },
                i => i.InterviewId, pageSize, maxItems, "interviews of posting " + postingId + " (legacy)", onTotal, ct);

        public async Task<InterviewData> GetLegacyInterviewAsync(string interviewId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "interview/" + ApiCall.Segment(interviewId), legacy: true);
            var body = await _transport.SendAsync(call, MiloJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
            if (body.ValueKind != JsonValueKind.Object) throw Invalid(call, "The API response is not an interview object.");
            var data = LegacyInterview<InterviewData>(body, null);
            if (data.InterviewId.Length == 0) data.InterviewId = interviewId;
            return data;
        }

        /// <summary>posting_id, title, root_level_configs{…}, agentic_workflow[{type, unique_id, config}], created_at/last_updated as float seconds.</summary>
        internal static Posting LegacyPosting(JsonElement item)
        {
            var posting = new Posting { Legacy = true, ExtensionData = new Dictionary<string, JsonElement>(StringComparer.Ordinal) };
            if (item.ValueKind != JsonValueKind.Object) return posting;
            foreach (var property in item.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "posting_id": posting.Id = Text(value) ?? string.Empty; break;
                    case "title": posting.Title = Text(value) ?? string.Empty; break;
                    case "name": posting.Name = Text(value); break;
                    case "description": posting.Description = Text(value); break;
                    case "company_id": posting.CompanyId = Text(value); break;
                    case "archived": posting.Archived = value.ValueKind == JsonValueKind.True; break;
                    case "finalized": posting.Finalized = value.ValueKind == JsonValueKind.True; break;
                    case "phone_number_id": posting.PhoneNumberId = Text(value); break;
                    case "created_at": posting.CreatedAt = Seconds(value); break;
                    case "last_updated": posting.UpdatedAt = Seconds(value); break;
                    case "deadline": posting.Deadline = Seconds(value); break;
                    case "root_level_configs" when value.ValueKind == JsonValueKind.Object:
                        posting.Instructions = Text(value, "instructions");
                        posting.CompanyOverview = Text(value, "company_overview");
                        posting.JobOverview = Text(value, "job_overview");
                        posting.InterviewProcessOverview = Text(value, "interview_process_overview");
                        posting.Language = Text(value, "language");
                        posting.InterviewerName = Text(value, "interviewer_name");
                        posting.ExtensionData[property.Name] = value.Clone();
                        break;
                    case "agentic_workflow" when value.ValueKind == JsonValueKind.Array:
                        var steps = new List<WorkflowStep>();
                        var order = 0;
                        foreach (var step in value.EnumerateArray())
                        {
                            order++;
                            steps.Add(new WorkflowStep
                            {
                                Id = Text(step, "unique_id"),
                                Type = Text(step, "type") ?? string.Empty,
                                Order = order,
                                Config = step.TryGetProperty("config", out var config) ? config.Deserialize(MiloJsonContext.Default.DictionaryStringObject) : null,
                            });
                        }
                        posting.Workflow = steps.ToArray();
                        break;
                    default: posting.ExtensionData[property.Name] = value.Clone(); break;
                }
            }
            posting.Status = posting.Archived ? "archived" : posting.Finalized ? "active" : "draft";
            return posting;
        }

        /// <summary>interview_id, posting_id, details{name, email, status, score, created_at}, workflow, agentic_data, posting_title…</summary>
        internal static T LegacyInterview<T>(JsonElement item, string? postingId) where T : InterviewBase, new()
        {
            var interview = new T { PostingId = postingId ?? string.Empty, ExtensionData = new Dictionary<string, JsonElement>(StringComparer.Ordinal) };
            if (item.ValueKind != JsonValueKind.Object) return interview;
            foreach (var property in item.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "interview_id": interview.InterviewId = Text(value) ?? string.Empty; break;
                    case "posting_id": interview.PostingId = Text(value) ?? interview.PostingId; break;
                    case "details" when value.ValueKind == JsonValueKind.Object:
                        interview.Name = Text(value, "name") ?? string.Empty;
                        interview.Email = Text(value, "email") ?? string.Empty;
                        interview.Status = Text(value, "status") ?? string.Empty;
                        if (value.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number) interview.Score = score.GetDouble();
                        if (interview is Interview listed && value.TryGetProperty("created_at", out var created)) listed.CreatedAt = Seconds(created);
                        interview.ExtensionData![property.Name] = value.Clone();
                        break;
                    case "workflow" when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("steps", out _):
                        try
                        {
                            interview.Workflow = value.Deserialize(MiloJsonContext.Default.InterviewWorkflow);
                        }
                        catch (JsonException)
                        {
                            interview.ExtensionData![property.Name] = value.Clone();
                        }
                        break;
                    default: interview.ExtensionData![property.Name] = value.Clone(); break;
                }
            }
            interview.Legacy = true;
            return interview;
        }

        private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? Text(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Text(value) : null;

        private static DateTimeOffset? Seconds(JsonElement value) =>
            value.ValueKind == JsonValueKind.Number ? UnixSecondsConverter.FromSeconds(value.GetDouble()) : (DateTimeOffset?)null;
    }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeyMilo.Client.Models
{
    /// <summary>Legacy GET /postings answer: {postings, total, page, limit, total_pages}.</summary>
    internal sealed class LegacyPostingPage
    {
        [JsonPropertyName("postings")] public List<JsonElement>? Postings { get; set; }
        [JsonPropertyName("total")] public long? Total { get; set; }
        [JsonPropertyName("page")] public int? Page { get; set; }
        [JsonPropertyName("limit")] public int? Limit { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    }

    /// <summary>Legacy GET /interviews/{posting_id} answer: {candidates, total, page, limit, total_pages}.</summary>
    internal sealed class LegacyInterviewPage
    {
        [JsonPropertyName("candidates")] public List<JsonElement>? Candidates { get; set; }
        [JsonPropertyName("total")] public long? Total { get; set; }
        [JsonPropertyName("page")] public int? Page { get; set; }
        [JsonPropertyName("limit")] public int? Limit { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeyMilo.Client.Models
{
    /// <summary>v2 list envelope: {data, pagination}.</summary>
    internal sealed class ListEnvelope<T>
    {
        [JsonPropertyName("data")] public List<T>? Data { get; set; }
        [JsonPropertyName("pagination")] public PaginationMeta? Pagination { get; set; }
    }

    internal sealed class PaginationMeta
    {
        [JsonPropertyName("has_more")] public bool HasMore { get; set; }
        [JsonPropertyName("total_count")] public long? TotalCount { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
    }

    /// <summary>v2 single-object envelope: {data, meta}.</summary>
    internal sealed class SingleEnvelope<T>
    {
        [JsonPropertyName("data")] public T? Data { get; set; }
        [JsonPropertyName("meta")] public Dictionary<string, object?>? Meta { get; set; }
    }

    /// <summary>One page as the pager sees it, whatever the wire shape.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, bool hasMore, long? totalCount)
        {
            Items = items;
            HasMore = hasMore;
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }
        public bool HasMore { get; }
        public long? TotalCount { get; }
    }
}

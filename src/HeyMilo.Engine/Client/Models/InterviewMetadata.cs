using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// An interview's key-value metadata (v2 MetadataResponse) as GET, POST and DELETE
    /// /api/v2/interviews/{id}/metadata answer it, with the interview it belongs to.
    /// </summary>
    public sealed class InterviewMetadata
    {
        /// <summary>The interview the metadata belongs to (from the request: the answer does not repeat it).</summary>
        [JsonIgnore] public string InterviewId { get; internal set; } = string.Empty;

        /// <summary>All of the interview's metadata after the call (a POST merges: keys not sent are kept).</summary>
        [JsonPropertyName("metadata")] public Dictionary<string, object?> Metadata { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>How many keys the interview has.</summary>
        [JsonIgnore] public int Count => Metadata.Count;

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        /// <summary>"key=value; key=value", keys in order.</summary>
        public override string ToString() =>
            string.Join("; ", Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }
}

namespace HeyMilo.Client.Models
{
    /// <summary>POST /api/v2/interviews/{id}/metadata body (MetadataRequest).</summary>
    internal sealed class MetadataRequest
    {
        [JsonPropertyName("metadata")] public Dictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }
}

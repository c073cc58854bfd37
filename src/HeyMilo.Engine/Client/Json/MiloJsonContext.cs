using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Models;

namespace HeyMilo.Client.Json
{
    /// <summary>Every type that crosses the wire, source-generated (no reflection at run time).</summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = new[] { typeof(PlainDictionaryConverter) })]
    [JsonSerializable(typeof(ApiErrorBody))]
    [JsonSerializable(typeof(ListEnvelope<Posting>))]
    [JsonSerializable(typeof(SingleEnvelope<Posting>))]
    [JsonSerializable(typeof(SingleEnvelope<CloneReceipt>))]
    [JsonSerializable(typeof(ListEnvelope<Webhook>))]
    [JsonSerializable(typeof(SingleEnvelope<Webhook>))]
    [JsonSerializable(typeof(CreateWebhookRequest))]
    [JsonSerializable(typeof(LegacyCreateWebhookRequest))]
    [JsonSerializable(typeof(ListEnvelope<Interview>))]
    [JsonSerializable(typeof(ListEnvelope<JsonElement>))]
    [JsonSerializable(typeof(SingleEnvelope<InterviewData>))]
    [JsonSerializable(typeof(Interview))]
    [JsonSerializable(typeof(InterviewData))]
    [JsonSerializable(typeof(LegacyExportJob))]
    [JsonSerializable(typeof(BulkCandidateIngestRequest))]
    [JsonSerializable(typeof(SingleEnvelope<List<BulkIngestCandidateResponseItem>>))]
    [JsonSerializable(typeof(LegacyBulkIngestRequest))]
    [JsonSerializable(typeof(LegacySingleIngestRequest))]
    [JsonSerializable(typeof(LegacyIngestResponse))]
    [JsonSerializable(typeof(LegacyPostingPage))]
    [JsonSerializable(typeof(LegacyInterviewPage))]
    [JsonSerializable(typeof(InterviewWorkflow))]
    [JsonSerializable(typeof(Dictionary<string, object?>))]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class MiloJsonContext : JsonSerializerContext
    {
    }
}

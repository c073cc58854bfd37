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
    [JsonSerializable(typeof(ListEnvelope<Posting>))]
    [JsonSerializable(typeof(SingleEnvelope<Posting>))]
    [JsonSerializable(typeof(SingleEnvelope<CloneReceipt>))]
    [JsonSerializable(typeof(ListEnvelope<PostingSummary>))]
    [JsonSerializable(typeof(SingleEnvelope<PostingStatistic>))]
    [JsonSerializable(typeof(UpdateWorkflowStepRequest))]
    [JsonSerializable(typeof(ListEnvelope<Question>))]
    [JsonSerializable(typeof(SingleEnvelope<Question>))]
    [JsonSerializable(typeof(ReorderQuestionsRequest))]
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
    [JsonSerializable(typeof(ListEnvelope<EmailTemplate>))]
    [JsonSerializable(typeof(SingleEnvelope<EmailTemplate>))]
    [JsonSerializable(typeof(ListEnvelope<EmailTemplateGroup>))]
    [JsonSerializable(typeof(SingleEnvelope<EmailTemplateGroup>))]
    [JsonSerializable(typeof(ListEnvelope<DesignTemplate>))]
    [JsonSerializable(typeof(SingleEnvelope<DesignTemplate>))]
    [JsonSerializable(typeof(ListEnvelope<DesignTemplateGroup>))]
    [JsonSerializable(typeof(SingleEnvelope<DesignTemplateGroup>))]
    [JsonSerializable(typeof(ListEnvelope<InterviewTemplate>))]
    [JsonSerializable(typeof(SingleEnvelope<InterviewTemplate>))]
    [JsonSerializable(typeof(ListEnvelope<CustomDomain>))]
    [JsonSerializable(typeof(SingleEnvelope<CustomDomain>))]
    [JsonSerializable(typeof(ListEnvelope<Voice>))]
    [JsonSerializable(typeof(SingleEnvelope<Voice>))]
    [JsonSerializable(typeof(ListEnvelope<PhoneNumber>))]
    [JsonSerializable(typeof(SingleEnvelope<PhoneNumber>))]
    [JsonSerializable(typeof(ListEnvelope<SenderEmail>))]
    [JsonSerializable(typeof(SingleEnvelope<SenderEmail>))]
    [JsonSerializable(typeof(ListEnvelope<Workspace>))]
    [JsonSerializable(typeof(AgentTypeRegistry))]
    [JsonSerializable(typeof(QuestionTypeRegistry))]
    [JsonSerializable(typeof(Dictionary<string, object?>))]
    [JsonSerializable(typeof(JsonElement))]
    // New-MiloCandidate, interview metadata, ATS (v2 API part 1)
    [JsonSerializable(typeof(CandidateIngestItem))]
    [JsonSerializable(typeof(SingleEnvelope<IngestCandidateResponse>))]
    [JsonSerializable(typeof(SingleEnvelope<CandidateIngestion>))]
    [JsonSerializable(typeof(MetadataRequest))]
    [JsonSerializable(typeof(SingleEnvelope<InterviewMetadata>))]
    [JsonSerializable(typeof(ListEnvelope<AtsConnection>))]
    [JsonSerializable(typeof(ResolveCandidateRequest))]
    [JsonSerializable(typeof(SingleEnvelope<ResolveCandidateResponse>))]
    [JsonSerializable(typeof(PushCandidateRequest))]
    [JsonSerializable(typeof(SingleEnvelope<AtsPushReceipt>))]
    [JsonSerializable(typeof(SingleEnvelope<AtsPushStatus>))]
    internal sealed partial class MiloJsonContext : JsonSerializerContext
    {
    }
}

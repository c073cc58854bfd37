using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A question modality (GET /api/v2/schemas/question-types): its step type, question formats and fields.</summary>
    public sealed class QuestionType
    {
        /// <summary>voice, sms, form, resume_eligibility, resume_scoring, voice_tags…</summary>
        [JsonPropertyName("modality")] public string Modality { get; set; } = string.Empty;
        /// <summary>The step type whose questions have this modality.</summary>
        [JsonPropertyName("agent_type")] public string? AgentType { get; set; }
        /// <summary>The question formats of the modality (the API's question_types), e.g. YES_NO, NUMERIC.</summary>
        [JsonPropertyName("question_types")] public string[] Formats { get; set; } = Array.Empty<string>();
        /// <summary>The question fields that apply.</summary>
        [JsonPropertyName("fields")] public string[] Fields { get; set; } = Array.Empty<string>();
        [JsonPropertyName("response_formats")] public string[]? ResponseFormats { get; set; }

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Modality;
    }
}

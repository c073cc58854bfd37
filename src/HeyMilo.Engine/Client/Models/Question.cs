using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// A question or criterion of a posting (QuestionResponse). Its Modality says which kind (voice, sms, form,
    /// resume_eligibility, resume_scoring, voice_tags); fields that do not apply to the modality are null.
    /// </summary>
    public sealed class Question
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        /// <summary>The same as Id, so a question piped to Set-, Remove-MiloQuestion or Set-MiloQuestionOrder binds -QuestionId by name, and a posting (which has only an Id) never does.</summary>
        [JsonIgnore] public string QuestionId => Id;
        [JsonPropertyName("posting_id")] public string PostingId { get; set; } = string.Empty;
        [JsonPropertyName("modality")] public string Modality { get; set; } = string.Empty;
        [JsonPropertyName("text")] public string Text { get; set; } = string.Empty;
        /// <summary>Display order within the modality (1-based).</summary>
        [JsonPropertyName("rank")] public int? Rank { get; set; }
        [JsonPropertyName("evaluation_criteria")] public string? EvaluationCriteria { get; set; }
        [JsonPropertyName("score_of_1")] public string? ScoreOf1 { get; set; }
        [JsonPropertyName("score_of_5")] public string? ScoreOf5 { get; set; }
        [JsonPropertyName("score_weight")] public int? ScoreWeight { get; set; }
        [JsonPropertyName("not_scored")] public bool? NotScored { get; set; }
        [JsonPropertyName("question_type")] public string? QuestionType { get; set; }
        [JsonPropertyName("min_follow_ups")] public int? MinFollowUps { get; set; }
        [JsonPropertyName("max_follow_ups")] public int? MaxFollowUps { get; set; }
        [JsonPropertyName("additional_instructions")] public string? AdditionalInstructions { get; set; }
        [JsonPropertyName("post_processing_evaluation_criteria")] public string? PostProcessingEvaluationCriteria { get; set; }
        [JsonPropertyName("expected_answer")] public string? ExpectedAnswer { get; set; }
        [JsonPropertyName("expected_value")] public long? ExpectedValue { get; set; }
        [JsonPropertyName("is_dealbreaker")] public bool? IsDealbreaker { get; set; }
        /// <summary>Expected answer of a form knockout question: any JSON value, as plain .NET values.</summary>
        [JsonPropertyName("answer"), JsonConverter(typeof(PlainObjectConverter))] public object? Answer { get; set; }
        [JsonPropertyName("is_knockout")] public bool? IsKnockout { get; set; }
        [JsonPropertyName("dropdown_values")] public Dictionary<string, object?>[]? DropdownValues { get; set; }
        [JsonPropertyName("is_answer_mandated")] public bool? IsAnswerMandated { get; set; }
        [JsonPropertyName("mcq_type")] public string? McqType { get; set; }
        [JsonPropertyName("operator")] public string? Operator { get; set; }
        [JsonPropertyName("file_types")] public string[]? FileTypes { get; set; }
        [JsonPropertyName("allow_multiple_files")] public bool? AllowMultipleFiles { get; set; }
        [JsonPropertyName("slider_min")] public double? SliderMin { get; set; }
        [JsonPropertyName("slider_max")] public double? SliderMax { get; set; }
        [JsonPropertyName("slider_step")] public double? SliderStep { get; set; }
        [JsonPropertyName("response_format")] public string? ResponseFormat { get; set; }
        [JsonPropertyName("instructions")] public string? Instructions { get; set; }
        [JsonPropertyName("options")] public string[]? Options { get; set; }
        [JsonPropertyName("structured_config")] public Dictionary<string, object?>? StructuredConfig { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixSecondsConverter))] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("object")] public string? ObjectType { get; set; }

        /// <summary>Fields the API sends that this version of the module does not know yet.</summary>
        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);

        private Dictionary<string, object?>? _additionalProperties;

        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => $"{Id} {Modality}: {Text}";
    }
}

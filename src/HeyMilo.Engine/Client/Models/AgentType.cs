using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>A workflow step type (GET /api/v2/schemas/agents): its question modalities and config fields.</summary>
    public sealed class AgentType
    {
        /// <summary>The step type a workflow uses: web_interview, conversational_sms, resume, form.</summary>
        [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>The question modalities a step of this type asks (Get-MiloQuestionType).</summary>
        [JsonPropertyName("question_modalities")] public string[] QuestionModalities { get; set; } = Array.Empty<string>();
        /// <summary>Config field → {type, nullable, description}.</summary>
        [JsonPropertyName("config")] public Dictionary<string, object?> Config { get; set; } = new Dictionary<string, object?>();

        [JsonIgnore] public Dictionary<string, object?> AdditionalProperties => _additionalProperties ??= PlainValues.FromExtension(ExtensionData);


        private Dictionary<string, object?>? _additionalProperties;
        [JsonExtensionData, JsonInclude] internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        public override string ToString() => Type;
    }
}

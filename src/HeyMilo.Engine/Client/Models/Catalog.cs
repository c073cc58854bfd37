using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

// The workspace catalog (GET /api/v2/email-templates, design-templates, interview-templates, domains,
// voices, phone-numbers, sender-emails, workspaces and their /{id} reads): one class per document schema,
// property for property, timestamps as DateTimeOffset, unknown fields kept in AdditionalProperties.
namespace HeyMilo.Client.Models
{
    /// <summary>GET /api/v2/schemas/agents (the document says only "an object"; docs/api-choices.md has the shape).</summary>
    internal sealed class AgentTypeRegistry
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("agents")] public Dictionary<string, AgentType>? Agents { get; set; }
        /// <summary>Read too, in case the registry comes in the usual {data: …} envelope.</summary>
        [JsonPropertyName("data")] public AgentTypeRegistry? Data { get; set; }
    }

    /// <summary>GET /api/v2/schemas/question-types.</summary>
    internal sealed class QuestionTypeRegistry
    {
        [JsonPropertyName("object")] public string? ObjectType { get; set; }
        [JsonPropertyName("modalities")] public Dictionary<string, QuestionType>? Modalities { get; set; }
        [JsonPropertyName("data")] public QuestionTypeRegistry? Data { get; set; }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo.Client.Models
{
    /// <summary>PATCH /api/v2/postings/{id}/workflow/{step_id}: UpdateWorkflowStepRequest.</summary>
    internal sealed class UpdateWorkflowStepRequest
    {
        [JsonPropertyName("config")] public Dictionary<string, object?> Config { get; set; } = new Dictionary<string, object?>();
    }

    /// <summary>POST /api/v2/postings/{id}/questions/reorder: ReorderQuestionsRequest.</summary>
    internal sealed class ReorderQuestionsRequest
    {
        [JsonPropertyName("modality")] public string Modality { get; set; } = string.Empty;
        [JsonPropertyName("order")] public List<string> Order { get; set; } = new List<string>();
    }
}

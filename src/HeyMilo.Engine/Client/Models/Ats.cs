using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo.Client.Models
{
    /// <summary>POST /api/v2/ats/candidates/resolve body (ResolveCandidateRequest): email or ats_candidate_id.</summary>
    internal sealed class ResolveCandidateRequest
    {
        [JsonPropertyName("ats_name")] public string AtsName { get; set; } = string.Empty;
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
    }

    /// <summary>ResolveCandidateResponse.</summary>
    internal sealed class ResolveCandidateResponse
    {
        [JsonPropertyName("success")] public bool Success { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
        [JsonPropertyName("matches")] public List<AtsCandidateMatch>? Matches { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
    }

    /// <summary>POST /api/v2/ats/candidates/push body (PushCandidateRequest).</summary>
    internal sealed class PushCandidateRequest
    {
        [JsonPropertyName("ats_name")] public string AtsName { get; set; } = string.Empty;
        [JsonPropertyName("posting_id")] public string? PostingId { get; set; }
        [JsonPropertyName("interview_id")] public string? InterviewId { get; set; }
        [JsonPropertyName("create_submission")] public bool CreateSubmission { get; set; }
        [JsonPropertyName("candidate")] public PushCandidatePayload Candidate { get; set; } = new PushCandidatePayload();
    }

    /// <summary>PushCandidatePayload: ats_candidate_id null (left out) creates a new ATS record.</summary>
    internal sealed class PushCandidatePayload
    {
        [JsonPropertyName("ats_candidate_id")] public string? AtsCandidateId { get; set; }
        [JsonPropertyName("first_name")] public string? FirstName { get; set; }
        [JsonPropertyName("last_name")] public string? LastName { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
    }
}

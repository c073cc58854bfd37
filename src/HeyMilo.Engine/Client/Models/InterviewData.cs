using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeyMilo.Client.Json;

namespace HeyMilo
{
    /// <summary>
    /// Full results of one interview across its workflow steps (GET /api/v2/interviews/{id}/data).
    /// A candidate who has not finished is a Status (e.g. not_ready), not an error.
    /// </summary>
    public sealed class InterviewData : InterviewBase
    {
        /// <summary>Voice/video interview results: match_score, highlights, scorecard, transcript, recording URLs…</summary>
        [JsonPropertyName("web_interview")] public Dictionary<string, object?>? WebInterview { get; set; }
        [JsonPropertyName("resume")] public Dictionary<string, object?>? Resume { get; set; }
        [JsonPropertyName("sms")] public Dictionary<string, object?>? Sms { get; set; }
        [JsonPropertyName("form")] public Dictionary<string, object?>? Form { get; set; }
        [JsonPropertyName("cheat_detection")] public Dictionary<string, object?>? CheatDetection { get; set; }
    }
}

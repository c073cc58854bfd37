using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeyMilo.Transport
{
    /// <summary>{"error":{type,code,message,param,doc_url,errors[]}}, or FastAPI's {"detail": …}, or {"message": …}.</summary>
    internal sealed class ApiErrorBody
    {
        [JsonPropertyName("error")] public ApiError? Error { get; set; }
        /// <summary>FastAPI 422 shape: {"detail":[{loc,msg,type}]} (detail may also be a plain string).</summary>
        [JsonPropertyName("detail")] public JsonElement Detail { get; set; }
        /// <summary>Legacy API errors sometimes use {"message": "..."}.</summary>
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    internal sealed class ApiError
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("param")] public string? Param { get; set; }
        [JsonPropertyName("doc_url")] public string? DocUrl { get; set; }
        [JsonPropertyName("errors")] public List<ApiErrorDetail>? Errors { get; set; }
    }

    internal sealed class ApiErrorDetail
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("param")] public string? Param { get; set; }
    }

    /// <summary>The error body's own source-generated context, so reading errors needs nothing of the typed client.</summary>
    [JsonSerializable(typeof(ApiErrorBody))]
    internal sealed partial class ErrorJsonContext : JsonSerializerContext
    {
    }
}

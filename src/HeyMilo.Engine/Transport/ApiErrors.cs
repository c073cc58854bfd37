using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using HeyMilo.Diagnostics;

namespace HeyMilo.Transport
{
    /// <summary>Turns a failed HTTP response into a <see cref="MiloApiException"/>: the one place that reads error bodies.</summary>
    internal static class ApiErrors
    {
        /// <param name="secrets">Values to mask: an error body that echoes the key must not carry it into $Error.</param>
        public static MiloApiException FromResponse(HttpRequestMessage request, HttpResponseMessage response, string body, IEnumerable<string?> secrets, bool idempotent)
        {
            body = Redactor.Redact(body, secrets);
            var status = (int)response.StatusCode;
            var now = ModuleClock.Current.GetUtcNow();
            string? type = null, code = null, message = null;
            var fields = new List<MiloFieldError>();

            ApiErrorBody? parsed = null;
            try
            {
                if (!string.IsNullOrWhiteSpace(body)) parsed = JsonSerializer.Deserialize(body, ErrorJsonContext.Default.ApiErrorBody);
            }
            catch (JsonException)
            {
                // Not the documented error shape (a proxy's HTML page, say): fall back to the status line.
            }

            if (parsed?.Error is ApiError error)
            {
                type = error.Type;
                code = error.Code;
                message = error.Message;
                if (error.Errors != null)
                {
                    foreach (var e in error.Errors)
                        fields.Add(new MiloFieldError(e.Param ?? error.Param ?? "request", e.Message ?? e.Code ?? "invalid", e.Code));
                }
                // A 400/422 that names its param but lists no errors (errors missing or []) is still about that field.
                if (fields.Count == 0 && !string.IsNullOrEmpty(error.Param) && status is 400 or 422)
                {
                    fields.Add(new MiloFieldError(error.Param!, message ?? "invalid", code));
                }
            }
            else if (parsed != null && parsed.Detail.ValueKind == JsonValueKind.Array)
            {
                type = "validation_error";
                foreach (var item in parsed.Detail.EnumerateArray()) fields.Add(FromValidationItem(item));
                message = fields.Count == 1 ? "The request is invalid." : $"The request is invalid ({fields.Count} errors).";
            }
            else if (parsed != null && parsed.Detail.ValueKind == JsonValueKind.String)
            {
                message = parsed.Detail.GetString();
            }
            else if (!string.IsNullOrEmpty(parsed?.Message))
            {
                message = parsed!.Message;
            }

            if (string.IsNullOrWhiteSpace(message))
                message = string.IsNullOrEmpty(response.ReasonPhrase) ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : response.ReasonPhrase;

            return new MiloApiException(
                MiloFailureKind.HttpError,
                message!,
                request.Method.Method,
                request.RequestUri?.PathAndQuery ?? string.Empty,
                status,
                type,
                code,
                RateLimitHeaders.RequestId(response),
                RateLimitHeaders.ServerRequestedPause(response, now),
                fields,
                idempotent: idempotent,
                mayHaveReachedServer: status >= 500,
                rateLimitResetAt: status == 429 && RateLimitHeaders.ServerRequestedPause(response, now) is TimeSpan pause ? now + pause : (DateTimeOffset?)null);
        }

        /// <summary>{"loc":["body","data",3,"email"],"msg":"...","type":"..."} → field "body.data.3.email", item 3.</summary>
        private static MiloFieldError FromValidationItem(JsonElement item)
        {
            var parts = new List<string>();
            int? index = null;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            {
                var position = 0;
                foreach (var segment in loc.EnumerateArray())
                {
                    if (segment.ValueKind == JsonValueKind.Number)
                    {
                        var n = segment.GetInt32();
                        // ["body","data",<n>,...] or ["body","candidates",<n>,...]: the bulk item index.
                        if (index is null && position == 2) index = n;
                        parts.Add(n.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        parts.Add(segment.ToString());
                    }
                    position++;
                }
            }
            var msg = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("msg", out var m) ? m.ToString() : item.ToString();
            var code = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) ? t.ToString() : null;
            return new MiloFieldError(parts.Count > 0 ? string.Join(".", parts) : "request", msg, code, index);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HeyMilo.Transport
{
    /// <summary>One API request as the client describes it: method, host (v2 or legacy), path, query, body.</summary>
    internal sealed class ApiCall
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public ApiCall(HttpMethod method, string path, bool legacy = false)
        {
            Method = method;
            Path = path.TrimStart('/');
            Legacy = legacy;
            Idempotent = RequestOptions.IsIdempotentMethod(method);
        }

        public HttpMethod Method { get; }
        public string Path { get; }
        public bool Legacy { get; }
        public byte[]? Body { get; private set; }
        /// <summary>
        /// Whether repeating the call cannot do its work twice (decides retries, and whether a request may
        /// share a pooled connection). Starts as the method's rule (<see cref="RequestOptions.IsIdempotentMethod"/>);
        /// a call site sets it for a POST that is idempotent by the API's contract.
        /// </summary>
        public bool Idempotent { get; set; }
        public bool Streaming { get; set; }

        public static string Segment(string value) => Uri.EscapeDataString(value);

        public ApiCall Query(string name, string? value)
        {
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public ApiCall Query(string name, long? value) =>
            Query(name, value?.ToString(CultureInfo.InvariantCulture));

        public ApiCall Json<T>(T body, JsonTypeInfo<T> typeInfo)
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
            return this;
        }

        /// <summary>A body built field by field (only the fields the caller gave; see RequestBody).</summary>
        public ApiCall Json(Client.Requests.RequestBody body)
        {
            Body = body.ToUtf8();
            return this;
        }

        public string RelativeUri()
        {
            if (_query.Count == 0) return Path;
            var sb = new StringBuilder(Path).Append('?');
            for (var i = 0; i < _query.Count; i++)
            {
                if (i > 0) sb.Append('&');
                sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
            }
            return sb.ToString();
        }
    }
}

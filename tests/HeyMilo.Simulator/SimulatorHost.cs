using System.Net;
using System.Net.Sockets;
using System.Text;
using HeyMilo.Simulator.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeyMilo.Simulator;

/// <summary>
/// The HeyMilo API on a loopback port: v2 under /api/v2, legacy at the root, export files under
/// /files. Every request is recorded, may meet an injected fault, needs a known X-API-KEY (except
/// /health and /files) and counts against the key's sliding-window rate limit.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SlidingWindowLimit _limit;
    private readonly ExportJobs _exports;
    private readonly CancellationTokenSource _stopping = new();

    private SimulatorHost(WebApplication app, SimulatorOptions options)
    {
        _app = app;
        Options = options;
        Data = new SimulatorData(options);
        _limit = new SlidingWindowLimit(options.RateLimitPerMinute, options.RateLimitWindow);
        _exports = new ExportJobs(options.ExportJobPollsUntilReady);
    }

    public SimulatorOptions Options { get; }
    public SimulatorData Data { get; }
    public RequestLog Requests { get; } = new();
    public FaultInjector Faults { get; } = new();

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseUri { get; private set; } = null!;

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SimulatorOptions();
        var url = new Uri(options.Url);
        if (!IPAddress.TryParse(url.Host, out var address) || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"The simulator listens on loopback addresses only, not '{url.Host}'.", nameof(options));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, url.Port);
            k.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var host = new SimulatorHost(app, options);
        app.Run(host.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(bound.Replace("[::1]", "127.0.0.1").TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var request = http.Request;
        var record = new RecordedRequest
        {
            Sequence = Requests.NextSequence(),
            Time = Options.Clock(),
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList(),
            Body = body,
            Host = request.Host.Value ?? "",
            ApiKey = request.Headers.TryGetValue("X-API-KEY", out var key) ? key.ToString() : null,
            ConnectionId = http.Connection.Id,
        };
        http.Response.Headers["X-Request-Id"] = "req_" + record.Sequence;
        Requests.Add(record);

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        try
        {
            if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency, aborted.Token).ConfigureAwait(false);
            var fault = Faults.Take(record.Method, record.Path, record.Query, body);
            if (fault is { Delay.Ticks: > 0 }) await Task.Delay(fault.Delay, aborted.Token).ConfigureAwait(false);
            if (fault is { OnlyDelays: false, AfterHandler: false, ShapesRealBody: false })
            {
                await FailAsync(http, record, fault, real: null, aborted.Token).ConfigureAwait(false);
                return;
            }
            var reply = Dispatch(http, body, record);
            if (fault?.Headers is { } extra)
                foreach (var header in extra) http.Response.Headers[header.Key] = header.Value;
            if (fault is { OnlyDelays: false })
                await FailAsync(http, record, fault, reply, aborted.Token).ConfigureAwait(false);
            else
                await WriteAsync(http, record, reply).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            record.Aborted = true;
        }
    }

    private Reply Dispatch(HttpContext http, string body, RecordedRequest record)
    {
        var exchange = new Exchange(http, body, Data, Options, _exports);
        if (exchange.Is("GET", "health"))
            return Reply.Ok(new System.Text.Json.Nodes.JsonObject { ["status"] = "ok", ["message"] = "HeyMilo API Gateway is healthy (simulator)" });
        if (exchange.Is("GET", "files", "*"))
        {
            var file = _exports.File(Path.GetFileNameWithoutExtension(exchange.Segments[1]));
            return file is null ? Reply.Legacy(404, "File not found") : new Reply(200, file);
        }

        if (record.ApiKey is null || !Options.ApiKeys.Contains(record.ApiKey))
            return Reply.Error(401, "authentication_error", "invalid_api_key",
                record.ApiKey is null ? "No API key provided. Send it in the X-API-KEY header." : "Invalid API key provided.");

        if (_limit.Enabled)
        {
            var (accepted, limit, remaining, reset) = _limit.TryAcquire(record.ApiKey, Options.Clock);
            http.Response.Headers["X-RateLimit-Limit"] = limit.ToString();
            http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString();
            http.Response.Headers["X-RateLimit-Reset"] = reset.ToString();
            if (!accepted)
            {
                http.Response.Headers["Retry-After"] = reset.ToString();
                return Reply.Error(429, "rate_limit_error", "rate_limit_exceeded", $"Rate limit of {limit} requests per {Options.RateLimitWindow.TotalSeconds:0.#} s exceeded. Retry in {reset} s.");
            }
        }

        lock (Data.Gate)
            return V2Api.Handle(exchange) ?? LegacyApi.Handle(exchange) ?? Reply.Legacy(404, "Not Found");
    }

    private static async Task WriteAsync(HttpContext http, RecordedRequest record, Reply reply)
    {
        var bytes = reply.Bytes ?? Encoding.UTF8.GetBytes(reply.Body);
        record.Status = reply.Status;
        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = reply.ContentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static async Task FailAsync(HttpContext http, RecordedRequest record, Fault fault, Reply? real, CancellationToken ct)
    {
        if (fault.Hang)
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            return;
        }
        if (fault.CloseConnection)
        {
            record.Aborted = true;
            http.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
            http.Abort();
            return;
        }
        if (fault.AbortConnection)
        {
            record.Aborted = true;
            http.Abort();
            return;
        }
        if (fault.TruncatedJson)
        {
            // A binary answer (the voice preview's audio) is cut the same way, with its own content type.
            var bytes = real?.Bytes ?? Encoding.UTF8.GetBytes(real?.Body ?? "{\"data\":[{\"id\":\"cut\"}],\"pagination\":{\"has_more\":false}}");
            record.Status = real?.Status ?? 200;
            record.Aborted = true;
            http.Response.StatusCode = record.Status;
            http.Response.ContentType = real?.Bytes != null ? real.ContentType : "application/json; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), ct).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            http.Abort();
            return;
        }
        if (fault.CutShortWithoutLength)
        {
            // A Transfer-Encoding other than chunked makes Kestrel end the body by closing the connection.
            var bytes = real?.Bytes ?? Encoding.UTF8.GetBytes(real?.Body ?? "[]");
            record.Status = real?.Status ?? 200;
            http.Response.StatusCode = record.Status;
            http.Response.ContentType = real?.ContentType ?? "application/json; charset=utf-8";
            http.Response.Headers["Transfer-Encoding"] = "identity";
            await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), ct).ConfigureAwait(false);
            return;
        }
        if (fault.StallAfterBytes is int keep || fault.DripInterval > TimeSpan.Zero)
        {
            var bytes = real?.Bytes ?? Encoding.UTF8.GetBytes(real?.Body ?? "{}");
            record.Status = real?.Status ?? 200;
            http.Response.StatusCode = record.Status;
            http.Response.ContentType = real?.ContentType ?? "application/json; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            if (fault.StallAfterBytes is int stallAt)
            {
                await http.Response.Body.WriteAsync(bytes.AsMemory(0, Math.Min(stallAt, bytes.Length)), ct).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                fault.BodyStarted?.Invoke();
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                return;
            }
            for (var i = 0; i < bytes.Length; i++)
            {
                await http.Response.Body.WriteAsync(bytes.AsMemory(i, 1), ct).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                if (i == 0) fault.BodyStarted?.Invoke();
                await Task.Delay(fault.DripInterval, ct).ConfigureAwait(false);
            }
            return;
        }
        if (fault.OversizeBytes is long size)
        {
            var head = Encoding.UTF8.GetBytes("{\"data\":[],\"pagination\":{\"has_more\":false,\"total_count\":0},\"pad\":\"");
            var tail = Encoding.UTF8.GetBytes("\"}");
            record.Status = 200;
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json; charset=utf-8";
            if (!fault.OversizeWithoutLength) http.Response.ContentLength = size;
            await http.Response.Body.WriteAsync(head, ct).ConfigureAwait(false);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var left = size - head.Length - tail.Length; left > 0; left -= chunk.Length)
                await http.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(left, chunk.Length)), ct).ConfigureAwait(false);
            await http.Response.Body.WriteAsync(tail, ct).ConfigureAwait(false);
            return;
        }
        if (fault.MalformedJson)
        {
            await WriteAsync(http, record, new Reply(200, "{\"data\": [ {\"id\": \"pst_1\", } oops")).ConfigureAwait(false);
            return;
        }
        if (fault.RetryAfterSeconds is int seconds) http.Response.Headers["Retry-After"] = seconds.ToString();
        if (fault.RetryAfterHttpDate is { } date) http.Response.Headers["Retry-After"] = date;
        var reply = fault.Body is null ? Reply.ForStatus(fault.Status) : new Reply(fault.Status, fault.Body);
        await WriteAsync(http, record, reply).ConfigureAwait(false);
    }
}

using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HeyMilo.Simulator;

namespace HeyMilo.Bench;

/// <summary>
/// Benchmarks of the built module (out/HeyMilo/&lt;version&gt;) in a hosted PowerShell engine against the
/// in-process simulator on real time, each next to what a script author would write without it.
/// Usage: dotnet run -c Release --project bench/HeyMilo.Bench -- [--quick] [--only import,overlap,list,detailed,memory,startup]
/// </summary>
public static class Program
{
    private const int Limit = 300;
    private static readonly TimeSpan s_latency = TimeSpan.FromMilliseconds(50);
    private static readonly List<string[]> s_table = new();
    private static readonly List<string> s_notes = new();

    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--probe") return await Probe(args[1]);

        var quick = args.Contains("--quick");
        var onlyIndex = Array.IndexOf(args, "--only");
        var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',') : null;
        bool Want(string name) => only is null || only.Contains(name);

        Console.WriteLine($"HeyMilo benchmarks ({(quick ? "quick" : "full")}) — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"module: {Paths.ModuleManifest}");
        Console.WriteLine($"simulator: loopback, real time, {s_latency.TotalMilliseconds} ms latency per answer, {Limit} requests/minute per key");
        Console.WriteLine();

        if (Want("import")) await ImportCase(quick ? 2_000 : 10_000, quick ? 40 : 120);
        if (Want("overlap")) await OverlapCase(2_000, TimeSpan.FromSeconds(1));
        if (Want("window")) await ServerWindowCase(120, 4);
        if (Want("list")) await ListingCase(quick ? 2_000 : 10_000);
        if (Want("detailed")) await DetailedCase(quick ? 100 : 1_000);
        if (Want("memory")) await MemoryCase(quick ? new[] { 10_000, 20_000 } : new[] { 50_000, 100_000 });
        if (Want("startup")) await StartupCase(quick ? 3 : 5);

        Console.WriteLine();
        PrintTable();
        Console.WriteLine();
        foreach (var note in s_notes) Console.WriteLine("- " + note);
        return 0;
    }

    // ---- cases ---------------------------------------------------------------------------------

    private static async Task ImportCase(int rows, int naiveSample)
    {
        Console.WriteLine($"[import] {rows:N0} rows ...");
        await using (var sim = await StartSim("bench-import", o => { o.Postings = 1; o.BusyPostingCandidates = 1; }))
        using (var ps = new Engine())
        {
            ps.Connect(sim, "bench-import");
            var posting = sim.Data.PostingIds[0];
            ps.Set("rows", CsvRows(rows, "bulk"));
            ps.Set("p", posting);
            var sw = Stopwatch.StartNew();
            var output = ps.Invoke("$rows | Import-MiloCandidate -PostingId $p -BatchSize 100");
            sw.Stop();
            var requests = sim.Requests.Count(r => r.Path.EndsWith("/candidates/bulk", StringComparison.Ordinal));
            var bound = TimeSpan.FromMinutes(requests / (double)Limit);
            Check(output.Count == rows && sim.Data.IngestedCount(posting) == rows, "import: every row sent once");
            var throttled = sim.Requests.Count(r => r.Status == 429);
            var window = sim.Requests.MaxAcceptedInAnyWindow("bench-import", TimeSpan.FromSeconds(60));

            // Naive: one Import-MiloCandidate call per row (the module's single-row path), sequential.
            TimeSpan naiveSampleTime;
            await using (var naiveSim = await StartSim("bench-import-naive", o => { o.Postings = 1; o.BusyPostingCandidates = 1; }))
            using (var naive = new Engine())
            {
                naive.Connect(naiveSim, "bench-import-naive");
                naive.Set("rows", CsvRows(naiveSample, "naive"));
                naive.Set("p", naiveSim.Data.PostingIds[0]);
                var nsw = Stopwatch.StartNew();
                var nout = naive.Invoke("foreach ($r in $rows) { Import-MiloCandidate -PostingId $p -InputObject $r }");
                naiveSampleTime = nsw.Elapsed;
                Check(nout.Count == naiveSample, "naive import: every row sent");
            }
            var naivePerRow = naiveSampleTime / naiveSample;
            var naiveRateBound = TimeSpan.FromMinutes(rows / (double)Limit);
            var naiveTotal = naivePerRow * rows > naiveRateBound ? naivePerRow * rows : naiveRateBound;

            Row("import", $"{rows:N0} rows: requests", requests.ToString("N0"), rows.ToString("N0"), Ratio(rows, requests), "100 per bulk request vs one per row");
            Row("import", $"{rows:N0} rows: wall time", Fmt(sw.Elapsed), Fmt(naiveTotal) + " (extrapolated)", Ratio(naiveTotal, sw.Elapsed),
                $"naive measured on {naiveSample} rows ({Fmt(naiveSampleTime)}), then max(per-row × N, N/{Limit} per min)");
            Row("import", "vs rate-limit bound", $"{sw.Elapsed.TotalSeconds / bound.TotalSeconds:P0} of bound", "", "",
                $"bound = {requests} requests / {Limit} per min = {Fmt(bound)}; 429s: {throttled}; most accepted in any 60 s: {window}");
        }
    }

    /// <summary>
    /// Batches in flight at once against a slow bulk endpoint: the same import with -ThrottleLimit 1 (one
    /// batch at a time, what the module did before) and with the default 4, each against the serial bound
    /// (requests × latency) and the rate limit.
    /// </summary>
    private static async Task OverlapCase(int rows, TimeSpan latency)
    {
        Console.WriteLine($"[overlap] {rows:N0} rows, {latency.TotalSeconds:0.#} s per answer ...");
        foreach (var throttle in new[] { 1, 4 })
        {
            var key = "bench-overlap-" + throttle;
            await using var sim = await StartSim(key, o => { o.Postings = 1; o.BusyPostingCandidates = 1; }, latency);
            using var ps = new Engine();
            ps.Connect(sim, key);
            var posting = sim.Data.PostingIds[0];
            ps.Set("rows", CsvRows(rows, "overlap" + throttle));
            ps.Set("p", posting);
            var sw = Stopwatch.StartNew();
            var output = ps.Invoke($"$rows | Import-MiloCandidate -PostingId $p -ThrottleLimit {throttle}");
            sw.Stop();
            Check(output.Count == rows && sim.Data.IngestedCount(posting) == rows, "overlap: every row sent once");
            Check(output.Select(o => Convert.ToInt64(o.Properties["RowNumber"].Value, CultureInfo.InvariantCulture)).SequenceEqual(Enumerable.Range(1, rows).Select(i => (long)i)), "overlap: results in input order");
            var requests = sim.Requests.Count(r => r.Path.EndsWith("/candidates/bulk", StringComparison.Ordinal));
            var serialBound = latency * requests;
            var throttled = sim.Requests.Count(r => r.Status == 429);
            var window = sim.Requests.MaxAcceptedInAnyWindow(key, TimeSpan.FromSeconds(60));
            Row("overlap", $"{rows:N0} rows, -ThrottleLimit {throttle}", Fmt(sw.Elapsed), "", "",
                $"{sw.Elapsed.TotalSeconds / serialBound.TotalSeconds:P0} of the serial bound ({requests} requests × {latency.TotalSeconds:0.#} s = {Fmt(serialBound)}); 429s: {throttled}; most accepted in any 60 s: {window} (limit {Limit})");
        }
    }

    /// <summary>
    /// The server's own window: a server allowing 40 requests per 3 s (announced in its X-RateLimit-* headers),
    /// <paramref name="calls"/> Get-MiloPosting -First 1 calls spread over <paramref name="runspaces"/> runspaces
    /// on one key, against the server's real budget (calls / 40 × 3 s); then the same calls against the
    /// documented 300 per 60 s, which must never be exceeded.
    /// </summary>
    private static async Task ServerWindowCase(int calls, int runspaces)
    {
        Console.WriteLine($"[window] {calls} calls over {runspaces} runspaces ...");
        var engines = Enumerable.Range(0, runspaces).Select(_ => new Engine()).ToArray();
        try
        {
            // Each runspace's first call (JIT, the first connection) happens before the clock starts, against a
            // server without a limit: the case measures pacing, not start-up (the "first call" case measures that).
            await using (var warm = await StartSim("bench-window-warm", o => { o.Postings = 2; o.RateLimitPerMinute = 0; }, TimeSpan.Zero))
                await Task.WhenAll(engines.Select(e => Task.Run(() => { e.Connect(warm, "bench-window-warm"); e.Invoke("Get-MiloPosting -First 1 -PageSize 1"); })));

            foreach (var (limit, window) in new[] { (40, TimeSpan.FromSeconds(3)), (Limit, TimeSpan.FromSeconds(60)) })
            {
                var key = $"bench-window-{limit}";
                await using var sim = await StartSim(key, o => { o.Postings = 2; o.RateLimitPerMinute = limit; o.RateLimitWindow = window; }, TimeSpan.Zero);
                foreach (var e in engines) e.Connect(sim, key);
                var sw = Stopwatch.StartNew();
                // A thread of its own per runspace, as ForEach-Object -Parallel gives each: four blocking Invokes on
                // pool threads starve the pool the module's own async work runs on (up to a second lost to thread injection).
                await Task.WhenAll(engines.Select(e => Task.Factory.StartNew(() => e.Invoke($"1..{calls / runspaces} | ForEach-Object {{ Get-MiloPosting -First 1 -PageSize 1 }}"),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
                sw.Stop();
                var log = sim.Requests.Snapshot();
                if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "1")
                    foreach (var r in log) Console.WriteLine($"    {(r.Time - log[0].Time).TotalMilliseconds,8:0} ms {r.Status} {r.Path}");
                var budget = TimeSpan.FromTicks(window.Ticks * Math.Max(0, (calls - 1) / limit));
                var throttled = log.Count(r => r.Status == 429);
                var most = sim.Requests.MaxAcceptedInAnyWindow(key, window);
                Row("window", $"{calls} calls, server {limit} per {window.TotalSeconds:0} s", Fmt(sw.Elapsed), Fmt(budget) + " (server's budget)",
                    budget > TimeSpan.Zero ? $"{sw.Elapsed.TotalSeconds / budget.TotalSeconds:0.00}× the budget" : "",
                    $"429s: {throttled}; most accepted in any {window.TotalSeconds:0} s: {most} (limit {limit}); first to last request {Fmt(log[^1].Time - log[0].Time)}");
            }
        }
        finally
        {
            foreach (var e in engines) e.Dispose();
        }
    }

    private static async Task ListingCase(int postings)
    {
        Console.WriteLine($"[list] {postings:N0} postings ...");
        await using var sim = await StartSim("bench-list", o => o.Postings = postings);
        using var http = new HttpClient { BaseAddress = sim.BaseUri };
        http.DefaultRequestHeaders.Add("X-API-KEY", "bench-list");

        // Round trip of one 100-item page, raw.
        var trips = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var t = Stopwatch.StartNew();
            (await http.GetStringAsync("api/v2/postings?limit=100")).ToString();
            trips.Add(t.Elapsed.TotalMilliseconds);
        }
        var rtt = TimeSpan.FromMilliseconds(trips.Order().ElementAt(trips.Count / 2));
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the raw requests' permits matter less

        using var ps = new Engine();
        ps.Connect(sim, "bench-list");
        sim.Requests.Clear();
        var output = new PSDataCollection<PSObject>();
        TimeSpan? first = null;
        var sw = Stopwatch.StartNew();
        output.DataAdded += (_, _) => first ??= sw.Elapsed;
        using (var pipe = ps.Create("Get-MiloPosting -PageSize 100"))
            pipe.Invoke(null, output);
        sw.Stop();
        Check(output.Count == postings, "listing: every posting once");
        var pages = sim.Requests.Snapshot().Where(r => r.Path == "/api/v2/postings").OrderBy(r => r.Sequence).ToList();
        // Prefetch would show a page requested less than one latency after the previous one.
        var gaps = pages.Zip(pages.Skip(1), (a, b) => b.Time - a.Time).ToList();
        var overlapped = gaps.Count(g => g < s_latency);
        var pagesBound = rtt * pages.Count;
        // The client's sliding window: the first Limit requests go at once, then Limit per 61 s.
        var rateBound = TimeSpan.FromSeconds(61.0 * Math.Max(0, (pages.Count - 1) / Limit));

        // Naive: a raw sequential HttpClient loop over the same pages (what Invoke-RestMethod in a loop does), on a fresh key.
        await using var naiveSim = await StartSim("bench-list-naive", o => o.Postings = postings);
        using var naiveHttp = new HttpClient { BaseAddress = naiveSim.BaseUri };
        naiveHttp.DefaultRequestHeaders.Add("X-API-KEY", "bench-list-naive");
        var nsw = Stopwatch.StartNew();
        TimeSpan? naiveFirst = null;
        string? cursor = null;
        var naiveCount = 0;
        var naive429 = 0;
        while (true)
        {
            var response = await naiveHttp.GetAsync("api/v2/postings?limit=100" + (cursor is null ? "" : "&starting_after=" + cursor));
            if ((int)response.StatusCode == 429)
            {
                naive429++;
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var data = doc.RootElement.GetProperty("data");
            naiveFirst ??= nsw.Elapsed;
            naiveCount += data.GetArrayLength();
            if (!doc.RootElement.GetProperty("pagination").GetProperty("has_more").GetBoolean()) break;
            cursor = data[data.GetArrayLength() - 1].GetProperty("id").GetString();
        }
        nsw.Stop();
        Check(naiveCount == postings, "naive listing: every posting");

        Row("list", $"{postings:N0} postings: first object", Fmt(first ?? TimeSpan.Zero), Fmt(naiveFirst ?? TimeSpan.Zero), Ratio(naiveFirst ?? TimeSpan.Zero, first ?? TimeSpan.Zero),
            $"first call in the runspace (JIT included) = {(first ?? TimeSpan.Zero).TotalMilliseconds / rtt.TotalMilliseconds:0.00} round trips; naive = raw HttpClient loop, limit=100, no module");

        // The same, warm: a second listing in the same runspace, stopped at its first object.
        var warm = new PSDataCollection<PSObject>();
        TimeSpan? warmFirst = null;
        var warmWatch = Stopwatch.StartNew();
        warm.DataAdded += (_, _) => warmFirst ??= warmWatch.Elapsed;
        using (var pipe = ps.Create("Get-MiloPosting -PageSize 100 -First 100"))
            pipe.Invoke(null, warm);
        Row("list", "first object, warm", Fmt(warmFirst ?? TimeSpan.Zero), "", "",
            $"{(warmFirst ?? TimeSpan.Zero).TotalMilliseconds / rtt.TotalMilliseconds:0.00} round trips of {rtt.TotalMilliseconds:0} ms");
        Row("list", $"{postings:N0} postings: total", Fmt(sw.Elapsed), Fmt(nsw.Elapsed), Ratio(nsw.Elapsed, sw.Elapsed),
            $"{pages.Count} pages; pages × round trip ({rtt.TotalMilliseconds:0} ms) = {Fmt(pagesBound)}; client rate bound ≈ {Fmt(rateBound)}; naive raw loop saw {naive429} × 429");
        Row("list", "next page prefetched?", overlapped == 0 ? "no" : $"yes ({overlapped} pages)", "no", "",
            $"smallest gap between page requests {gaps.DefaultIfEmpty().Min().TotalMilliseconds:0} ms (latency {s_latency.TotalMilliseconds:0} ms)");
        if (overlapped == 0)
            s_notes.Add("Listing does not prefetch the next page (CursorPager is lazy by design: a page is requested only when the pipeline asks for an item past the previous one, so a stopped pipeline asks for no further page). Pages are fetched back to back, so the total is pages × round trip.");
    }

    private static async Task DetailedCase(int interviews)
    {
        Console.WriteLine($"[detailed] {interviews:N0} interviews ...");
        await using var sim = await StartSim("bench-detailed", o => { o.Postings = 1; o.BusyPostingCandidates = interviews; });
        using var ps = new Engine();
        ps.Connect(sim, "bench-detailed");
        ps.Set("p", sim.Data.PostingIds[0]);
        var sw = Stopwatch.StartNew();
        var output = ps.Invoke("Get-MiloInterview -PostingId $p -Detailed");
        sw.Stop();
        Check(output.Count == interviews, "detailed: every interview");
        var requests = sim.Requests.Snapshot().Where(r => r.ApiKey == "bench-detailed").OrderBy(r => r.Time).ToList();
        var rate = requests.Count / sw.Elapsed.TotalMinutes;
        // The client's window lets the first Limit requests go at once, then Limit per 61 s: over the run
        // the rate is above the limit for short runs and tends to Limit × 60/61 for long ones. What must hold
        // is the server's count: never more than Limit in any 60 s.
        var steadyRate = requests.Count > 1 ? (requests.Count - 1) / (requests[^1].Time - requests[0].Time).TotalMinutes : double.NaN;
        var throttled = sim.Requests.Count(r => r.Status == 429);
        var naiveTime = TimeSpan.FromTicks((long)(requests.Count * Math.Max(s_latency.Ticks * 1.2, TimeSpan.FromMinutes(1.0 / Limit).Ticks)));
        Row("detailed", $"{interviews:N0} interviews: wall time", Fmt(sw.Elapsed), Fmt(naiveTime) + " (computed)", Ratio(naiveTime, sw.Elapsed),
            $"{requests.Count} requests; naive = one sequential request each, at best max(RTT, 60/{Limit} s) apiece");
        Row("detailed", "rate over the run", $"{steadyRate:0} /min = {steadyRate / Limit:P0} of limit", "", "",
            $"long runs tend to {60.0 / 61:P0} (the limit per 61 s); wall-clock {rate:0}/min; 429s: {throttled}; most accepted in any 60 s: {sim.Requests.MaxAcceptedInAnyWindow("bench-detailed", TimeSpan.FromSeconds(60))}");
    }

    private static async Task MemoryCase(int[] sizes)
    {
        foreach (var n in sizes)
        {
            Console.WriteLine($"[memory] {n:N0} interviews ...");
            await using var sim = await StartSim("bench-memory", o => { o.Postings = 1; o.BusyPostingCandidates = n; o.RateLimitPerMinute = 0; o.Latency = TimeSpan.Zero; });
            using var ps = new Engine();
            ps.Connect(sim, "bench-memory", "-RequestsPerMinute 100000");
            ps.Set("p", sim.Data.PostingIds[0]);
            var file = Path.Combine(Path.GetTempPath(), $"heymilo-bench-{Guid.NewGuid():N}.json");
            ps.Set("file", file);
            try
            {
                var (streamPeak, streamTime, streamOut) = MeasurePeak(() => ps.Invoke("$n = 0; Get-MiloInterview -PostingId $p | ForEach-Object { $n++ }; $n"));
                Check(Convert.ToInt32(streamOut[0].BaseObject, CultureInfo.InvariantCulture) == n, "stream: every interview");
                var (exportPeak, exportTime, _) = MeasurePeak(() => ps.Invoke("Export-MiloInterview -PostingId $p -Path $file"));
                var size = new FileInfo(file).Length;
                Row("memory", $"stream {n:N0} (Get-MiloInterview | ForEach-Object)", $"+{Mb(streamPeak)} peak", "", "", $"{Fmt(streamTime)}; peak live managed heap above baseline (sampled every 50 ms after a full GC), in-process simulator included");
                Row("memory", $"export {n:N0} to JSON", $"+{Mb(exportPeak)} peak", "", "", $"{Fmt(exportTime)}; file {Mb(size)}");
            }
            finally
            {
                File.Delete(file);
            }
        }
        s_notes.Add("Memory: flat means the peak does not grow with N; the file size (which does) is shown for scale.");
    }

    private static async Task StartupCase(int runs)
    {
        Console.WriteLine($"[startup] {runs} cold processes each ...");
        var milo = new List<Dictionary<string, double>>();
        var trivial = new List<Dictionary<string, double>>();
        for (var i = 0; i < runs; i++)
        {
            milo.Add(await RunProbe("heymilo"));
            trivial.Add(await RunProbe("trivial"));
        }
        double Median(List<Dictionary<string, double>> list, string key) => list.Select(d => d[key]).Order().ElementAt(list.Count / 2);
        foreach (var key in new[] { "import", "first", "second" })
        {
            var m = Median(milo, key);
            var t = Median(trivial, key);
            var what = key switch { "import" => "Import-Module", "first" => "first call", _ => "second call" };
            Row("startup", what + " (median, cold process)", $"{m:0} ms", $"{t:0} ms (trivial module)", t > 0 ? $"{m / t:0.0}× the trivial" : "",
                key == "first" ? "HeyMilo: Connect-Milo + Get-MiloPosting -First 1 (first HTTP call); trivial: Get-Trivial" : "");
        }
    }

    /// <summary>Child process: open an engine, import one module, time its first and second call; prints JSON.</summary>
    private static async Task<int> Probe(string which)
    {
        SimulatorHost? sim = null;
        if (which == "heymilo") sim = await StartSim("bench-probe", o => o.Postings = 3, latency: TimeSpan.Zero);
        var state = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using (var warm = System.Management.Automation.PowerShell.Create()) { warm.Runspace = runspace; warm.AddScript("1").Invoke(); }
        string manifest = which == "heymilo" ? Paths.ModuleManifest : Paths.TrivialModule;
        var sw = Stopwatch.StartNew();
        Run(runspace, $"Import-Module '{manifest}' -ErrorAction Stop");
        var import = sw.Elapsed.TotalMilliseconds;
        runspace.SessionStateProxy.SetVariable("k", Secure("bench-probe"));
        string call = which == "heymilo" ? "Get-MiloPosting -First 1" : "Get-Trivial";
        string first = which == "heymilo" ? $"Connect-Milo -ApiKey $k -BaseUri '{sim!.BaseUri}' -LegacyBaseUri '{sim.BaseUri}'; {call}" : call;
        sw.Restart();
        Run(runspace, first);
        var firstMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        Run(runspace, call);
        var secondMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double> { ["import"] = import, ["first"] = firstMs, ["second"] = secondMs }));
        if (sim != null) await sim.DisposeAsync();
        return 0;
    }

    private static async Task<Dictionary<string, double>> RunProbe(string which)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--probe");
        start.ArgumentList.Add(which);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException("probe failed: " + stdout + stderr);
        return JsonSerializer.Deserialize<Dictionary<string, double>>(line)!;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static (long Peak, TimeSpan Time, Collection<PSObject> Output) MeasurePeak(Func<Collection<PSObject>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                // Live objects only (a full collection first): garbage waiting for the next GC is not growth.
                var now = GC.GetTotalMemory(true);
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                try { await Task.Delay(50, done.Token); } catch (OperationCanceledException) { }
            }
        });
        var sw = Stopwatch.StartNew();
        var output = work();
        sw.Stop();
        done.Cancel();
        sampler.Wait();
        return (peak - baseline, sw.Elapsed, output);
    }

    private static Task<SimulatorHost> StartSim(string key, Action<SimulatorOptions> configure, TimeSpan? latency = null)
    {
        var options = new SimulatorOptions
        {
            ApiKeys = new[] { key },
            Url = "http://127.0.0.1:0",
            RateLimitPerMinute = Limit,
            Latency = latency ?? s_latency,
            CandidatesPerPosting = 1,
            BusyPostingCandidates = 1,
            Webhooks = 0,
        };
        configure(options);
        return SimulatorHost.StartAsync(options);
    }

    private static PSObject[] CsvRows(int count, string tag) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("Name", "Bench Candidate " + i));
            row.Properties.Add(new PSNoteProperty("Email", $"{tag}{i}@bench.example.com"));
            row.Properties.Add(new PSNoteProperty("Phone", "+1206555" + (1000 + i % 9000)));
            return row;
        }).ToArray();

    private static void Run(Runspace runspace, string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(script + ": " + string.Join("; ", ps.Streams.Error));
    }

    internal static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("benchmark result is wrong: " + what);
    }

    private static void Row(params string[] cells)
    {
        s_table.Add(cells);
        Console.WriteLine("  " + string.Join(" | ", cells.Where(c => c.Length > 0)));
    }

    private static void PrintTable()
    {
        var header = new[] { "case", "measure", "HeyMilo", "naive", "ratio", "notes" };
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in s_table) Console.WriteLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
    }

    private static string Ratio(double naive, double module) => module <= 0 ? "" : $"{naive / module:0.#}×";

    private static string Ratio(TimeSpan naive, TimeSpan module) => Ratio(naive.TotalMilliseconds, module.TotalMilliseconds);

    private static string Fmt(TimeSpan t) =>
        t.TotalMinutes >= 2 ? $"{t.TotalMinutes:0.0} min" : t.TotalSeconds >= 2 ? $"{t.TotalSeconds:0.0} s" : $"{t.TotalMilliseconds:0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}

/// <summary>A runspace that imported the built module.</summary>
internal sealed class Engine : IDisposable
{
    private readonly Runspace _runspace;

    public Engine()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke($"Import-Module '{Paths.ModuleManifest}' -ErrorAction Stop");
    }

    public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public void Connect(SimulatorHost sim, string key, string extra = "")
    {
        Set("k", Program.Secure(key));
        Invoke($"Connect-Milo -ApiKey $k -BaseUri '{sim.BaseUri}' -LegacyBaseUri '{sim.BaseUri}' {extra}");
    }

    public System.Management.Automation.PowerShell Create(string script)
    {
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        return ps;
    }

    public Collection<PSObject> Invoke(string script)
    {
        using var ps = Create(script);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException(script + ": " + string.Join("; ", ps.Streams.Error.Take(3)));
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}

internal static class Paths
{
    public static readonly string Root = FindRoot();

    public static string ModuleManifest
    {
        get
        {
            var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "HeyMilo.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
#if DEBUG
            return Path.Combine(Root, "out", "debug", "HeyMilo", version, "HeyMilo.psd1");
#else
            return Path.Combine(Root, "out", "HeyMilo", version, "HeyMilo.psd1");
#endif
        }
    }

    public static string TrivialModule =>
        Directory.EnumerateFiles(Path.Combine(Root, "bench", "TrivialModule", "bin"), "TrivialModule.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HeyMilo.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HeyMilo.sln not found");
    }
}

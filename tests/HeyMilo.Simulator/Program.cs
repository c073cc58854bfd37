using System.Globalization;
using System.Runtime.InteropServices;
using HeyMilo.Simulator;

// The simulator as a process, for build.ps1 -Task Demo, the Pester suite and benchmarks:
//   dotnet run --project tests/HeyMilo.Simulator -- --urls http://127.0.0.1:5080 [--api-key K] [--postings N]
//       [--candidates N] [--rate-limit N] [--rate-window-ms N] [--latency-ms N] [--seed N] [--busy-candidates N]
//       [--cursor-steps-back N] [--has-more-false-after N]   (misbehaving cursor listings, for tests)
var options = new SimulatorOptions { Url = "http://127.0.0.1:5080" };
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--urls": options.Url = Value().Split(';')[0]; break;
        case "--api-key": options.ApiKeys = new[] { Value() }; break;
        case "--postings": options.Postings = Number(); break;
        case "--candidates": options.CandidatesPerPosting = Number(); break;
        case "--rate-limit": options.RateLimitPerMinute = Number(); break;
        case "--rate-window-ms": options.RateLimitWindow = TimeSpan.FromMilliseconds(Number()); break;
        case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(Number()); break;
        case "--seed": options.Seed = Number(); break;
        case "--busy-candidates": options.BusyPostingCandidates = Number(); break;
        case "--cursor-steps-back": options.CursorStepsBack = Number(); break;
        case "--has-more-false-after": options.HasMoreFalseAfter = Number(); break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Arguments: --urls --api-key --postings --candidates --rate-limit --rate-window-ms --latency-ms --seed --busy-candidates --cursor-steps-back --has-more-false-after");
            return 2;
    }
}

await using var host = await SimulatorHost.StartAsync(options);
Console.WriteLine($"HeyMilo simulator listening on {host.BaseUri.ToString().TrimEnd('/')}  API key: {options.ApiKeys[0]}");
Console.Out.Flush();
// Ctrl+C, SIGINT and SIGTERM (what kill, Stop-Process and CI send) end it cleanly. The web host's own
// console lifetime waits for Main to return on SIGTERM, so a ProcessExit handler here would deadlock.
var stop = new TaskCompletionSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
await stop.Task;
return 0;

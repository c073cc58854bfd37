using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The module imported into a host that already loaded OLDER versions of its dependencies
    /// (Microsoft.Extensions.Http / DependencyInjection / Options / Logging 8.x, the module ships 10.x;
    /// Polly.Core 8.6.5 with the same assembly version 8.0.0.0 as the module's 8.9).
    /// </summary>
    /// <remarks>
    /// Runs in a child process (tests/HeyMilo.IsolationHost, a PowerShell host built against those older
    /// packages), not in this one: an assembly loaded into the default load context cannot be unloaded, this
    /// process already imported the module (so "loaded before import" cannot be arranged here), and a
    /// conflicting version left in the shared test process would change what every later test sees. A
    /// separate collectible load context would not do either: what is under test is how the module's
    /// load context treats copies already in the default one.
    /// </remarks>
    public class IsolationTests : MiloTestBase
    {
        private static string HostAssembly
        {
            get
            {
                // tests/HeyMilo.Tests/bin/<Configuration>/net10.0/ → tests/HeyMilo.IsolationHost/bin/<Configuration>/net10.0/
                var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
                var configuration = tfm.Parent!.Name;
                return Path.Combine(RepoPaths.Root, "tests", "HeyMilo.IsolationHost", "bin", configuration, tfm.Name, "HeyMilo.IsolationHost.dll");
            }
        }

        private List<string> RunHost()
        {
            Assert.True(File.Exists(HostAssembly), "not built: " + HostAssembly);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { HostAssembly, RepoPaths.ModuleManifest, BaseUri, Key }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            // A bound on a hung child, not a wait for time to pass: it normally exits in about 2 s.
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("HeyMilo.IsolationHost did not exit within 60 s.");
            }
            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}{string.Join("\n", lines)}");
            return lines;
        }

        [Fact]
        public void Module_works_in_a_host_that_loaded_older_Microsoft_Extensions_and_Polly_and_each_keeps_its_own()
        {
            var lines = RunHost();
            var report = string.Join("\n", lines);

            Assert.DoesNotContain(lines, l => l.StartsWith("error=", StringComparison.Ordinal));
            Assert.Contains("host-before=ok", lines);
            Assert.Contains("postings=3", lines);      // Connect-Milo + Get-MiloPosting -First 3 against the simulator
            Assert.Contains("host-after=ok", lines);   // the host's own copies still work after the module ran
            Assert.Equal(new[] { Key }, Requests("/api/v2/postings").Select(r => r.ApiKey).ToArray()); // it was this simulator that answered

            var loads = lines.Where(l => l.StartsWith("assembly=", StringComparison.Ordinal))
                .Select(l => l.Substring("assembly=".Length).Split('|'))
                .Select(p => (Name: p[0], Version: Version.Parse(p[1]), Context: p[2], FileVersion: p[3]))
                .ToList();

            // The host's older copies stay in the default context, untouched by the import...
            Assert.Contains(loads, a => a.Name == "Microsoft.Extensions.Http" && a.Version.Major == 8 && a.Context == "Default");
            Assert.Contains(loads, a => a.Name == "Microsoft.Extensions.DependencyInjection.Abstractions" && a.Version.Major == 8 && a.Context == "Default");
            // ...and what the module loaded came from its own folder into its own context, even Polly.Core,
            // whose older host copy has the same assembly version.
            foreach (var name in new[] { "HeyMilo.Engine", "Microsoft.Extensions.Http.Resilience", "Polly.Core" })
                Assert.True(loads.Any(a => a.Name == name && a.Context == "HeyMilo"), name + " not in the HeyMilo load context:\n" + report);
            Assert.Contains(loads, a => a.Name == "Microsoft.Extensions.Http.Resilience" && a.Version.Major == 10);
            Assert.Contains(loads, a => a.Name == "Polly.Core" && a.Context == "Default" && a.FileVersion.StartsWith("8.6.5", StringComparison.Ordinal));
            Assert.Contains(loads, a => a.Name == "Polly.Core" && a.Context == "HeyMilo" && !a.FileVersion.StartsWith("8.6.5", StringComparison.Ordinal));
            Assert.Contains(loads, a => a.Name == "HeyMilo" && a.Context == "Default");   // the cmdlets: only they are in the default context
            Assert.DoesNotContain(loads, a => a.Context == "Default" && a.Version.Major >= 10);
        }
    }
}

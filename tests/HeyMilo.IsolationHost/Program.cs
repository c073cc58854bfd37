using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;
using System.Security;
using Microsoft.Extensions.DependencyInjection;
using Polly;

// Usage: HeyMilo.IsolationHost <module manifest> <base uri> <api key>
// Prints "host-before=ok", "postings=<n>" (or "error=..." lines), "host-after=ok" and one
// "assembly=<name>|<assembly version>|<load context>|<file version>" line per loaded Polly / Microsoft.Extensions assembly.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: HeyMilo.IsolationHost <manifest> <baseUri> <apiKey>");
    return 2;
}

// 1. The host uses its own, older, Microsoft.Extensions.* first: they load into the default context.
Console.WriteLine("host-before=" + Host.UseExtensions());

// 2. Import the module and use it.
var key = new SecureString();
foreach (var c in args[2]) key.AppendChar(c);
key.MakeReadOnly();
using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
{
    runspace.Open();
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.Runspace.SessionStateProxy.SetVariable("key", key);
    ps.AddScript($"Import-Module '{args[0]}' -ErrorAction Stop; Connect-Milo -ApiKey $key -BaseUri '{args[1]}' -LegacyBaseUri '{args[1]}'; @(Get-MiloPosting -First 3).Count");
    try
    {
        var output = ps.Invoke();
        foreach (var error in ps.Streams.Error) Console.WriteLine("error=" + error + " " + error.Exception);
        Console.WriteLine("postings=" + string.Join(",", output));
    }
    catch (Exception ex)
    {
        Console.WriteLine("error=" + ex);
    }
}

// 3. The host's own copies still work after the module ran.
Console.WriteLine("host-after=" + Host.UseExtensions());

foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic)
             .Where(a => a.GetName().Name is string n && (n == "HeyMilo" || n == "HeyMilo.Engine" || n.StartsWith("Polly", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)))
             .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
{
    var fileVersion = System.Diagnostics.FileVersionInfo.GetVersionInfo(assembly.Location).FileVersion;
    Console.WriteLine($"assembly={assembly.GetName().Name}|{assembly.GetName().Version}|{AssemblyLoadContext.GetLoadContext(assembly)?.Name}|{fileVersion}");
}
return 0;

internal static class Host
{
    /// <summary>
    /// Microsoft.Extensions.Http / DependencyInjection / Options / Logging 8.x (assembly version 8.0.0.0; the
    /// module's are 10.0.0.0) and Polly.Core 8.6.5 (assembly version 8.0.0.0, like the module's 8.9).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static string UseExtensions()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("host");
        using var provider = services.BuildServiceProvider();
        var pipeline = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(5)).Build();
        var answer = pipeline.Execute(() => provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient("host") != null ? "ok" : "no client");
        return answer;
    }
}

<#
.SYNOPSIS
    The server's own rate-limit window, as a runbook sees it: 120 Get-MiloPosting calls over 4
    ForEach-Object -Parallel runspaces in real pwsh, against a simulator allowing 40 requests per 3 s.

.DESCRIPTION
    A benchmark, not a test. Starts the built simulator on 127.0.0.1 with --rate-limit 40 --rate-window-ms 3000
    (announced in its X-RateLimit-* headers), imports the built module in 4 parallel runspaces that share the
    key's gate, and prints the wall time (it includes the 4 imports and first calls), the objects and errors,
    and the session's learned rate-limit view. The server's budget for 120 calls is 6 s (40 at 0, 3 and 6 s).
    Build first (dotnet build HeyMilo.sln -c Release).

.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File bench/Measure-ServerWindow.ps1
#>
[CmdletBinding()]
param(
    [ValidateRange(1024, 65535)]
    [int] $Port = 5099
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repo = Split-Path -Parent $PSScriptRoot
$simulatorDll = Join-Path $repo 'tests/HeyMilo.Simulator/bin/Release/net10.0/HeyMilo.Simulator.dll'
$manifest = Join-Path $repo 'out/HeyMilo/0.1.0/HeyMilo.psd1'
foreach ($path in $simulatorDll, $manifest) {
    if (-not (Test-Path -LiteralPath $path)) { throw "$path is missing: run 'dotnet build HeyMilo.sln -c Release' first." }
}
$uri = "http://127.0.0.1:$Port"
$apiKey = 'sim-window-0001'
$simulator = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput (Join-Path ([IO.Path]::GetTempPath()) 'heymilo-window-sim.txt') -ArgumentList @(
    $simulatorDll, '--urls', $uri, '--api-key', $apiKey, '--postings', '5', '--rate-limit', '40', '--rate-window-ms', '3000')
try {
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try { $null = Invoke-WebRequest "$uri/api/v2/postings" -SkipHttpErrorCheck; break }
        catch { if ([DateTime]::UtcNow -gt $deadline) { throw "The simulator did not listen on $uri within 60 s." } }
        $null = $simulator.WaitForExit(200)
    }
    $key = ConvertTo-SecureString $apiKey -AsPlainText -Force
    Import-Module $manifest
    Connect-Milo -ApiKey $key -BaseUri $uri -LegacyBaseUri $uri

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $runs = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
        Import-Module $using:manifest
        Connect-Milo -ApiKey $using:key -BaseUri $using:uri -LegacyBaseUri $using:uri
        $failures = @()
        $objects = 0
        foreach ($i in 1..30) { $objects += @(Get-MiloPosting -First 1 -PageSize 1 -ErrorVariable +failures).Count }
        [pscustomobject]@{ Objects = $objects; Errors = $failures.Count }
    }
    $watch.Stop()

    [pscustomobject]@{
        Calls      = 120
        Objects    = ($runs | Measure-Object Objects -Sum).Sum
        Errors     = ($runs | Measure-Object Errors -Sum).Sum
        WallSec    = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        BudgetSec  = 6
        RateLimit  = (Get-MiloSession).RateLimit
    } | Format-List
}
finally {
    if (-not $simulator.HasExited) { $simulator.Kill() }
}

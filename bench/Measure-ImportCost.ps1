<#
.SYNOPSIS
    Import cost of HeyMilo in real pwsh, cold processes, side by side with the trivial binary module.

.DESCRIPTION
    A benchmark, not a test. Starts the bundled simulator once, then runs -Runs cold pwsh processes per
    module, alternating HeyMilo and bench/TrivialModule. Each process times, with a Stopwatch inside the
    process (process start-up itself is not counted):
      import      Import-Module of the module
      first call  HeyMilo: Connect-Milo + Get-MiloPosting -First 1 over loopback; trivial: Get-Trivial
      engine      whether HeyMilo.Engine.dll was loaded after the import (it must not be: first call only)
    Prints medians and the ratio. Build first (dotnet build HeyMilo.sln -c Release).

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Measure-ImportCost.ps1 -Runs 15
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)]
    [int] $Runs = 11
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repo = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $repo 'tests/Pester/TestHelpers.psm1') -Force
$manifest = Get-MiloModuleManifest
$trivial = Get-ChildItem -Path (Join-Path $repo 'bench/TrivialModule/bin') -Recurse -Filter TrivialModule.dll |
    Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
if ($null -eq $trivial) { throw 'bench/TrivialModule is not built: run dotnet build HeyMilo.sln -c Release first.' }

# The same PowerShell as this one: its native launcher, or (the dotnet tool) dotnet + pwsh.dll.
$launcher = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
[string[]] $pwsh = if (Test-Path -LiteralPath $launcher -PathType Leaf) { @($launcher) } else { @((Get-Process -Id $PID).Path, (Join-Path $PSHOME 'pwsh.dll')) }
$simulator = Start-MiloSimulator -Port (Get-FreeTcpPort) -TimeoutSec 60
try {
    $heymiloScript = @"
`$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$manifest' -ErrorAction Stop
`$import = `$sw.Elapsed.TotalMilliseconds
`$engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'HeyMilo.Engine' }).Count
`$sw.Restart()
Connect-Milo -ApiKey (ConvertTo-SecureString '$($simulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($simulator.BaseUri)' -LegacyBaseUri '$($simulator.BaseUri)'
`$null = Get-MiloPosting -First 1
`$first = `$sw.Elapsed.TotalMilliseconds
'{0};{1};{2}' -f `$import, `$first, `$engine
"@
    $trivialScript = @"
`$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$($trivial.FullName)' -ErrorAction Stop
`$import = `$sw.Elapsed.TotalMilliseconds
`$sw.Restart()
`$null = Get-Trivial
`$first = `$sw.Elapsed.TotalMilliseconds
'{0};{1};0' -f `$import, `$first
"@
    $samples = @{ heymilo = @(); trivial = @() }
    for ($i = 0; $i -lt $Runs; $i++) {
        foreach ($which in 'heymilo', 'trivial') {
            $script = if ($which -eq 'heymilo') { $heymiloScript } else { $trivialScript }
            $line = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script | Select-Object -Last 1
            if ($LASTEXITCODE -ne 0 -or $line -notmatch '^[\d.]+;[\d.]+;\d+$') { throw "The $which run failed: $line" }
            $parts = $line -split ';'
            $samples[$which] += [pscustomobject]@{ Import = [double]$parts[0]; First = [double]$parts[1]; Engine = [int]$parts[2] }
        }
    }
}
finally {
    Stop-MiloSimulator -Simulator $simulator
}

function Get-Median([double[]] $values) {
    $sorted = @($values | Sort-Object)
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$mid] }
    return ($sorted[$mid - 1] + $sorted[$mid]) / 2
}

$hImport = Get-Median $samples.heymilo.Import
$tImport = Get-Median $samples.trivial.Import
$hFirst = Get-Median $samples.heymilo.First
$tFirst = Get-Median $samples.trivial.First
$engineAtImport = @($samples.heymilo | Where-Object Engine -gt 0).Count
[pscustomobject]@{ Case = 'Import-Module (median)'; HeyMilo = '{0:0.0} ms' -f $hImport; Trivial = '{0:0.0} ms' -f $tImport; Ratio = '{0:0.0}x' -f ($hImport / $tImport) }
[pscustomobject]@{ Case = 'First call (median)'; HeyMilo = '{0:0.0} ms' -f $hFirst; Trivial = '{0:0.0} ms' -f $tFirst; Ratio = '' }
[pscustomobject]@{ Case = 'Engine loaded by the import'; HeyMilo = "$engineAtImport of $Runs runs"; Trivial = ''; Ratio = '' }

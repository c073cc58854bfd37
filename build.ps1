<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the HeyMilo module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7; needs the .NET SDK 10 on PATH.

      Build    dotnet build HeyMilo.sln; the importable module lands in out/HeyMilo/<version>/.
      Test     Build, then dotnet test, then the Pester suite in tests/Pester when Pester 5 is installed.
      Demo     Build, start the bundled simulator on http://127.0.0.1:5080, import the module, connect and
               run the quick start. With $env:HEYMILO_API_KEY set it connects to the real API instead.
      Package  Build, then the PackHeyMiloModule target of src/HeyMilo when the project has one.

.EXAMPLE
    ./build.ps1 -Task Demo

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'HeyMilo.sln'
$SimulatorProject = 'tests/HeyMilo.Simulator'   # relative to $RepoRoot
$SimulatorKey = 'sim-key-0001'
$SimulatorPort = 5080
$SimulatorUri = "http://127.0.0.1:$SimulatorPort"

function Invoke-Dotnet {
    param([Parameter(Mandatory = $true)] [string[]] $Arguments)

    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'dotnet $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    $manifest = Import-PowerShellDataFile -Path (Join-Path $RepoRoot 'HeyMilo.psd1')
    return [string] $manifest['ModuleVersion']
}

function Get-BuiltManifestPath {
    return Join-Path $RepoRoot ('out/HeyMilo/{0}/HeyMilo.psd1' -f (Get-ModuleVersion))
}

function Invoke-BuildTask {
    if ($null -eq (Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
        throw 'dotnet was not found on PATH. Install the .NET SDK 10 (https://dot.net) and run the build again.'
    }
    Invoke-Dotnet -Arguments @('build', $Solution, '-c', $Configuration)
    $manifest = Get-BuiltManifestPath
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The build succeeded but did not assemble the module at $manifest."
    }
    Write-Host "HeyMilo module: $(Split-Path -Parent $manifest)" -ForegroundColor Green
}

function Get-PesterFailureCount {
    param([Parameter(Mandatory = $true)] $Result)

    # FailedCount covers tests; a block whose BeforeAll failed or a file that could not run are counted apart.
    $failed = 0
    foreach ($name in 'FailedCount', 'FailedBlocksCount', 'FailedContainersCount') {
        $property = $Result.PSObject.Properties[$name]
        if ($null -ne $property -and $null -ne $property.Value) { $failed += [int] $property.Value }
    }
    return $failed
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Dotnet -Arguments @('test', $Solution, '-c', $Configuration, '--no-build')

    $pester = Get-Module -Name Pester -ListAvailable |
        Where-Object { $_.Version -ge [version] '5.0' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($null -eq $pester) {
        Write-Warning 'Pester 5 or later is not installed, so tests/Pester was not run. Install it with: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -SkipPublisherCheck'
        return
    }

    # Windows PowerShell ships Pester 3.4; make sure the 5.x found above is the one in use.
    Get-Module -Name Pester | Remove-Module -Force
    Import-Module -Name $pester.Path -Force

    # The Pester suite starts the simulator with 'dotnet run --no-build': tell it which configuration was built.
    $previous = $env:HEYMILO_CONFIGURATION
    $env:HEYMILO_CONFIGURATION = $Configuration
    try {
        # Run the suite as a user would from a prompt: without this script's strict mode.
        $result = & {
            Set-StrictMode -Off
            Invoke-Pester -Path (Join-Path $RepoRoot 'tests/Pester') -Output Detailed -PassThru
        }
    }
    finally {
        $env:HEYMILO_CONFIGURATION = $previous
    }

    $failed = Get-PesterFailureCount -Result $result
    if ($failed -gt 0) {
        throw "Pester: $failed failed (tests, blocks or files). See the output above."
    }
}

function Test-PortInUse {
    param([Parameter(Mandatory = $true)] [int] $Port)

    $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList ([System.Net.IPAddress]::Loopback), $Port
    try {
        $listener.Start()
        return $false
    }
    catch {
        return $true
    }
    finally {
        $listener.Stop()
    }
}

function Get-LogText {
    param([Parameter(Mandatory = $true)] $Simulator)

    $text = ''
    foreach ($path in $Simulator.StdOut, $Simulator.StdErr) {
        if (Test-Path -LiteralPath $path) {
            $lines = @(Get-Content -LiteralPath $path -Tail 40 -ErrorAction SilentlyContinue)
            if ($lines.Count -gt 0) { $text += [Environment]::NewLine + ($lines -join [Environment]::NewLine) }
        }
    }
    return $text
}

function Start-Simulator {
    if (Test-PortInUse -Port $SimulatorPort) {
        throw "Port $SimulatorPort on 127.0.0.1 is already in use: stop whatever listens there (an earlier simulator?) and run the demo again."
    }

    $logBase = Join-Path ([System.IO.Path]::GetTempPath()) ('heymilo-simulator-' + [guid]::NewGuid().ToString('N'))
    $simulator = New-Object PSObject -Property @{
        Process = $null
        StdOut  = "$logBase.out.log"
        StdErr  = "$logBase.err.log"
    }
    $arguments = @('run', '--project', $SimulatorProject, '-c', $Configuration, '--no-build', '--', '--urls', $SimulatorUri)
    Write-Host "> dotnet $($arguments -join ' ')" -ForegroundColor Cyan
    $simulator.Process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -WorkingDirectory $RepoRoot `
        -NoNewWindow -PassThru -RedirectStandardOutput $simulator.StdOut -RedirectStandardError $simulator.StdErr
    # Windows PowerShell only reports ExitCode later if the handle was read while the process ran.
    $null = $simulator.Process.Handle
    return $simulator
}

function Wait-Simulator {
    param(
        [Parameter(Mandatory = $true)] $Simulator,
        [int] $TimeoutSec = 30
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        if ($Simulator.Process.HasExited) {
            throw "The simulator stopped (exit code $($Simulator.Process.ExitCode)) before it answered.$(Get-LogText -Simulator $Simulator)"
        }
        try {
            $null = Invoke-RestMethod -Uri "$SimulatorUri/health" -TimeoutSec 2
            return
        }
        catch {
            if ([DateTime]::UtcNow -ge $deadline) {
                throw "The simulator did not answer $SimulatorUri/health within $TimeoutSec s.$(Get-LogText -Simulator $Simulator)"
            }
        }
        Start-Sleep -Milliseconds 250
    }
}

function Stop-Simulator {
    param($Simulator)

    if ($null -eq $Simulator) { return }
    $process = $Simulator.Process
    if ($null -ne $process -and -not $process.HasExited) {
        # 'dotnet run' starts the simulator as a child process: end the whole tree.
        $killTree = $process.GetType().GetMethod('Kill', [Type[]] @([bool]))
        if ($null -ne $killTree) {
            $process.Kill($true)
        }
        elseif ($env:OS -eq 'Windows_NT') {
            & taskkill.exe /PID $process.Id /T /F | Out-Null
        }
        else {
            $process.Kill()
        }
        $null = $process.WaitForExit(10000)
    }
    Remove-Item -LiteralPath $Simulator.StdOut, $Simulator.StdErr -Force -ErrorAction SilentlyContinue
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $manifest = Get-BuiltManifestPath
    $useApi = -not [string]::IsNullOrWhiteSpace($env:HEYMILO_API_KEY)
    $simulator = $null
    $imported = $false
    try {
        if (-not $useApi) {
            $simulator = Start-Simulator
            Wait-Simulator -Simulator $simulator -TimeoutSec 30
            Write-Host "Simulator ready on $SimulatorUri" -ForegroundColor Green
        }

        Import-Module -Name $manifest -Force
        $imported = $true
        if ($useApi) {
            Write-Host 'Connect-Milo   # key from $env:HEYMILO_API_KEY, https://api.heymilo.ai' -ForegroundColor Cyan
            Connect-Milo
        }
        else {
            Write-Host "Connect-Milo -ApiKey <simulator key> -BaseUri $SimulatorUri -LegacyBaseUri $SimulatorUri" -ForegroundColor Cyan
            $key = ConvertTo-SecureString -String $SimulatorKey -AsPlainText -Force
            Connect-Milo -ApiKey $key -BaseUri $SimulatorUri -LegacyBaseUri $SimulatorUri
        }

        Write-Host 'Test-MiloConnection' -ForegroundColor Cyan
        Test-MiloConnection | Format-List | Out-Host

        Write-Host 'Get-MiloPosting | Select-Object -First 5 | Format-Table' -ForegroundColor Cyan
        Get-MiloPosting | Select-Object -First 5 | Format-Table | Out-Host
    }
    finally {
        if ($imported) { Disconnect-Milo }
        Stop-Simulator -Simulator $simulator
    }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $project = Join-Path $RepoRoot 'src/HeyMilo/HeyMilo.csproj'
    $targets = @(& dotnet msbuild $project -targets -nologo "-p:Configuration=$Configuration")
    if ($LASTEXITCODE -ne 0) {
        throw "Could not list the MSBuild targets of $project (exit code $LASTEXITCODE)."
    }
    $hasPack = @($targets | Where-Object { "$_".Trim() -eq 'PackHeyMiloModule' }).Count -gt 0
    if (-not $hasPack) {
        Write-Warning "src/HeyMilo has no PackHeyMiloModule target yet: nothing was packaged. The importable module is in $(Split-Path -Parent (Get-BuiltManifestPath))."
        return
    }
    Invoke-Dotnet -Arguments @('msbuild', $project, '-t:PackHeyMiloModule', "-p:Configuration=$Configuration")
}

Push-Location -LiteralPath $RepoRoot
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
    }
}
finally {
    Pop-Location
}

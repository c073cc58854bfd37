# Starting and stopping the bundled simulator, and finding the built module. Each Pester file imports
# this in its BeforeAll; build.ps1 -Task Demo uses it too. Runs on Windows PowerShell 5.1 and PowerShell 7.

Set-StrictMode -Version Latest

$script:RepoRoot = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$script:SimulatorProject = 'tests/HeyMilo.Simulator'   # relative to the repository root
$script:SimulatorKey = 'sim-key-0001'

function Get-MiloModuleManifest {
    <# The built module's manifest (out/HeyMilo/<version>/HeyMilo.psd1); fails clearly when it is not built. #>
    [CmdletBinding()]
    param()

    $version = (Import-PowerShellDataFile -Path (Join-Path $script:RepoRoot 'HeyMilo.psd1'))['ModuleVersion']
    $manifest = Join-Path $script:RepoRoot "out/HeyMilo/$version/HeyMilo.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "HeyMilo is not built: $manifest does not exist. Run 'dotnet build HeyMilo.sln' (or ./build.ps1) in $script:RepoRoot first."
    }
    return $manifest
}

function Get-FreeTcpPort {
    <# A TCP port on 127.0.0.1 that nothing listens on right now. #>
    [CmdletBinding()]
    param()

    $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList ([System.Net.IPAddress]::Loopback), 0
    $listener.Start()
    try {
        return ([System.Net.IPEndPoint] $listener.LocalEndpoint).Port
    }
    finally {
        $listener.Stop()
    }
}

function Get-SimulatorConfiguration {
    # The configuration whose simulator build is newest (dotnet run --no-build needs one that exists).
    $found = foreach ($configuration in 'Debug', 'Release') {
        $dll = Join-Path $script:RepoRoot "$script:SimulatorProject/bin/$configuration/net10.0/HeyMilo.Simulator.dll"
        if (Test-Path -LiteralPath $dll) {
            New-Object PSObject -Property @{ Configuration = $configuration; Written = (Get-Item -LiteralPath $dll).LastWriteTimeUtc }
        }
    }
    $newest = @($found | Sort-Object -Property Written -Descending)
    if ($newest.Count -eq 0) {
        throw "The simulator is not built: no $script:SimulatorProject/bin/<Debug|Release>/net10.0/HeyMilo.Simulator.dll. Run 'dotnet build HeyMilo.sln' in $script:RepoRoot first."
    }
    return $newest[0].Configuration
}

function Get-SimulatorLog {
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

function Test-TcpPortInUse {
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

function Start-MiloSimulator {
    <#
    .SYNOPSIS
        Starts the bundled simulator on 127.0.0.1 ('dotnet run --no-build') and waits until /health answers.
    .OUTPUTS
        An object with Process, Port, BaseUri ('http://127.0.0.1:<port>'), ApiKey, StdOut, StdErr.
    #>
    [CmdletBinding()]
    param(
        # The port to listen on; 0 picks a free one.
        [int] $Port = 0,

        # How many postings the simulator makes up; 0 leaves the simulator's default.
        [int] $Postings = 0,

        # Debug or Release; by default $env:HEYMILO_CONFIGURATION (set by build.ps1), else the newest build.
        [string] $Configuration = $env:HEYMILO_CONFIGURATION,

        [int] $TimeoutSec = 60
    )

    if ([string]::IsNullOrEmpty($Configuration)) { $Configuration = Get-SimulatorConfiguration }
    if ($Port -eq 0) {
        $Port = Get-FreeTcpPort
    }
    elseif (Test-TcpPortInUse -Port $Port) {
        throw "Port $Port on 127.0.0.1 is already in use: stop whatever listens there (an earlier simulator?) and try again."
    }
    $baseUri = "http://127.0.0.1:$Port"
    $logBase = Join-Path ([System.IO.Path]::GetTempPath()) "heymilo-simulator-$Port-$([guid]::NewGuid().ToString('N'))"
    $simulator = New-Object PSObject -Property @{
        Process = $null
        Port    = $Port
        BaseUri = $baseUri
        ApiKey  = $script:SimulatorKey
        StdOut  = "$logBase.out.log"
        StdErr  = "$logBase.err.log"
    }

    $arguments = @('run', '--project', $script:SimulatorProject, '-c', $Configuration, '--no-build', '--', '--urls', $baseUri)
    if ($Postings -gt 0) { $arguments += @('--postings', [string] $Postings) }
    Write-Verbose "dotnet $($arguments -join ' ')"
    $simulator.Process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -WorkingDirectory $script:RepoRoot `
        -NoNewWindow -PassThru -RedirectStandardOutput $simulator.StdOut -RedirectStandardError $simulator.StdErr
    $null = $simulator.Process.Handle   # so ExitCode is readable later on Windows PowerShell

    try {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while ($true) {
            if ($simulator.Process.HasExited) {
                throw "The simulator stopped (exit code $($simulator.Process.ExitCode)) before answering on $baseUri.$(Get-SimulatorLog -Simulator $simulator)"
            }
            try {
                $null = Invoke-RestMethod -Uri "$baseUri/health" -TimeoutSec 2
                break
            }
            catch {
                if ([DateTime]::UtcNow -ge $deadline) {
                    throw "The simulator did not answer $baseUri/health within $TimeoutSec s.$(Get-SimulatorLog -Simulator $simulator)"
                }
            }
            Start-Sleep -Milliseconds 250
        }
    }
    catch {
        Stop-MiloSimulator -Simulator $simulator
        throw
    }
    return $simulator
}

function Stop-MiloSimulator {
    <# Stops a simulator from Start-MiloSimulator (the whole 'dotnet run' process tree) and removes its logs. #>
    [CmdletBinding()]
    param($Simulator)

    if ($null -eq $Simulator) { return }
    $process = $Simulator.Process
    if ($null -ne $process -and -not $process.HasExited) {
        # 'dotnet run' runs the simulator as a child process: end the whole tree. Process.Kill(bool)
        # exists on PowerShell 7 (.NET Core 3.0+); Windows PowerShell has taskkill.
        try {
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
        }
        catch [System.InvalidOperationException] {
            # It exited meanwhile.
        }
        $null = $process.WaitForExit(10000)
    }
    Remove-Item -LiteralPath $Simulator.StdOut, $Simulator.StdErr -Force -ErrorAction SilentlyContinue
}

function ConvertTo-SimulatorKey {
    <# The simulator's API key as the SecureString Connect-Milo takes. #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)] $Simulator)

    return ConvertTo-SecureString -String $Simulator.ApiKey -AsPlainText -Force
}

function Invoke-SimulatorApi {
    <# A raw call to the simulator (outside the module), e.g. to seed data a test needs. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $Simulator,
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Path,
        $Body
    )

    $request = @{
        Uri     = $Simulator.BaseUri + $Path
        Method  = $Method
        Headers = @{ 'X-API-KEY' = $Simulator.ApiKey }
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request['ContentType'] = 'application/json'
        $request['Body'] = ConvertTo-Json -InputObject $Body -Depth 10
    }
    return Invoke-RestMethod @request
}

Export-ModuleMember -Function Get-MiloModuleManifest, Get-FreeTcpPort, Start-MiloSimulator, Stop-MiloSimulator,
    ConvertTo-SimulatorKey, Invoke-SimulatorApi

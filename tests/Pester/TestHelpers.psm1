# The Pester suite's shared set-up: Start-MiloTestSession (simulator, built module, connection) and
# Stop-MiloTestSession, plus starting and stopping the bundled simulator and finding the built module.
# Each Pester file imports this in its BeforeAll; build.ps1 -Task Demo uses Start-/Stop-MiloSimulator.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

Set-StrictMode -Version Latest

$script:RepoRoot = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$script:SimulatorProject = 'tests/HeyMilo.Simulator'   # relative to the repository root
$script:SimulatorKey = 'sim-key-0001'
$script:TestSimulator = $null   # the simulator of the running Start-MiloTestSession

function Get-MiloModuleManifest {
    <# The built module's manifest (out/HeyMilo/<version>/HeyMilo.psd1); fails clearly when it is not built. #>
    [CmdletBinding()]
    param()

    $version = (Import-PowerShellDataFile -Path (Join-Path $script:RepoRoot 'HeyMilo.psd1'))['ModuleVersion']
    # Release builds assemble out/HeyMilo/<version>/, others out/<configuration>/HeyMilo/<version>/.
    $configuration = if ([string]::IsNullOrEmpty($env:HEYMILO_CONFIGURATION)) { 'Release' } else { $env:HEYMILO_CONFIGURATION }
    $out = if ($configuration -eq 'Release') { 'out' } else { "out/$($configuration.ToLowerInvariant())" }
    $manifest = Join-Path $script:RepoRoot "$out/HeyMilo/$version/HeyMilo.psd1"
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
    # What the simulator wrote, for an error message: its standard output before it listened, then its
    # standard error once the process has ended (read in the background from the start).
    param([Parameter(Mandatory = $true)] $Simulator)

    $lines = @($Simulator.EarlyOutput)
    $errors = $Simulator.ErrorOutput
    if ($null -ne $errors -and $errors.Wait(5000)) { $lines += @($errors.Result -split '\r?\n' | Select-Object -Last 40) }
    $lines = @($lines | Where-Object { -not [string]::IsNullOrWhiteSpace($_) })
    if ($lines.Count -eq 0) { return '' }
    return [Environment]::NewLine + ($lines -join [Environment]::NewLine)
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
        Starts the bundled simulator on 127.0.0.1 ('dotnet run --no-build') and waits until it listens.
    .OUTPUTS
        An object with Process, Port, BaseUri ('http://127.0.0.1:<port>'), ApiKey (text) and Key (SecureString).
    #>
    [CmdletBinding()]
    param(
        # The port to listen on; 0 picks a free one.
        [int] $Port = 0,

        # How many postings the simulator makes up; 0 leaves the simulator's default.
        [int] $Postings = 0,

        # The simulator's own requests per minute for the key (its real-time window); 0 leaves its default
        # (the API's 300). A file that runs the module on the fake clock sends faster than real time: raise it.
        [int] $RateLimit = 0,

        # Debug or Release; by default $env:HEYMILO_CONFIGURATION (set by build.ps1), else the newest build.
        [string] $Configuration = $env:HEYMILO_CONFIGURATION,

        # The one API key the simulator accepts (letters, digits and '-').
        [ValidatePattern('^[A-Za-z0-9-]+$')]
        [string] $ApiKey = $script:SimulatorKey,

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
    $arguments = @('run', '--project', $script:SimulatorProject, '-c', $Configuration, '--no-build', '--', '--urls', $baseUri, '--api-key', $ApiKey)
    if ($Postings -gt 0) { $arguments += @('--postings', [string] $Postings) }
    if ($RateLimit -gt 0) { $arguments += @('--rate-limit', [string] $RateLimit) }
    Write-Verbose "dotnet $($arguments -join ' ')"

    $startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = 'dotnet'
    # One string, as Windows PowerShell's .NET Framework takes it; no argument holds a space or a quote
    # (the project path is relative to the working directory).
    $startInfo.Arguments = $arguments -join ' '
    $startInfo.WorkingDirectory = $script:RepoRoot
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $simulator = [pscustomobject] @{
        Process     = $process
        Port        = $Port
        BaseUri     = $baseUri
        ApiKey      = $ApiKey
        # The key as the SecureString Connect-Milo takes.
        Key         = ConvertTo-SecureString -String $ApiKey -AsPlainText -Force
        # Standard error is read to its end in the background from the start, so the pipe never fills.
        ErrorOutput = $process.StandardError.ReadToEndAsync()
        EarlyOutput = New-Object -TypeName System.Collections.Generic.List[string]
        Output      = $null
    }

    # Ready when it says so: the simulator prints 'HeyMilo simulator listening on <uri>' once Kestrel
    # listens. Each read waits for the next line (or the end of the output when the process stops) until
    # the deadline; nothing polls or sleeps.
    try {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while ($true) {
            $read = $process.StandardOutput.ReadLineAsync()
            $left = $deadline - [DateTime]::UtcNow
            if ($left -le [TimeSpan]::Zero -or -not $read.Wait($left)) {
                throw "The simulator did not start listening on $baseUri within $TimeoutSec s.$(Get-SimulatorLog -Simulator $simulator)"
            }
            $line = $read.Result
            if ($null -eq $line) {
                $null = $process.WaitForExit(10000)
                throw "The simulator stopped (exit code $($process.ExitCode)) before listening on $baseUri.$(Get-SimulatorLog -Simulator $simulator)"
            }
            if ($line.StartsWith('HeyMilo simulator listening on ', [StringComparison]::Ordinal)) { break }
            $simulator.EarlyOutput.Add($line)
        }
        # The rest of standard output, read in the background too.
        $simulator.Output = $process.StandardOutput.ReadToEndAsync()
    }
    catch {
        Stop-MiloSimulator -Simulator $simulator
        throw
    }
    return $simulator
}

function Stop-MiloSimulator {
    <# Stops a simulator from Start-MiloSimulator (the whole 'dotnet run' process tree). #>
    [CmdletBinding()]
    param($Simulator)

    if ($null -eq $Simulator) { return }
    $process = $Simulator.Process
    if ($null -eq $process) { return }
    if (-not $process.HasExited) {
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
    $process.Dispose()
}

function Start-MiloTestSession {
    <#
    .SYNOPSIS
        The set-up every Pester file shares, in one line of its BeforeAll: starts a simulator, imports the
        built module and connects to the simulator (the current session).
    .DESCRIPTION
        The module is imported with -Force, into the global scope where the tests see it, as a user
        re-imports after a build: a file run alone gets a fresh module, and in one process for the whole
        suite each file re-imports it. When anything here fails, what was started is stopped before the
        error goes on. Stop-MiloTestSession, in the file's AfterAll, undoes it all.
    .OUTPUTS
        The simulator (see Start-MiloSimulator): BaseUri, Port, ApiKey, and Key for Connect-Milo -ApiKey;
        Manifest, the path of the built module's manifest that was imported.
    .EXAMPLE
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
            $sim = Start-MiloTestSession -Postings 250
        }
        AfterAll { Stop-MiloTestSession }
    #>
    [CmdletBinding()]
    param(
        # How many postings the simulator makes up; 0 leaves the simulator's default.
        [int] $Postings = 0,

        # The simulator's requests per minute (see Start-MiloSimulator); 0 leaves its default.
        [int] $RateLimit = 0
    )

    $manifest = Get-MiloModuleManifest
    # A key of its own for each file's simulator: the module paces each key to the API's 300 requests a
    # minute for the whole process, so with a shared key a file run after the others would wait out their
    # requests. It still ends in 0001, as the tests of KeyFingerprint expect.
    $key = 'sim-{0}-0001' -f [guid]::NewGuid().ToString('N').Substring(0, 12)
    $simulator = Start-MiloSimulator -Postings $Postings -RateLimit $RateLimit -ApiKey $key
    $script:TestSimulator = $simulator
    $simulator | Add-Member -NotePropertyName Manifest -NotePropertyValue $manifest
    try {
        Import-Module -Name $manifest -Force -Global -ErrorAction Stop
        # Say so plainly when the import gave the tests nothing to call, rather than every test failing on
        # a command not found.
        $commands = @(Get-Command -Module HeyMilo -ErrorAction SilentlyContinue)
        if ($commands.Count -eq 0 -or $null -eq (Get-Command -Name Connect-Milo -ErrorAction SilentlyContinue)) {
            throw "Import-Module '$manifest' -Force left HeyMilo with $($commands.Count) commands and no Connect-Milo."
        }
        Connect-Milo -ApiKey $simulator.Key -BaseUri $simulator.BaseUri -LegacyBaseUri $simulator.BaseUri
    }
    catch {
        Stop-MiloTestSession
        throw
    }
    return $simulator
}

function Stop-MiloTestSession {
    <# Undoes Start-MiloTestSession: disconnects the current session, if any, and stops the simulator. #>
    [CmdletBinding()]
    param()

    $simulator = $script:TestSimulator
    $script:TestSimulator = $null
    if ($null -eq $simulator) { return }
    try {
        if ($null -ne (Get-Command -Name Get-MiloSession -ErrorAction SilentlyContinue) -and $null -ne (Get-MiloSession)) {
            Disconnect-Milo
        }
    }
    finally {
        Stop-MiloSimulator -Simulator $simulator
    }
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

function Set-MiloTestClock {
    <#
    .SYNOPSIS
        Hands the module a fake clock (tests/HeyMilo.TestClock's AutoAdvancingClock) so no test waits in real
        time; Reset-MiloTestClock gives the system clock back.
    .DESCRIPTION
        The module's clock is HeyMilo.Diagnostics.ModuleClock.Current (internal, in the engine, one per
        process). The fake clock is loaded into the engine's load context, where the TimeProvider the engine
        uses lives, once per process: a later file reuses the assembly loaded there. Each call installs a new
        clock, starting at the same virtual time.
    .OUTPUTS
        The clock: Advance([TimeSpan]), Waits(), AutoAdvanceLimit (timers up to it fire at once; longer ones
        only when Advance reaches them).
    #>
    [CmdletBinding()]
    param(
        # Timers up to this long fire at once; the clock's own default (90 s) when not given.
        [TimeSpan] $AutoAdvanceLimit
    )

    $property = Get-ModuleClockProperty
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($property.PropertyType.Assembly)
    $assembly = @($context.Assemblies | Where-Object { -not $_.IsDynamic -and [System.IO.Path]::GetFileName($_.Location) -eq 'HeyMilo.TestClock.dll' }) | Select-Object -First 1
    if ($null -eq $assembly) {
        $dll = Get-ChildItem -LiteralPath (Join-Path $script:RepoRoot 'tests/HeyMilo.TestClock/bin') -Recurse -Filter 'HeyMilo.TestClock.dll' -ErrorAction SilentlyContinue |
            Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
        if ($null -eq $dll) { throw "tests/HeyMilo.TestClock is not built: run 'dotnet build HeyMilo.sln' in $script:RepoRoot first." }
        $assembly = $context.LoadFromAssemblyPath($dll.FullName)
    }
    $clock = [Activator]::CreateInstance($assembly.GetType('HeyMilo.TestClock.AutoAdvancingClock', $true))
    if ($PSBoundParameters.ContainsKey('AutoAdvanceLimit')) { $clock.AutoAdvanceLimit = $AutoAdvanceLimit }
    $property.SetValue($null, $clock)
    return $clock
}

function Invoke-PipeCell {
    <#
    .SYNOPSIS
        Pipes one object into one command line and says what happened, as docs/pipeline.md writes a cell: the
        distinct requests the module sent ('GET /api/v2/voices/{Id}', from its -Verbose request log), then
        the distinct error ids ('! HeyMilo.NotFound'), joined by '; '; '(none)' when nothing was sent or
        reported.
    .DESCRIPTION
        Ids in the paths are written as the name of the piped object's property that holds them ({Id},
        {PostingId}, {P2} for -OtherPostingId), and the object's own text (what PowerShell makes of it when
        it coerces the object to a string) as {ToString}, so the cell reads the same on every run.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $InputObject,
        # The command line the object is piped into, e.g. 'Get-MiloVoice'.
        [Parameter(Mandatory = $true)] [string] $Command,
        # A posting id the command line names as $P2, written {P2}.
        [string] $OtherPostingId
    )

    $names = @{}
    foreach ($property in $InputObject.PSObject.Properties) {
        try { $value = $property.Value } catch { continue }
        if ($value -is [string] -and $value.Length -ge 2 -and -not $names.ContainsKey($value)) { $names[$value] = $property.Name }
    }
    $text = [uri]::EscapeDataString([string] $InputObject)
    $script = [scriptblock]::Create('param($x, $P2) $x | ' + $Command + ' -Verbose -ErrorAction SilentlyContinue -ErrorVariable +global:MiloPipeCellErrors 4>&1')
    $global:MiloPipeCellErrors = @()
    $caught = @()
    try {
        $out = @(& $script $InputObject $OtherPostingId)
    }
    catch {
        $out = @()
        $caught = @($_)
    }
    $requests = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object {
            $m = [regex]::Match($_.Message, '^HeyMilo: (\S+) (\S+) ->')
            if ($m.Success) {
                $segments = foreach ($segment in $m.Groups[2].Value.Split('?')[0].Split('/')) {
                    $plain = [uri]::UnescapeDataString($segment)
                    if ($segment -eq $text -and $text.Length -gt 0) { '{ToString}' }
                    elseif ($OtherPostingId -and $plain -eq $OtherPostingId) { '{P2}' }
                    elseif ($names.ContainsKey($plain)) { '{' + $names[$plain] + '}' }
                    else { $segment }
                }
                $m.Groups[1].Value + ' ' + ($segments -join '/')
            }
        } | Select-Object -Unique)
    $errors = @(@($global:MiloPipeCellErrors) + $caught | ForEach-Object {
            # -ErrorVariable also collects the exception of an error that stopped the command.
            $record = if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } elseif ($_ -is [System.Management.Automation.IContainsErrorRecord]) { $_.ErrorRecord }
            if ($null -ne $record) { '! ' + $record.FullyQualifiedErrorId.Split(',')[0] } else { '! ' + $_.GetType().FullName }
        } | Select-Object -Unique)
    $all = @($requests) + @($errors)
    if ($all.Count -eq 0) { return '(none)' }
    return $all -join '; '
}

function Reset-MiloTestClock {
    <# Gives the module the system clock back (undoes Set-MiloTestClock). #>
    [CmdletBinding()]
    param()

    (Get-ModuleClockProperty).SetValue($null, $null)
}

function Get-ModuleClockProperty {
    # HeyMilo.Diagnostics.ModuleClock.Current, found through the engine assembly of the imported module.
    $engine = [HeyMilo.MiloSession].Assembly
    $type = $engine.GetType('HeyMilo.Diagnostics.ModuleClock', $true)
    return $type.GetProperty('Current', [System.Reflection.BindingFlags] 'Static, NonPublic')
}

Export-ModuleMember -Function Get-MiloModuleManifest, Get-FreeTcpPort, Start-MiloSimulator, Stop-MiloSimulator,
    Start-MiloTestSession, Stop-MiloTestSession, Invoke-SimulatorApi, Set-MiloTestClock, Reset-MiloTestClock,
    Invoke-PipeCell

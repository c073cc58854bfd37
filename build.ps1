<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the HeyMilo module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7; needs the .NET SDK 10 on PATH.

      Build    dotnet build HeyMilo.sln; the importable module lands in out/HeyMilo/<version>/.
      Test     Restore Pester (tests/Tools/Tools.csproj, into out/tools), build, dotnet test, then the whole
               tests/Pester suite in this process with one Invoke-Pester. Fails when either suite fails or
               Pester runs no test; writes out/test-results/pester-summary.json (counts) and pester.xml (NUnit).
      Demo     Build, start the bundled simulator on http://127.0.0.1:5080, import the module, connect and
               run the main job: docs/examples/candidates.csv into the first posting (accepted rows to
               out/demo/sent.csv, rejected rows reported, a summary), then export that posting's
               interviews to out/demo/interviews.csv. With $env:HEYMILO_API_KEY set it connects to the
               real API instead and only reads (the import runs with -WhatIf).
      Package  Build and package (MSBuild target PackHeyMiloModule, as CI runs it): out/packages/HeyMilo.<version>.nupkg
               for Publish-PSResource / Install-PSResource, and out/packages/HeyMilo-<version>-azure-automation.zip
               for Azure Automation (docs/azure-automation.md).

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
$SimulatorKey = 'sim-key-0001'
$SimulatorPort = 5080
$SimulatorUri = "http://127.0.0.1:$SimulatorPort"
$SampleCsv = Join-Path $RepoRoot 'docs/examples/candidates.csv'
$DemoOutput = Join-Path $RepoRoot 'out/demo'
$TestResults = Join-Path $RepoRoot 'out/test-results'
$PesterVersion = '5.9.1'   # as tests/Tools/Tools.csproj downloads it

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
    # Directory.Build.props: Release assembles out/HeyMilo/<version>/, other configurations out/<configuration>/.
    $out = if ($Configuration -eq 'Release') { 'out' } else { 'out/' + $Configuration.ToLowerInvariant() }
    return Join-Path $RepoRoot ('{0}/HeyMilo/{1}/HeyMilo.psd1' -f $out, (Get-ModuleVersion))
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

function Get-PesterModulePath {
    # Pester comes from NuGet like every other dependency: restoring tests/Tools/Tools.csproj downloads the
    # pinned version into out/tools, and the suite imports it from there by path, never from PSModulePath.
    Invoke-Dotnet -Arguments @('restore', (Join-Path $RepoRoot 'tests/Tools/Tools.csproj')) | Out-Host
    $path = Join-Path $RepoRoot "out/tools/pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Restoring tests/Tools/Tools.csproj did not put Pester $PesterVersion at $path."
    }
    return $path
}

function Invoke-PesterSuite {
    # The whole tests/Pester suite in this process, one Invoke-Pester; returns its counts.
    param([Parameter(Mandatory = $true)] [string] $ModulePath)

    # Windows PowerShell ships Pester 3.4, and a user may have loaded another: only the restored one is used.
    Get-Module -Name Pester | Remove-Module -Force
    Import-Module -Name $ModulePath -Force -ErrorAction Stop

    $config = New-PesterConfiguration
    $config.Run.Path = @(Join-Path $RepoRoot 'tests/Pester')
    $config.Run.PassThru = $true
    $config.Run.Exit = $false
    $config.Run.Throw = $false
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $TestResults 'pester.xml'

    # The Pester suite starts the simulator with 'dotnet run --no-build': tell it which configuration was built.
    $previous = $env:HEYMILO_CONFIGURATION
    $env:HEYMILO_CONFIGURATION = $Configuration
    try {
        # Run the suite as a user would from a prompt: without this script's strict mode and 'Stop'.
        $result = & {
            Set-StrictMode -Off
            $ErrorActionPreference = 'Continue'
            Invoke-Pester -Configuration $config
        }
    }
    finally {
        $env:HEYMILO_CONFIGURATION = $previous
    }
    if ($null -eq $result) {
        # Pester returns nothing when it found no test file at all: that is a run of no test.
        return [ordered] @{ Result = 'NoTestFiles'; Total = 0; Passed = 0; Failed = 0; Skipped = 0; NotRun = 0; Inconclusive = 0; FailedBlocks = 0; FailedContainers = 0 }
    }

    return [ordered] @{
        Result           = [string] $result.Result
        Total            = [int] $result.TotalCount
        Passed           = [int] $result.PassedCount
        Failed           = [int] $result.FailedCount
        Skipped          = [int] $result.SkippedCount
        NotRun           = [int] $result.NotRunCount
        Inconclusive     = [int] $result.InconclusiveCount
        # A BeforeAll/AfterAll that failed, and a file that could not be discovered or set up.
        FailedBlocks     = [int] $result.FailedBlocksCount
        FailedContainers = [int] $result.FailedContainersCount
    }
}

function Get-PesterProblem {
    # Why the Pester counts fail the run, or nothing when they pass.
    param([Parameter(Mandatory = $true)] $Counts)

    $problems = @()
    if ($Counts.Total -eq 0) { $problems += 'no test ran' }
    if ($Counts.Failed -gt 0) { $problems += "$($Counts.Failed) tests failed" }
    if ($Counts.FailedBlocks -gt 0) { $problems += "$($Counts.FailedBlocks) blocks failed (BeforeAll/AfterAll)" }
    if ($Counts.FailedContainers -gt 0) { $problems += "$($Counts.FailedContainers) files failed (discovery or set-up)" }
    # A test that was discovered but not run, or left inconclusive, was not checked: not a pass.
    if ($Counts.NotRun -gt 0) { $problems += "$($Counts.NotRun) tests did not run" }
    if ($Counts.Inconclusive -gt 0) { $problems += "$($Counts.Inconclusive) tests were inconclusive" }
    if ($problems.Count -eq 0 -and $Counts.Result -ne 'Passed') { $problems += "the run's result is '$($Counts.Result)'" }
    return $problems
}

function Invoke-TestTask {
    # Results of this run only: CI reads the counts from here (out/test-results/pester-summary.json).
    if (Test-Path -LiteralPath $TestResults) { Remove-Item -LiteralPath $TestResults -Recurse -Force }
    $null = New-Item -ItemType Directory -Force -Path $TestResults

    # Tools first: a Pester that cannot be restored fails the run before the long part.
    $pesterModule = Get-PesterModulePath
    Invoke-BuildTask

    # dotnet test's failure is noted, not thrown, so the Pester suite still runs and both suites are counted.
    $arguments = @('test', $Solution, '-c', $Configuration, '--no-build')
    Write-Host "> dotnet $($arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @arguments
    $dotnetExit = $LASTEXITCODE

    $counts = Invoke-PesterSuite -ModulePath $pesterModule
    $counts | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $TestResults 'pester-summary.json') -Encoding UTF8

    $problems = @()
    if ($dotnetExit -ne 0) { $problems += "dotnet test failed with exit code $dotnetExit" }
    $problems += @(Get-PesterProblem -Counts $counts | ForEach-Object { "Pester: $_" })
    if ($problems.Count -gt 0) {
        throw "Tests failed: $($problems -join '; '). See the output above."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $null = New-Item -ItemType Directory -Force -Path $DemoOutput
    $manifest = Get-BuiltManifestPath
    $useApi = -not [string]::IsNullOrWhiteSpace($env:HEYMILO_API_KEY)
    # Start-MiloSimulator / Stop-MiloSimulator, shared with the Pester suite.
    Import-Module -Name (Join-Path $RepoRoot 'tests/Pester/TestHelpers.psm1') -Force
    $simulator = $null
    $imported = $false
    try {
        if (-not $useApi) {
            Write-Host "> dotnet run --project tests/HeyMilo.Simulator -c $Configuration --no-build -- --urls $SimulatorUri" -ForegroundColor Cyan
            $simulator = Start-MiloSimulator -Port $SimulatorPort -Configuration $Configuration -TimeoutSec 30
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

        Write-Host 'Get-MiloPosting -First 5' -ForegroundColor Cyan
        $postings = @(Get-MiloPosting -First 5)
        $postings | Format-Table | Out-Host
        if ($postings.Count -eq 0) { throw 'The workspace has no posting to import candidates into.' }

        if ($useApi) {
            # Against the real API the demo stops at reading: importing would invite real candidates.
            Write-Host "Import-Csv $SampleCsv | Import-MiloCandidate -PostingId $($postings[0].Id) -WhatIf" -ForegroundColor Cyan
            Import-Csv -LiteralPath $SampleCsv | Import-MiloCandidate -PostingId $postings[0].Id -MetadataProperty Source -WhatIf
        }
        else {
            # The main job: a CSV of candidates into a posting, the accepted rows to a mailing list,
            # the rejected ones reported with their row, and a summary.
            $sent = Join-Path $DemoOutput 'sent.csv'
            Write-Host "Import-Csv $SampleCsv | Import-MiloCandidate -PostingId $($postings[0].Id) -MetadataProperty Source -Summary" -ForegroundColor Cyan
            $results = @(Import-Csv -LiteralPath $SampleCsv |
                    Import-MiloCandidate -PostingId $postings[0].Id -MetadataProperty Source -Summary -ErrorVariable rejected -ErrorAction SilentlyContinue)
            $summary = $results | Where-Object { $_ -is [HeyMilo.CandidateImportSummary] }
            $results | Where-Object { $_ -is [HeyMilo.CandidateImportResult] } |
                Select-Object RowNumber, Name, Email, InterviewId, InterviewUrl |
                Export-Csv -LiteralPath $sent -NoTypeInformation
            foreach ($problem in $rejected) { Write-Host "  rejected: $($problem.ErrorDetails.Message)" -ForegroundColor Yellow }
            $summary | Format-List | Out-Host
            Write-Host "Accepted rows with their interview links: $sent" -ForegroundColor Green

            $export = Join-Path $DemoOutput 'interviews.csv'
            Write-Host "Export-MiloInterview -PostingId $($postings[0].Id) -Path $export -Force" -ForegroundColor Cyan
            Export-MiloInterview -PostingId $postings[0].Id -Path $export -Force -PassThru | Format-Table Name, Length | Out-Host
        }
    }
    finally {
        if ($imported) { Disconnect-Milo }
        Stop-MiloSimulator -Simulator $simulator
    }
}

function Invoke-PackageTask {
    # The same MSBuild target CI runs (src/HeyMilo/Package.targets); it builds first.
    $project = Join-Path $RepoRoot 'src/HeyMilo/HeyMilo.csproj'
    Invoke-Dotnet -Arguments @('build', $project, '-c', $Configuration, '-t:PackHeyMiloModule')
    $version = Get-ModuleVersion
    $packages = Join-Path $RepoRoot 'out/packages'
    foreach ($name in @("HeyMilo.$version.nupkg", "HeyMilo-$version-azure-automation.zip")) {
        $path = Join-Path $packages $name
        if (-not (Test-Path -LiteralPath $path)) {
            throw "The package target succeeded but did not write $path."
        }
        Write-Host "Package: $path" -ForegroundColor Green
    }
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

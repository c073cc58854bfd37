<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the HeyMilo module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7; needs the .NET SDK 10 on PATH.

      Build    dotnet build HeyMilo.sln; the importable module lands in out/HeyMilo/<version>/.
      Test     Build, then dotnet test, then the Pester suite in tests/Pester when Pester 5 is installed.
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

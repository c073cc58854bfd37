# What a long-lived pwsh session does to the module: re-imports, removal, import by name, #Requires,
# several runspaces. In the suite this file runs in the same process as every other file, after they
# imported the module too — which is the point.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession
    $manifest = $sim.Manifest
    $declared = @((Test-ModuleManifest -Path $manifest).ExportedCmdlets.Keys | Sort-Object)

    function Get-CommandCount { @(Get-Command -Module HeyMilo).Count }

    # The per-key rate-limit gate behind a session (internal to the engine), to compare across runspaces.
    function Get-SessionGate($Session) {
        $transport = $Session.GetType().GetProperty('Transport', [System.Reflection.BindingFlags] 'Instance, NonPublic').GetValue($Session)
        $transport.GetType().GetProperty('Gate', [System.Reflection.BindingFlags] 'Instance, Public, NonPublic').GetValue($transport)
    }

    # A cold pwsh with a PSModulePath folder that holds a copy of the built module: what a user who
    # installed it gets. Returns what the script printed, one line per item.
    function Invoke-ColdPwsh([string] $Script) {
        $launcher = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
        [string[]] $pwsh = if (Test-Path -LiteralPath $launcher -PathType Leaf) { @($launcher) } else { @((Get-Process -Id $PID).Path, (Join-Path $PSHOME 'pwsh.dll')) }
        $previous = $env:PSModulePath
        try {
            $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $previous
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Script 2>&1
            if ($LASTEXITCODE -ne 0) { throw "pwsh exited $LASTEXITCODE`: $($output -join [Environment]::NewLine)" }
            return @($output | ForEach-Object { "$_" })
        }
        finally {
            $env:PSModulePath = $previous
        }
    }

    $modules = Join-Path $TestDrive 'Modules'
    $version = (Import-PowerShellDataFile -Path $manifest).ModuleVersion
    $installed = Join-Path $modules "HeyMilo/$version"
    $null = New-Item -ItemType Directory -Path $installed -Force
    Copy-Item -Path (Join-Path (Split-Path -Parent $manifest) '*') -Destination $installed -Recurse
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Re-importing in one session' {
    It 'Import-Module -Force, twice, keeps every command and each is followed by a working call' {
        $expected = Get-CommandCount
        $expected | Should -Be $declared.Count
        foreach ($round in 1..2) {
            Import-Module -Name $manifest -Force -Global -ErrorAction Stop
            Get-CommandCount | Should -Be $expected
            (Get-MiloPosting -First 1).Id | Should -Match '^pst_'
        }
    }

    It 'Remove-Module then Import-Module gives the full module back, and it works' {
        Remove-Module -Name HeyMilo -ErrorAction Stop
        @(Get-Command -Module HeyMilo -ErrorAction SilentlyContinue).Count | Should -Be 0
        Import-Module -Name $manifest -Global -ErrorAction Stop
        Get-CommandCount | Should -Be $declared.Count
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
        (Get-MiloPosting -First 1).Id | Should -Match '^pst_'
    }

    It 'a session object from before a -Force re-import is still usable, and still the current one' {
        $before = Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru
        Import-Module -Name $manifest -Force -Global -ErrorAction Stop
        (Get-MiloPosting -Session $before -First 1).Id | Should -Match '^pst_'
        [object]::ReferenceEquals($before, (Get-MiloSession)) | Should -BeTrue
        $before -is [HeyMilo.MiloSession] | Should -BeTrue
    }
}

Describe 'Installed on PSModulePath (a cold pwsh)' {
    It 'Get-Module -ListAvailable lists every exported command without loading the module' {
        $lines = Invoke-ColdPwsh @'
$m = Get-Module HeyMilo -ListAvailable | Select-Object -First 1
'base=' + $m.ModuleBase
($m.ExportedCommands.Keys | Sort-Object) -join ','
'loaded=' + @(Get-Module HeyMilo).Count
'assemblies=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'HeyMilo*' }).Count
'@
        $lines[0] | Should -Be "base=$installed"
        $lines[1] | Should -Be ($declared -join ',')
        $lines[2] | Should -Be 'loaded=0'
        $lines[3] | Should -Be 'assemblies=0'
    }

    It 'Import-Module HeyMilo by name imports the installed copy and it works against the simulator' {
        $lines = Invoke-ColdPwsh @"
Import-Module HeyMilo -ErrorAction Stop
(Get-Module HeyMilo).ModuleBase
@(Get-Command -Module HeyMilo).Count
Connect-Milo -ApiKey (ConvertTo-SecureString '$($sim.ApiKey)' -AsPlainText -Force) -BaseUri '$($sim.BaseUri)' -LegacyBaseUri '$($sim.BaseUri)'
(Get-MiloPosting -First 1).Id
"@
        $lines[0] | Should -Be $installed
        [int] $lines[1] | Should -Be $declared.Count
        $lines[2] | Should -Match '^pst_'
    }

    It '#Requires -Modules HeyMilo loads it for a script' {
        $script = Join-Path $TestDrive 'needs-heymilo.ps1'
        Set-Content -LiteralPath $script -Value @'
#Requires -Modules HeyMilo
(Get-Module HeyMilo).ModuleBase
@(Get-Command -Module HeyMilo).Count
'@
        $lines = Invoke-ColdPwsh "& '$script'"
        $lines[0] | Should -Be $installed
        [int] $lines[1] | Should -Be $declared.Count
    }
}

Describe 'Several runspaces' {
    It 'four runspaces importing at once all work and share one rate-limit gate for the key' {
        $results = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module -Name $using:manifest -ErrorAction Stop
            Connect-Milo -ApiKey $using:sim.Key -BaseUri $using:sim.BaseUri -LegacyBaseUri $using:sim.BaseUri
            [pscustomobject]@{ Id = (Get-MiloPosting -First 1).Id; Commands = @(Get-Command -Module HeyMilo).Count; Session = Get-MiloSession }
        }
        $results.Count | Should -Be 4
        foreach ($result in $results) {
            $result.Id | Should -Match '^pst_'
            $result.Commands | Should -Be $declared.Count
        }
        $gates = @($results | ForEach-Object { Get-SessionGate $_.Session })
        $main = Get-SessionGate (Get-MiloSession)
        foreach ($gate in $gates) { [object]::ReferenceEquals($gate, $main) | Should -BeTrue }
    }

    It 'ForEach-Object -Parallel uses the connection of the process: no -Session, no Connect-Milo inside' {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
        # As installed: the new runspaces auto-load the module from PSModulePath.
        $previous = $env:PSModulePath
        try {
            $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $previous
            $ids = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel { (Get-MiloPosting -First 1).Id }
        }
        finally {
            $env:PSModulePath = $previous
        }
        $ids.Count | Should -Be 4
        $ids | ForEach-Object { $_ | Should -Match '^pst_' }
    }
}

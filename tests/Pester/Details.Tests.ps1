# The small things users notice in their first hour, in real pwsh: singular What if lines, help without
# markdown, a live rate-limit view, -Debug in a non-interactive runbook.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession
    $posting = Get-MiloPosting -First 1

    # What a command writes to the host (What if lines), through a transcript.
    function Get-HostText([scriptblock] $Script) {
        $transcript = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.txt')
        Start-Transcript -LiteralPath $transcript -Force | Out-Null
        try { $null = & $Script } finally { Stop-Transcript | Out-Null }
        Get-Content -LiteralPath $transcript -Raw
    }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'What if' {
    It 'says "Import 1 candidate" for one row and "candidates" for more' {
        $one = Get-HostText { [pscustomobject]@{ Name = 'One Row'; Email = 'one.row@example.com' } | Import-MiloCandidate -PostingId $posting.Id -WhatIf }
        $one | Should -Match 'Import 1 candidate into'
        $one | Should -Not -Match 'Import 1 candidates'
        $two = Get-HostText { 1..2 | ForEach-Object { [pscustomobject]@{ Name = "Row $_"; Email = "row.$_@example.com" } } | Import-MiloCandidate -PostingId $posting.Id -WhatIf }
        $two | Should -Match 'Import 2 candidates into'
    }
}

Describe 'Help' {
    It 'Get-Help <Name> -Full shows no markdown: no backticks, no [text](url) links' -ForEach @(
        @{ Name = 'Import-MiloCandidate' }, @{ Name = 'Export-MiloInterview' }, @{ Name = 'Connect-Milo' }, @{ Name = 'New-MiloPosting' }
    ) {
        $help = Get-Help -Name $Name -Full
        $text = $help | Out-String -Width 200
        # The prose: synopsis, description, parameter help, notes (example code may hold PowerShell's escape character).
        $prose = @($help.Synopsis, ($help.description | Out-String -Width 200), ($help.parameters | Out-String -Width 200), ($help.alertSet | Out-String -Width 200)) -join "`n"
        $prose.Length | Should -BeGreaterThan 200
        $prose | Should -Not -Match '`'
        $prose | Should -Not -Match '\]\(https?://'
        $prose | Should -Not -Match '\*\*\w'
        $text | Should -Match 'PARAMETERS'
    }
}

Describe 'The session''s rate-limit view' {
    It 'is live and from one source: it counts the calls just made and names where it comes from' {
        $before = (Get-MiloSession).RateLimit
        1..3 | ForEach-Object { $null = Get-MiloPosting -First 1 }
        $after = (Get-MiloSession).RateLimit

        $after.Source | Should -BeIn @('client', 'server')
        $after.Remaining | Should -BeLessOrEqual $after.Limit
        $after.Remaining | Should -BeLessThan $before.Remaining
        if ($null -ne $after.ResetAt) { $after.ResetAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddSeconds(-1)) }
    }
}

Describe '-Debug in a non-interactive runbook' {
    It 'shows the module''s lines and finishes: no prompt, no "host does not support" error' {
        $launcher = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
        [string[]] $pwsh = if (Test-Path -LiteralPath $launcher -PathType Leaf) { @($launcher) } else { @((Get-Process -Id $PID).Path, (Join-Path $PSHOME 'pwsh.dll')) }
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($sim.Manifest)'
Connect-Milo -ApiKey (ConvertTo-SecureString '$($sim.ApiKey)' -AsPlainText -Force) -BaseUri '$($sim.BaseUri)' -LegacyBaseUri '$($sim.BaseUri)' -Debug
`$p = Get-MiloPosting -First 1 -Debug
[pscustomobject]@{ Name = 'Debug Row'; Email = 'debug.row@example.com' } | Import-MiloCandidate -PostingId `$p.Id -Debug | Out-Null
Disconnect-Milo -Debug
'finished'
"@
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join [Environment]::NewLine)
        $output[-1] | Should -Be 'finished'
        ($output -join "`n") | Should -Match 'DEBUG: |VERBOSE: '
    }
}

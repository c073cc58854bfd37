# Waits are visible (docs/rate-limit.md), in real pwsh: a rate-limit wait the module imposes on itself shows a
# progress record that counts down, and the command then completes with all its results.
#
# No real time passes for the wait. The module runs on the tests' fake clock (Set-MiloTestClock), whose timers
# over AutoAdvanceLimit fire only when the test advances the clock. The command runs in a runspace of its own
# (BeginInvoke), so this thread stays free to read its progress records and move the clock on; a nested
# pipeline on the current runspace would block this thread until the command ended, which it cannot do
# before the clock moves. Every wait for a record or for the end is bounded and fails with a message.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 5
    # Timers up to 5 s (none here) fire at once; the 61 s rate-limit wait only as the clock is advanced.
    $clock = Set-MiloTestClock -AutoAdvanceLimit ([TimeSpan]::FromSeconds(5))
    $activity = 'Waiting for the rate limit'

    # A command in a runspace of its own that imports the built module, with its progress records raised as
    # events this thread waits for (Wait-Event, bounded), not polled.
    function Start-InRunspace([string] $Script) {
        $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $state.ImportPSModule([string[]] @($sim.Manifest))
        $ps = [powershell]::Create($state)
        $null = $ps.AddScript($Script)
        $id = 'milo-progress-' + [guid]::NewGuid().ToString('N')
        $null = Register-ObjectEvent -InputObject $ps.Streams.Progress -EventName DataAdded -SourceIdentifier $id
        [pscustomobject] @{ PowerShell = $ps; Events = $id; Invocation = $ps.BeginInvoke() }
    }

    # The next progress record of the wait's bar that matches, within a bound of real time (a guard, not a pace).
    function Get-NextWaitRecord($Run, [scriptblock] $Where = { $true }, [int] $TimeoutSec = 30) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while ($true) {
            $left = [int] [Math]::Ceiling(($deadline - [DateTime]::UtcNow).TotalSeconds)
            $event = if ($left -gt 0) { Wait-Event -SourceIdentifier $Run.Events -Timeout $left }
            if ($null -eq $event) {
                $seen = @($Run.PowerShell.Streams.Progress | ForEach-Object { "$($_.Activity): $($_.StatusDescription) [$($_.RecordType)]" })
                throw "No '$activity' progress record matching { $Where } within $TimeoutSec s (state $($Run.PowerShell.InvocationStateInfo.State)). Records so far:`n$($seen -join "`n")"
            }
            Remove-Event -EventIdentifier $event.EventIdentifier
            $record = $Run.PowerShell.Streams.Progress[$event.SourceEventArgs.Index]
            if ($record.Activity -eq $activity -and (& $Where $record)) { return $record }
        }
    }

    function Stop-InRunspace($Run) {
        Unregister-Event -SourceIdentifier $Run.Events -ErrorAction SilentlyContinue
        Get-Event -SourceIdentifier $Run.Events -ErrorAction SilentlyContinue | Remove-Event
        if ($Run.PowerShell.InvocationStateInfo.State -eq 'Running') { $Run.PowerShell.Stop() }
        $Run.PowerShell.Runspace.Dispose()
        $Run.PowerShell.Dispose()
    }
}

AfterAll {
    Reset-MiloTestClock
    Stop-MiloTestSession
}

Describe 'A self-imposed rate-limit wait' {
    It 'counts down in a progress record on the module clock, ends Completed, and the command returns every result' {
        # 2 requests a minute: pages 1 and 2 go at once, page 3 waits 61 s for the first to leave the window.
        $run = Start-InRunspace @"
Connect-Milo -ApiKey (ConvertTo-SecureString '$($sim.ApiKey)' -AsPlainText -Force) -BaseUri '$($sim.BaseUri)' -LegacyBaseUri '$($sim.BaseUri)' -RequestsPerMinute 2
Get-MiloPosting -PageSize 1 -First 3
"@
        try {
            $first = Get-NextWaitRecord $run
            $first.StatusDescription | Should -BeLike "$activity, 61 s (GET /api/v2/postings*keeping under 2 requests per minute)"
            $first.SecondsRemaining | Should -Be 61
            $first.RecordType | Should -Be 'Processing'
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Running'

            $clock.Advance([TimeSpan]::FromSeconds(30))
            $later = Get-NextWaitRecord $run { param($r) $r.SecondsRemaining -le 31 }
            $later.SecondsRemaining | Should -Be 31
            $later.StatusDescription | Should -BeLike "$activity, 31 s (*"
            $later.RecordType | Should -Be 'Processing'

            $clock.Advance([TimeSpan]::FromSeconds(31))
            $null = Get-NextWaitRecord $run { param($r) $r.RecordType -eq 'Completed' }

            $run.Invocation.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because 'the command ends once the wait is over'
            $postings = @($run.PowerShell.EndInvoke($run.Invocation))
            $postings.Count | Should -Be 3
            foreach ($posting in $postings) { $posting.PSObject.TypeNames[0] | Should -Be 'HeyMilo.Posting' }
            @($postings.Id | Select-Object -Unique).Count | Should -Be 3
            $run.PowerShell.Streams.Error.Count | Should -Be 0
            # The wait is the module's own pacing: a verbose line at most, never a warning.
            $run.PowerShell.Streams.Warning.Count | Should -Be 0
        }
        finally {
            Stop-InRunspace $run
        }
    }

    It 'brings the import bar up to date when it begins: it does not stand at the last count the throttle let through' {
        $postingId = (Get-MiloPosting -First 1).Id
        $clock.Advance([TimeSpan]::FromSeconds(62)) # every request so far leaves the key's window
        # 2 requests a minute, a row per batch: rows 1 and 2 go at once (no module time passes, so the bar's throttle
        # holds back the update after the first), row 3 waits 61 s.
        $run = Start-InRunspace @"
Connect-Milo -ApiKey (ConvertTo-SecureString '$($sim.ApiKey)' -AsPlainText -Force) -BaseUri '$($sim.BaseUri)' -LegacyBaseUri '$($sim.BaseUri)' -RequestsPerMinute 2
1..3 | ForEach-Object { [pscustomobject]@{ Name = "Wait `$_"; Email = "wait`$_@example.com" } } | Import-MiloCandidate -PostingId '$postingId' -BatchSize 1 -ThrottleLimit 1
"@
        try {
            $null = Get-NextWaitRecord $run
            $bar = @($run.PowerShell.Streams.Progress | Where-Object Activity -eq 'Importing candidates')
            $bar[-1].StatusDescription | Should -BeLike 'Sent 2, *'

            $clock.Advance([TimeSpan]::FromSeconds(61))
            $run.Invocation.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because 'the import ends once the wait is over'
            @($run.PowerShell.EndInvoke($run.Invocation)).Count | Should -Be 3
            $run.PowerShell.Streams.Error.Count | Should -Be 0
        }
        finally {
            Stop-InRunspace $run
        }
    }
}

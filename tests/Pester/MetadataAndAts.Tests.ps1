# New-MiloCandidate, interview metadata and the ATS cmdlets against the bundled simulator, in real pwsh.
#
# The module's waits (Send-MiloAtsCandidate -Wait polls, rate-limit pacing) run on its own clock. This file
# hands the module the tests' fake clock (tests/HeyMilo.TestClock, as the xunit suite's ModuleInternals does)
# for its duration, so no case waits in real time; AfterAll gives the system clock back. The simulator's push
# status moves on per read (pending, processing, completed), not by time.

BeforeDiscovery {
    # The examples of the pages this file covers, one case each (the help pages' EXAMPLES run one by one; a
    # docs page's blocks run in order as one script, since they build on each other).
    $repo = Join-Path $PSScriptRoot '../..'
    $examples = New-Object System.Collections.Generic.List[object]
    foreach ($name in 'New-MiloCandidate', 'Get-MiloInterviewMetadata', 'Set-MiloInterviewMetadata', 'Remove-MiloInterviewMetadata',
        'Get-MiloAtsConnection', 'Resolve-MiloAtsCandidate', 'Send-MiloAtsCandidate', 'Get-MiloAtsPush') {
        $text = Get-Content -LiteralPath (Join-Path $repo "docs/cmdlets/$name.md") -Raw
        $section = [regex]::Match($text, '(?s)## EXAMPLES(.*?)## PARAMETERS').Groups[1].Value
        $n = 0
        foreach ($block in [regex]::Matches($section, '(?s)```powershell\r?\n(.*?)```')) {
            $n++
            $examples.Add(@{ Page = $name; Number = $n; Code = $block.Groups[1].Value })
        }
    }
    foreach ($page in 'metadata.md', 'ats.md') {
        $text = Get-Content -LiteralPath (Join-Path $repo "docs/$page") -Raw
        $code = @([regex]::Matches($text, '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }) -join "`n"
        $examples.Add(@{ Page = "docs/$page"; Number = 'all'; Code = $code })
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession

    # The module's clock (HeyMilo.Diagnostics.ModuleClock.Current, internal) set to the tests' AutoAdvancingClock,
    # loaded into the load context of the TimeProvider the module uses.
    $clockProperty = [HeyMilo.MiloSession].Assembly.GetType('HeyMilo.Diagnostics.ModuleClock', $true).GetProperty('Current', [System.Reflection.BindingFlags] 'Static, NonPublic')
    $clockDll = Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot '../HeyMilo.TestClock/bin') -Recurse -Filter 'HeyMilo.TestClock.dll' |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if ($null -eq $clockDll) { throw 'tests/HeyMilo.TestClock is not built: run dotnet build HeyMilo.sln first.' }
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($clockProperty.PropertyType.Assembly)
    $fakeClock = [Activator]::CreateInstance($context.LoadFromAssemblyPath($clockDll.FullName).GetType('HeyMilo.TestClock.AutoAdvancingClock', $true))
    $clockProperty.SetValue($null, $fakeClock)

    $posting = Get-MiloPosting -First 1
    $interviews = @(Get-MiloInterview -PostingId $posting.Id -First 12)

    function New-TestCsv([string] $Name, [object[]] $Rows) {
        $path = Join-Path $TestDrive "$Name.csv"
        $Rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }
}

AfterAll {
    if ($null -ne $clockProperty) { $clockProperty.SetValue($null, $null) }   # back to TimeProvider.System
    Stop-MiloTestSession
}

Describe 'Set-MiloInterviewMetadata' {
    It 'Import-Csv ats-ids.csv | Set-MiloInterviewMetadata sets every column but the id, with results in file order' {
        $i = 0
        $csv = New-TestCsv 'ats-ids' @($interviews | ForEach-Object {
                $i++
                [pscustomobject] @{ interview_id = $_.InterviewId; ats_id = "BH-$(700000 + $i)"; ats_stage = 'screen' }
            })

        $results = @(Import-Csv -LiteralPath $csv | Set-MiloInterviewMetadata)

        @($results | ForEach-Object { $_.InterviewId }) -join ',' | Should -Be (@($interviews | ForEach-Object { $_.InterviewId }) -join ',')
        $results[0].PSObject.TypeNames[0] | Should -Be 'HeyMilo.InterviewMetadata'
        $results[11].Metadata['ats_id'] | Should -Be 'BH-700012'
        $results[11].Metadata['ats_stage'] | Should -Be 'screen'
        $results[0].Metadata.ContainsKey('interview_id') | Should -BeFalse
        (Get-MiloInterviewMetadata -InterviewId $interviews[4].InterviewId).Metadata['ats_id'] | Should -Be 'BH-700005'
    }

    It 'merges: a later call with other keys keeps the earlier ones' {
        $id = $interviews[0].InterviewId
        Set-MiloInterviewMetadata -InterviewId $id -Metadata @{ first = 'one' } | Out-Null

        $after = Set-MiloInterviewMetadata -InterviewId $id -Metadata @{ second = 'two'; count = 3 }

        $after.Metadata['first'] | Should -Be 'one'
        $after.Metadata['second'] | Should -Be 'two'
        $after.Metadata['count'] | Should -Be '3'
    }

    It 'reports bad rows in their place, with the row as TargetObject, and sends the others' {
        $csv = New-TestCsv 'mixed' @(
            [pscustomobject] @{ interview_id = $interviews[1].InterviewId; note = 'fine' }
            [pscustomobject] @{ interview_id = ''; note = 'no id' }
            [pscustomobject] @{ interview_id = $interviews[2].InterviewId; note = ('x' * 501) }
            [pscustomobject] @{ interview_id = $interviews[3].InterviewId; note = 'also fine' }
        )
        $before = (Get-MiloInterviewMetadata -InterviewId $interviews[2].InterviewId).Metadata['note']

        $stream = @(Import-Csv -LiteralPath $csv | Set-MiloInterviewMetadata -ThrottleLimit 2 2>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.FullyQualifiedErrorId) $($_.TargetObject.note.Length)" } else { "ok $($_.InterviewId)" }
            })

        $stream.Count | Should -Be 4
        $stream[0] | Should -Be "ok $($interviews[1].InterviewId)"
        $stream[1] | Should -Be 'error HeyMilo.InterviewIdRequired,HeyMilo.Commands.SetMiloInterviewMetadataCommand 5'
        $stream[2] | Should -Be 'error HeyMilo.InvalidMetadata,HeyMilo.Commands.SetMiloInterviewMetadataCommand 501'
        $stream[3] | Should -Be "ok $($interviews[3].InterviewId)"
        (Get-MiloInterviewMetadata -InterviewId $interviews[2].InterviewId).Metadata['note'] | Should -Be $before
    }

    It 'Select-Object -First 1 stops it: rows after the requests in flight are never sent' {
        $first = @($interviews | Set-MiloInterviewMetadata -Metadata @{ early = 'stop' } | Select-Object -First 1)

        $first.Count | Should -Be 1
        $first[0].InterviewId | Should -Be $interviews[0].InterviewId
        # Four requests were in flight when the first result came back; the twelfth row was never read.
        (Get-MiloInterviewMetadata -InterviewId $interviews[11].InterviewId).Metadata.ContainsKey('early') | Should -BeFalse
    }

    It 'stops before any row when -Metadata itself is over the limits' {
        { $interviews[0] | Set-MiloInterviewMetadata -Metadata @{ ('k' * 41) = 'v' } } |
            Should -Throw -ErrorId 'HeyMilo.InvalidMetadata,HeyMilo.Commands.SetMiloInterviewMetadataCommand'
    }
}

Describe 'Get- and Remove-MiloInterviewMetadata' {
    It 'Remove-MiloInterviewMetadata -WhatIf keeps the keys, -Force removes them all' {
        $id = $interviews[5].InterviewId
        $keys = (Set-MiloInterviewMetadata -InterviewId $id -Metadata @{ a = '1'; b = '2' }).Count
        $keys | Should -BeGreaterOrEqual 2

        $interviews[5] | Remove-MiloInterviewMetadata -WhatIf
        (Get-MiloInterviewMetadata -InterviewId $id).Count | Should -Be $keys

        $interviews[5] | Remove-MiloInterviewMetadata -Force
        (Get-MiloInterviewMetadata -InterviewId $id).Count | Should -Be 0
    }

    It 'an unknown interview is a NotFound error with the id as TargetObject' {
        Get-MiloInterviewMetadata -InterviewId 'int_unknown' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloInterviewMetadataCommand'
        $failed[0].TargetObject | Should -Be 'int_unknown'
    }
}

Describe 'New-MiloCandidate' {
    It 'adds a candidate whose interview Get-MiloInterview then lists' {
        $created = New-MiloCandidate -PostingId $posting.Id -Name 'Katherine Johnson' -Email 'katherine.pester@example.com' -PhoneNumber '+1 (206) 555-0100' -Metadata @{ source = 'pester' }

        $created.PSObject.TypeNames[0] | Should -Be 'HeyMilo.Interview'
        $created.InterviewUrl | Should -Not -BeNullOrEmpty
        $listed = @(Get-MiloInterview -PostingId $posting.Id | Where-Object { $_.Email -eq 'katherine.pester@example.com' })
        $listed.Count | Should -Be 1
        $listed[0].InterviewId | Should -Be $created.InterviewId
        (Get-MiloInterviewMetadata -InterviewId $created.InterviewId).Metadata['source'] | Should -Be 'pester'
    }

    It 'refuses a bad email with the email as TargetObject, and no interview is created' {
        New-MiloCandidate -PostingId $posting.Id -Name 'Bad Email' -Email 'bad.pester-at-example.com' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.InvalidCandidate,HeyMilo.Commands.NewMiloCandidateCommand'
        $failed[0].TargetObject | Should -Be 'bad.pester-at-example.com'
        @(Get-MiloInterview -PostingId $posting.Id | Where-Object { $_.Name -eq 'Bad Email' }).Count | Should -Be 0
    }

    It 'reads a national phone number in -DefaultRegion and sends it as E.164; without it the number is refused' {
        New-MiloCandidate -PostingId $posting.Id -Name 'Mary Jackson' -Email 'mary.pester@example.com' -PhoneNumber '(206) 555-0101' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.InvalidCandidate,HeyMilo.Commands.NewMiloCandidateCommand'
        $refused[0].TargetObject | Should -Be '(206) 555-0101'

        # -Debug shows the request body as sent (the API's interview does not echo the phone); JSON may write + as \u002B.
        $out = @(New-MiloCandidate -PostingId $posting.Id -Name 'Mary Jackson' -Email 'mary.pester@example.com' -PhoneNumber '(206) 555-0101' -DefaultRegion US -Debug 5>&1)
        @($out | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'request body' -and $_.Message -match '"phone_number":"(\+|\\u002B)12065550101"' }).Count | Should -Be 1
        $created = @($out | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        $created.Count | Should -Be 1
        @(Get-MiloInterview -PostingId $posting.Id | Where-Object { $_.Email -eq 'mary.pester@example.com' }).InterviewId | Should -Be $created[0].InterviewId
    }

    It '-Async outputs the queued ingestion job' {
        $job = New-MiloCandidate -PostingId $posting.Id -Name 'Dorothy Vaughan' -Email 'dorothy.pester@example.com' -Async

        $job.PSObject.TypeNames[0] | Should -Be 'HeyMilo.CandidateIngestion'
        $job.IngestionId | Should -Match '^intake_\d{6}$'
        $job.Status | Should -Be 'queued'
    }
}

Describe 'The ATS cmdlets' {
    It 'Get-MiloAtsConnection lists the Bullhorn and Workable connections' {
        $connections = @(Get-MiloAtsConnection)
        @($connections | ForEach-Object { $_.AtsProvider }) -join ',' | Should -Be 'bullhorn,workable'
        $connections[0].PSObject.TypeNames[0] | Should -Be 'HeyMilo.AtsConnection'
    }

    It 'Resolve-MiloAtsCandidate finds a record by email; a provider the API does not serve has its own error id' {
        $match = @(Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'jane.doe@example.com')
        $match.Count | Should -Be 1
        $match[0].AtsCandidateId | Should -Be 'BH-100001'
        $match[0].AtsName | Should -Be 'bullhorn'

        Resolve-MiloAtsCandidate -AtsName workable -Email 'jane.doe@example.com' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.UnsupportedAtsProvider,HeyMilo.Commands.ResolveMiloAtsCandidateCommand'
    }

    It 'Get-MiloInterview | Send-MiloAtsCandidate -Wait creates the ATS record, which Resolve then finds by email' {
        $interview = $interviews[6]
        $done = $interview | Send-MiloAtsCandidate -AtsName bullhorn -CreateSubmission -Wait

        $done.PSObject.TypeNames[0] | Should -Be 'HeyMilo.AtsPushStatus'
        $done.Status | Should -Be 'completed'
        $done.Action | Should -Be 'created'
        $done.SubmissionId | Should -Not -BeNullOrEmpty
        $found = @(Resolve-MiloAtsCandidate -AtsName bullhorn -Email $interview.Email)
        $found.Count | Should -Be 1
        $found[0].AtsCandidateId | Should -Be $done.AtsCandidateId
        $found[0].FirstName | Should -Be ($interview.Name -split ' ', 2)[0]
    }

    It 'a receipt piped to Get-MiloAtsPush shows the push moving on: pending, processing, completed' {
        $receipt = Send-MiloAtsCandidate -AtsName bullhorn -FirstName 'Mary' -LastName 'Jackson' -Email 'mary.pester@example.com'
        $receipt.PSObject.TypeNames[0] | Should -Be 'HeyMilo.AtsPushReceipt'

        $statuses = @(1..3 | ForEach-Object { ($receipt | Get-MiloAtsPush).Status })

        $statuses -join ',' | Should -Be 'pending,processing,completed'
    }

    It 'a push naming an unknown ATS record ends as an AtsPushFailed error whose TargetObject is the status' {
        $out = @(Send-MiloAtsCandidate -AtsName bullhorn -AtsCandidateId 'BH-999999' -Email 'ghost.pester@example.com' -Wait -ErrorVariable failed -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.AtsPushFailed,HeyMilo.Commands.SendMiloAtsCandidateCommand'
        $failed[0].TargetObject.Status | Should -Be 'failed'
        $failed[0].TargetObject.LastError | Should -Match 'BH-999999'
    }

    It '-WhatIf queues nothing' {
        $receipt = Send-MiloAtsCandidate -AtsName bullhorn -FirstName 'Ada' -Email 'whatif.pester@example.com' -WhatIf
        $receipt | Should -BeNullOrEmpty
        @(Resolve-MiloAtsCandidate -AtsName bullhorn -Email 'whatif.pester@example.com').Count | Should -Be 0
    }
}

Describe 'The documented examples' {
    It 'runs <Page> example <Number> against the simulator without an error' -ForEach $examples {
        # Point the example at this file's simulator and key, and its files at TestDrive.
        $code = $Code.Replace("'http://127.0.0.1:5080'", "'$($sim.BaseUri)'").Replace("'sim-key-0001'", "'$($sim.ApiKey)'").
            Replace('([System.IO.Path]::GetTempPath())', '$TestDrive')
        $block = [scriptblock]::Create("`$ErrorActionPreference = 'Stop'`n" + $code)

        { $null = & $block } | Should -Not -Throw
    }
}

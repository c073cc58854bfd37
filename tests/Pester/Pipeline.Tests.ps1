# Objects bind to what they are (docs/pipeline.md), in real pwsh: what users pipe from one cmdlet to the next.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # A simulator of this file's own: the tests below add candidates to its postings.
    $sim = Start-MiloTestSession -Postings 3
    $postings = @(Get-MiloPosting)
    $target = $postings[1]

    function Join-InterviewId($items) { @($items | ForEach-Object { $_.InterviewId }) -join ',' }

    function New-CandidateCsv([string] $Name, [object[]] $Rows) {
        $path = Join-Path $TestDrive $Name
        $Rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Import results piped on' {
    BeforeAll {
        $csv = New-CandidateCsv 'four.csv' @(1..4 | ForEach-Object { [pscustomobject] @{ Name = "Pipeline Row $_"; Email = "pipeline.row.$_@example.com" } })
        $r = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $target.Id)
        $postingInterviews = @(Get-MiloInterview -PostingId $target.Id)
    }

    It 'Import-Csv | Import-MiloCandidate gives one result per row' {
        $r.Count | Should -Be 4
        foreach ($result in $r) { $result.PostingId | Should -Be $target.Id }
        $postingInterviews.Count | Should -BeGreaterThan 4
    }

    It '$r | Get-MiloInterview gets those four interviews, not the posting''s listing four times' {
        $got = @($r | Get-MiloInterview)

        $got.Count | Should -Be 4
        Join-InterviewId $got | Should -Be (Join-InterviewId $r)
        foreach ($data in $got) { $data.PSObject.TypeNames | Should -Contain 'HeyMilo.InterviewData' }
    }

    It 'rows of the results saved with Export-Csv bind by InterviewId too' {
        $saved = Join-Path $TestDrive 'sent.csv'
        $r | Export-Csv -LiteralPath $saved -NoTypeInformation

        $got = @(Import-Csv -LiteralPath $saved | Get-MiloInterview)

        Join-InterviewId $got | Should -Be (Join-InterviewId $r)
    }

    It '$r | Export-MiloInterview writes those four interviews' {
        $path = Join-Path $TestDrive 'sent.jsonl'

        $r | Export-MiloInterview -Path $path

        $lines = @(Get-Content -LiteralPath $path | Where-Object { $_.Trim().Length -gt 0 } | ForEach-Object { $_ | ConvertFrom-Json })
        Join-InterviewId $lines | Should -Be (Join-InterviewId $r)
    }
}

Describe 'Objects the module refuses to bind as something else' {
    It 'interviews piped to Copy-MiloPosting clone nothing' {
        $before = @(Get-MiloPosting).Count
        $interviews = @(Get-MiloInterview -PostingId $target.Id -First 2)

        $interviews | Copy-MiloPosting -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused.Count | Should -Be 2
        foreach ($e in $refused) { $e.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,HeyMilo.Commands.CopyMiloPostingCommand' }
        @(Get-MiloPosting).Count | Should -Be $before
    }

    It 'a posting piped to Disable-MiloWebhook disables nothing' {
        $active = @(Get-MiloWebhook).Count

        { $target | Disable-MiloWebhook -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,HeyMilo.Commands.DisableMiloWebhookCommand'
        @(Get-MiloWebhook).Count | Should -Be $active
    }
}

Describe 'Filters carry through to the export' {
    BeforeAll {
        $completed = @(Get-MiloInterview -PostingId $postings[0].Id -Status completed)
    }

    It 'Get-MiloInterview -Status completed | Export-MiloInterview writes the completed interviews only' {
        $path = Join-Path $TestDrive 'completed.csv'

        Get-MiloInterview -PostingId $postings[0].Id -Status completed | Export-MiloInterview -Path $path

        $rows = @(Import-Csv -LiteralPath $path)
        $completed.Count | Should -BeGreaterThan 0
        Join-InterviewId $rows | Should -Be (Join-InterviewId $completed)
        foreach ($row in $rows) { $row.Status | Should -Be 'completed' }
    }

    It 'Export-MiloInterview -Status completed writes the same rows' {
        $path = Join-Path $TestDrive 'completed-own.csv'

        Export-MiloInterview -PostingId $postings[0].Id -Status completed -Path $path

        Join-InterviewId @(Import-Csv -LiteralPath $path) | Should -Be (Join-InterviewId $completed)
    }
}

Describe 'CSV exports are safe to open in a spreadsheet' {
    BeforeAll {
        $posting = $postings[2]
        $names = '=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1)'
        $i = 0
        $candidates = @($names | ForEach-Object { $i++; @{ name = $_; email = "formula.$i@example.com" } })
        $null = Invoke-SimulatorApi -Simulator $sim -Method Post -Path "/api/v2/postings/$($posting.Id)/candidates/bulk" -Body @{ data = $candidates }
    }

    It 'writes formula-like names with a leading apostrophe' {
        $path = Join-Path $TestDrive 'safe.csv'

        Export-MiloInterview -PostingId $posting.Id -Path $path

        $rows = @(Import-Csv -LiteralPath $path | Where-Object { $_.Email -like 'formula.*' })
        $rows.Count | Should -Be 4
        foreach ($name in $names) { @($rows | ForEach-Object { $_.Name }) | Should -Contain ("'" + $name) }
    }

    It '-NoFormulaEscape writes them raw' {
        $path = Join-Path $TestDrive 'raw.csv'

        Export-MiloInterview -PostingId $posting.Id -Path $path -NoFormulaEscape

        $rows = @(Import-Csv -LiteralPath $path | Where-Object { $_.Email -like 'formula.*' })
        foreach ($name in $names) { @($rows | ForEach-Object { $_.Name }) | Should -Contain $name }
    }
}

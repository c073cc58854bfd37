# Get-MiloInterview and Export-MiloInterview against the bundled simulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # Three postings: the first has 150 candidates (more than one page of 100), the others 10 each. Few
    # enough that 'Get-MiloPosting | Get-MiloInterview -Detailed' over the whole workspace stays quick
    # under the client's 300 requests a minute.
    $sim = Start-MiloTestSession -Postings 3

    # Every posting of the workspace; the first two get three more candidates each, added outside the module.
    $postings = @(Get-MiloPosting)
    $seededEmails = @{}
    foreach ($posting in $postings[0..1]) {
        $candidates = @(1..3 | ForEach-Object {
                @{ name = "Pester Candidate $_"; email = "pester.interview.$_.$($posting.Id.ToLowerInvariant())@example.com" }
            })
        $null = Invoke-SimulatorApi -Simulator $sim -Method Post -Path "/api/v2/postings/$($posting.Id)/candidates/bulk" -Body @{ data = $candidates }
        $seededEmails[$posting.Id] = @($candidates | ForEach-Object { $_['email'] })
    }

    # What the listing says now: the reference for the tests below (none of them adds interviews).
    $listed = @($postings | Get-MiloInterview)
    $first = $postings[0]
    $second = $postings[1]
    $listedFirst = @($listed | Where-Object { $_.PostingId -eq $first.Id })
    $listedSecond = @($listed | Where-Object { $_.PostingId -eq $second.Id })
    $listedFirstTwo = @($listedFirst) + @($listedSecond)
    # The tests compare against these; empty references would let them pass on nothing.
    if ($listedFirst.Count -le 100 -or $listedSecond.Count -eq 0) {
        throw "The reference listing is not what the tests need: $($listedFirst.Count) interviews in the first posting (more than a page of 100 expected), $($listedSecond.Count) in the second."
    }

    function Join-InterviewId($items) { @($items | ForEach-Object { $_.InterviewId }) -join ',' }

    function New-TestFolder([string] $Name) {
        (New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name) -Force).FullName
    }

    function Get-TempFile([string] $Folder) {
        @(Get-ChildItem -LiteralPath $Folder -Force | Where-Object { $_.Name -like '*.tmp' })
    }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Get-MiloInterview' {
    It 'lists the interviews of a posting as HeyMilo.Interview objects, including candidates just added' {
        $interviews = @(Get-MiloInterview -PostingId $first.Id)

        $interviews.Count | Should -Be $listedFirst.Count
        foreach ($interview in $interviews) {
            $interview.PSObject.TypeNames | Should -Contain 'HeyMilo.Interview'
            $interview.PostingId | Should -Be $first.Id
            $interview.InterviewId | Should -Not -BeNullOrEmpty
        }
        $emails = @($interviews | ForEach-Object { $_.Email })
        foreach ($email in $seededEmails[$first.Id]) { $emails | Should -Contain $email }
    }

    It 'Get-MiloPosting | Get-MiloInterview -Detailed returns the full results of every listed interview, in list order' {
        $detailed = @(Get-MiloPosting | Get-MiloInterview -Detailed)

        $detailed.Count | Should -Be $listed.Count
        Join-InterviewId $detailed | Should -Be (Join-InterviewId $listed)
        foreach ($data in $detailed) { $data.PSObject.TypeNames | Should -Contain 'HeyMilo.InterviewData' }
        @($detailed | ForEach-Object { $_.PostingId }) -join ',' | Should -Be (@($listed | ForEach-Object { $_.PostingId }) -join ',')
    }

    It '-Detailed -ThrottleLimit 1 gives the same results in the same order' {
        $detailed = @($second | Get-MiloInterview -Detailed -ThrottleLimit 1)

        Join-InterviewId $detailed | Should -Be (Join-InterviewId $listedSecond)
    }

    It '-First 2 returns the first two interviews of the listing' {
        Join-InterviewId (Get-MiloInterview -PostingId $first.Id -First 2) | Should -Be (Join-InterviewId $listedFirst[0..1])
    }

    It '-Status keeps exactly the interviews with that status' {
        $status = $listedFirst[0].Status
        $expected = @($listedFirst | Where-Object { $_.Status -eq $status })

        $found = @(Get-MiloInterview -PostingId $first.Id -Status $status)

        Join-InterviewId $found | Should -Be (Join-InterviewId $expected)
    }

    It '-Status refuses a status the API does not have, before any request' {
        { Get-MiloInterview -PostingId $first.Id -Status 'hired' } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.GetMiloInterviewCommand'
    }

    It '-CreatedAfter returns the interviews created at or after the bound' {
        $times = @($listedFirst | Where-Object { $null -ne $_.CreatedAt } | ForEach-Object { $_.CreatedAt } | Sort-Object)
        $bound = [DateTimeOffset]::FromUnixTimeSeconds($times[[int][math]::Floor($times.Count / 2)].ToUnixTimeSeconds())
        $expected = @($listedFirst | Where-Object { $null -ne $_.CreatedAt -and $_.CreatedAt -ge $bound })

        $found = @(Get-MiloInterview -PostingId $first.Id -CreatedAfter $bound)

        $found.Count | Should -BeGreaterThan 0
        Join-InterviewId $found | Should -Be (Join-InterviewId $expected)
    }

    It '-CreatedBefore returns the interviews created at or before the bound' {
        $times = @($listedFirst | Where-Object { $null -ne $_.CreatedAt } | ForEach-Object { $_.CreatedAt } | Sort-Object)
        $bound = [DateTimeOffset]::FromUnixTimeSeconds($times[[int][math]::Floor($times.Count / 2)].ToUnixTimeSeconds())
        $expected = @($listedFirst | Where-Object { $null -ne $_.CreatedAt -and $_.CreatedAt -le $bound })

        $found = @(Get-MiloInterview -PostingId $first.Id -CreatedBefore $bound)

        Join-InterviewId $found | Should -Be (Join-InterviewId $expected)
    }

    It '-CreatedAfter in the future returns nothing' {
        @(Get-MiloInterview -PostingId $first.Id -CreatedAfter ([DateTimeOffset]::UtcNow.AddYears(50))).Count | Should -Be 0
    }

    It '-InterviewId gets the full results as HeyMilo.InterviewData' {
        $data = @(Get-MiloInterview -InterviewId $listedFirst[0].InterviewId)

        $data.Count | Should -Be 1
        $data[0].PSObject.TypeNames | Should -Contain 'HeyMilo.InterviewData'
        $data[0].InterviewId | Should -Be $listedFirst[0].InterviewId
        $data[0].PostingId | Should -Be $first.Id
    }

    It 'looks piped interviews up by InterviewId' {
        $data = @($listedFirst[0..1] | Get-MiloInterview)

        Join-InterviewId $data | Should -Be (Join-InterviewId $listedFirst[0..1])
        foreach ($item in $data) { $item.PSObject.TypeNames | Should -Contain 'HeyMilo.InterviewData' }
    }

    It 'writes a non-terminating HeyMilo.NotFound error for an unknown interview id, with the id as TargetObject' {
        $data = @(Get-MiloInterview -InterviewId 'no-such-interview', $listedFirst[0].InterviewId -ErrorVariable failures -ErrorAction SilentlyContinue)

        $data.Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloInterviewCommand'
        $failures[0].TargetObject | Should -Be 'no-such-interview'
    }
}

Describe 'Export-MiloInterview' {
    It 'writes a .json file holding one JSON array of every interview of the piped postings, with the objects'' property names and ISO dates' {
        $path = Join-Path (New-TestFolder 'json') 'interviews.json'

        $postings | Export-MiloInterview -Path $path

        $text = Get-Content -LiteralPath $path -Raw
        $items = @(ConvertFrom-Json -InputObject $text)
        Join-InterviewId $items | Should -Be (Join-InterviewId $listed)
        $text | Should -Match '"CreatedAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"'
        $text | Should -Not -Match '"interview_id"'
        foreach ($n in 0, ($items.Count - 1)) { $items[$n].InterviewUrl | Should -Be $listed[$n].InterviewUrl }
    }

    It '-Raw writes the interviews in the API''s own shape' {
        $path = Join-Path (New-TestFolder 'raw') 'interviews.json'

        Export-MiloInterview -PostingId $first.Id -Path $path -Raw

        $items = @(Get-Content -LiteralPath $path -Raw | ConvertFrom-Json)
        @($items | ForEach-Object { $_.interview_id }) -join ',' | Should -Be (Join-InterviewId $listedFirst)
        $items[0].created_at | Should -BeOfType ([long])
    }

    It 'writes a .jsonl file with one interview object per line' {
        $path = Join-Path (New-TestFolder 'jsonl') 'interviews.jsonl'

        Export-MiloInterview -PostingId $first.Id, $second.Id -Path $path

        $lines = @(Get-Content -LiteralPath $path | Where-Object { $_.Trim().Length -gt 0 })
        $lines.Count | Should -Be $listedFirstTwo.Count
        @($lines | ForEach-Object { ($_ | ConvertFrom-Json).InterviewId }) -join ',' | Should -Be (Join-InterviewId $listedFirstTwo)
    }

    It 'writes a .csv file whose header is the documented columns, then Step1Status..StepNStatus for the workflow steps' {
        $path = Join-Path (New-TestFolder 'csv-header') 'interviews.csv'

        Export-MiloInterview -PostingId $first.Id -Path $path

        $header = @((Get-Content -LiteralPath $path -TotalCount 1) -split ',')
        $fixed = 'PostingId', 'InterviewId', 'CandidateId', 'Name', 'Email', 'Status', 'Score', 'CreatedAt', 'InterviewedAt', 'InterviewUrl'
        # As many step columns as the most workflow steps among the first 100 interviews (steps ordered by 'order').
        $stepCount = ($listedFirst | Select-Object -First 100 | ForEach-Object { @($_.Workflow.Steps).Count } | Measure-Object -Maximum).Maximum
        $stepCount | Should -BeGreaterThan 0
        $expected = @($fixed) + @(1..$stepCount | ForEach-Object { "Step$($_)Status" })
        ($header -join ',') | Should -Be ($expected -join ',')
    }

    It 'writes one .csv row per interview, in listing order' {
        $path = Join-Path (New-TestFolder 'csv-rows') 'interviews.csv'

        Export-MiloInterview -PostingId $first.Id -Path $path

        $rows = @(Import-Csv -LiteralPath $path)
        Join-InterviewId $rows | Should -Be (Join-InterviewId $listedFirst)
        foreach ($row in $rows) { $row.PostingId | Should -Be $first.Id }
    }

    It '-Format chooses the format whatever the extension' {
        $path = Join-Path (New-TestFolder 'format') 'interviews.txt'

        Export-MiloInterview -PostingId $first.Id -Path $path -Format JsonLines

        $lines = @(Get-Content -LiteralPath $path | Where-Object { $_.Trim().Length -gt 0 })
        @($lines | ForEach-Object { ($_ | ConvertFrom-Json).InterviewId }) -join ',' | Should -Be (Join-InterviewId $listedFirst)
    }

    It '-PassThru returns what Get-Item returns for the written file' {
        $path = Join-Path (New-TestFolder 'passthru') 'interviews.json'

        $file = Export-MiloInterview -PostingId $first.Id -Path $path -PassThru
        $item = Get-Item -LiteralPath $path

        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be ([System.IO.Path]::GetFullPath($path))
        foreach ($name in 'PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider', 'PSIsContainer', 'Length', 'Mode') {
            $file.PSObject.Properties[$name] | Should -Not -BeNullOrEmpty -Because "Get-Item's FileInfo has $name"
            "$($file.$name)" | Should -Be "$($item.$name)"
        }
    }

    It 'deletes the temp file a killed export to the same file left, and nothing else' {
        $folder = New-TestFolder 'stale'
        $stale = Join-Path $folder '.interviews.json.abcdefghijk.tmp'
        $fresh = Join-Path $folder '.interviews.json.bcdefghijkl.tmp'
        $other = Join-Path $folder '.other.json.abcdefghijk.tmp'
        foreach ($p in $stale, $fresh, $other) { Set-Content -LiteralPath $p -Value '[{"interview_id":' }
        foreach ($p in $stale, $other) { (Get-Item -LiteralPath $p -Force).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-1) }

        Export-MiloInterview -PostingId $second.Id -Path (Join-Path $folder 'interviews.json')

        Test-Path -LiteralPath $stale | Should -Be $false
        Test-Path -LiteralPath $fresh | Should -Be $true
        Test-Path -LiteralPath $other | Should -Be $true
    }

    It 'refuses to replace an existing file without -Force, and leaves it as it was' {
        $path = Join-Path (New-TestFolder 'exists') 'interviews.json'
        Set-Content -LiteralPath $path -Value 'keep me'

        { Export-MiloInterview -PostingId $first.Id -Path $path } |
            Should -Throw -ErrorId 'HeyMilo.FileExists,HeyMilo.Commands.ExportMiloInterviewCommand'
        (Get-Content -LiteralPath $path -Raw).Trim() | Should -Be 'keep me'
    }

    It 'replaces an existing file with -Force' {
        $path = Join-Path (New-TestFolder 'force') 'interviews.json'
        Set-Content -LiteralPath $path -Value 'old'

        Export-MiloInterview -PostingId $first.Id -Path $path -Force

        $items = @(Get-Content -LiteralPath $path -Raw | ConvertFrom-Json)
        $items.Count | Should -Be $listedFirst.Count
    }

    It '-WhatIf writes no file' {
        $folder = New-TestFolder 'whatif'
        $path = Join-Path $folder 'interviews.json'

        Export-MiloInterview -PostingId $first.Id -Path $path -WhatIf

        Test-Path -LiteralPath $path | Should -Be $false
        @(Get-ChildItem -LiteralPath $folder -Force).Count | Should -Be 0
    }

    It 'leaves no temporary file beside a finished export' {
        $folder = New-TestFolder 'no-temp'

        Export-MiloInterview -PostingId $first.Id -Path (Join-Path $folder 'interviews.csv')

        @(Get-ChildItem -LiteralPath $folder -Force | ForEach-Object { $_.Name }) -join ',' | Should -Be 'interviews.csv'
    }

    It 'leaves neither the file nor a temporary file when the export fails' {
        $folder = New-TestFolder 'failed'
        $path = Join-Path $folder 'interviews.json'

        { Export-MiloInterview -PostingId 'no-such-posting' -Path $path } |
            Should -Throw -ErrorId 'HeyMilo.NotFound,HeyMilo.Commands.ExportMiloInterviewCommand'
        Test-Path -LiteralPath $path | Should -Be $false
        (Get-TempFile $folder).Count | Should -Be 0
    }

    It '-Server downloads the legacy export job''s JSON file' {
        $folder = New-TestFolder 'server'
        $path = Join-Path $folder 'interviews.json'

        $file = Export-MiloInterview -PostingId $first.Id -Path $path -Server -PollIntervalSec 1 -PassThru

        $file | Should -BeOfType ([System.IO.FileInfo])
        Test-Path -LiteralPath $path | Should -Be $true
        # The server's file as it made it: a JSON array of the posting's interviews (legacy shape, interview_id at the top).
        $items = @(Get-Content -LiteralPath $path -Raw | ConvertFrom-Json)
        @($items | ForEach-Object { $_.interview_id }) -join ',' | Should -Be (Join-InterviewId $listedFirst)
        (Get-TempFile $folder).Count | Should -Be 0
    }
}

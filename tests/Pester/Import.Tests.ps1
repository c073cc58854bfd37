# Import-MiloCandidate against the bundled simulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 250

    $posting = Get-MiloPosting -First 1

    # Writes a CSV file into TestDrive: and returns its path.
    function New-CandidateCsv([string] $Name, [string[]] $Lines) {
        $path = Join-Path $TestDrive "$Name.csv"
        Set-Content -LiteralPath $path -Value $Lines -Encoding UTF8
        $path
    }

    function Get-InterviewEmail([string] $PostingId) {
        @(Get-MiloInterview -PostingId $PostingId | ForEach-Object { $_.Email })
    }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Import-MiloCandidate' {
    It 'Import-Csv | Import-MiloCandidate | Export-Csv writes the accepted rows with their interviews and reports the bad row as an error' {
        $csv = New-CandidateCsv 'candidates' @(
            'Name,Email,Phone'
            'Ada Lovelace,ada.pipeline@example.com,+44 20 7946 0958'
            'Grace Hopper,grace.pipeline@example.com,'
            'Bad Row,not-an-email,'
            'Alan Turing,alan.pipeline@example.com,0044 161 496 0000'
        )
        $sent = Join-Path $TestDrive 'sent.csv'

        Import-Csv -LiteralPath $csv |
            Import-MiloCandidate -PostingId $posting.Id -ErrorVariable failures -ErrorAction SilentlyContinue |
            Export-Csv -LiteralPath $sent -NoTypeInformation

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.InvalidCandidate,HeyMilo.Commands.ImportMiloCandidateCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].TargetObject.Email | Should -Be 'not-an-email'

        $rows = @(Import-Csv -LiteralPath $sent)
        @($rows | ForEach-Object { $_.Email }) -join ',' |
            Should -Be 'ada.pipeline@example.com,grace.pipeline@example.com,alan.pipeline@example.com'
        @($rows | ForEach-Object { $_.Name }) -join '|' | Should -Be 'Ada Lovelace|Grace Hopper|Alan Turing'
        # Phone numbers go out in E.164 (spaces dropped, a leading 00 becomes +); a blank cell sends none.
        @($rows | ForEach-Object { $_.Phone }) -join '|' | Should -Be '+442079460958||+441614960000'
        # RowNumber is the row's position in the input, counting the bad row.
        @($rows | ForEach-Object { $_.RowNumber }) -join ',' | Should -Be '1,2,4'
        foreach ($row in $rows) {
            $row.InterviewId | Should -Not -BeNullOrEmpty
            $row.InterviewUrl | Should -Not -BeNullOrEmpty
            $row.PostingId | Should -Be $posting.Id
        }
        $interviews = @(Get-MiloInterview -PostingId $posting.Id | Where-Object { $_.Email -like '*.pipeline@example.com' })
        @($interviews | ForEach-Object { $_.InterviewId } | Sort-Object) -join ',' |
            Should -Be (@($rows | ForEach-Object { $_.InterviewId } | Sort-Object) -join ',')
    }

    It 'outputs RowNumber, Name, Email, Phone, InterviewId, InterviewUrl and PostingId for each accepted row, the input row as the hidden InputObject' {
        $row = [pscustomobject] @{ Name = 'Mary Jackson'; Email = 'mary.output@example.com' }

        $result = @($row | Import-MiloCandidate -PostingId $posting.Id)

        $result.Count | Should -Be 1
        $result[0] | Should -BeOfType ([HeyMilo.CandidateImportResult])
        @($result[0].PSObject.Properties | ForEach-Object { $_.Name }) -join ',' | Should -Be 'RowNumber,Name,Email,Phone,InterviewId,InterviewUrl,PostingId'
        $result[0].Name | Should -Be 'Mary Jackson'
        $result[0].Email | Should -Be 'mary.output@example.com'
        $result[0].PostingId | Should -Be $posting.Id
        $result[0].InputObject.Email | Should -Be 'mary.output@example.com'
    }

    It 'creates the interviews on the posting' {
        $rows = @(
            [pscustomobject] @{ Name = 'Dorothy Vaughan'; Email = 'dorothy.created@example.com' }
            [pscustomobject] @{ Name = 'Annie Easley'; Email = 'annie.created@example.com' }
        )

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id)

        $interviews = @(Get-MiloInterview -PostingId $posting.Id | Where-Object { $_.Email -like '*.created@example.com' })
        @($interviews | ForEach-Object { $_.InterviewId } | Sort-Object) -join ',' |
            Should -Be (@($results | ForEach-Object { $_.InterviewId } | Sort-Object) -join ',')
    }

    It 'finds the name in First Name + Last Name and the email in E-mail' {
        $csv = New-CandidateCsv 'split-name' @(
            'First Name,Last Name,E-mail,Mobile'
            'Katherine,Johnson,katherine.alias@example.com,+1 (206) 555-0100'
        )

        $result = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id)

        $result.Count | Should -Be 1
        $result[0].Name | Should -Be 'Katherine Johnson'
        $result[0].Email | Should -Be 'katherine.alias@example.com'
    }

    It 'finds the name in Full Name or FullName and the email in Email Address' {
        $csv = New-CandidateCsv 'full-name' @(
            'Full Name,Email Address,Phone Number'
            'Margaret Hamilton,margaret.alias@example.com,0044 20 7946 0000'
        )
        $other = [pscustomobject] @{ FullName = 'Evelyn Boyd Granville'; 'Email Address' = 'evelyn.alias@example.com' }

        $result = @(@(Import-Csv -LiteralPath $csv) + $other | Import-MiloCandidate -PostingId $posting.Id)

        @($result | ForEach-Object { $_.Name }) -join '|' | Should -Be 'Margaret Hamilton|Evelyn Boyd Granville'
    }

    It 'rejects, before sending, a row without a name, and a phone number that does not start with + or 00' {
        $rows = @(
            [pscustomobject] @{ Name = ''; Email = 'noname.local@example.com' }
            [pscustomobject] @{ Name = 'Local Number'; Email = 'local.phone@example.com'; Phone = '206-555-0100' }
            [pscustomobject] @{ Name = 'Good Row'; Email = 'good.local@example.com'; Phone = '(+1) 206 555-0101' }
        )

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 2
        @($failures | ForEach-Object { $_.TargetObject.Email }) -join ',' | Should -Be 'noname.local@example.com,local.phone@example.com'
        foreach ($failure in $failures) { $failure.CategoryInfo.Category | Should -Be 'InvalidData' }
        @($results | ForEach-Object { $_.Email }) -join ',' | Should -Be 'good.local@example.com'
        Get-InterviewEmail $posting.Id | Should -Not -Contain 'local.phone@example.com'
    }

    It 'rejects, before sending, a row whose metadata value is longer than 500 characters' {
        $rows = @(
            [pscustomobject] @{ Name = 'Long Note'; Email = 'long.note@example.com'; Note = 'x' * 501 }
            [pscustomobject] @{ Name = 'Short Note'; Email = 'short.note@example.com'; Note = 'x' * 500 }
        )

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id -MetadataProperty Note -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].TargetObject.Email | Should -Be 'long.note@example.com'
        @($results | ForEach-Object { $_.Email }) -join ',' | Should -Be 'short.note@example.com'
    }

    It 'sends -MetadataProperty columns and -Metadata pairs as the interview''s metadata' {
        $row = [pscustomobject] @{ Name = 'Meta Data'; Email = 'meta.data@example.com'; 'Req Id' = 'R-42' }

        $result = $row | Import-MiloCandidate -PostingId $posting.Id -MetadataProperty 'Req Id' -Metadata @{ source = 'pester' }
        $data = Get-MiloInterview -InterviewId $result.InterviewId

        $data.Metadata['Req Id'] | Should -Be 'R-42'
        $data.Metadata['source'] | Should -Be 'pester'
    }

    It 'sends a repeated email once and warns about the repeat' {
        $rows = @(
            [pscustomobject] @{ Name = 'Twice First'; Email = 'twice@example.com' }
            [pscustomobject] @{ Name = 'Twice Second'; Email = 'twice@example.com' }
        )

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id -WarningVariable warnings -WarningAction SilentlyContinue)

        $results.Count | Should -Be 1
        $results[0].Name | Should -Be 'Twice First'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*twice@example.com*'
    }

    It '-WhatIf sends nothing' {
        $rows = @(
            [pscustomobject] @{ Name = 'What If'; Email = 'what.if@example.com' }
            [pscustomobject] @{ Name = 'What Else'; Email = 'what.else@example.com' }
        )

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id -WhatIf)

        $results.Count | Should -Be 0
        $emails = Get-InterviewEmail $posting.Id
        $emails | Should -Not -Contain 'what.if@example.com'
        $emails | Should -Not -Contain 'what.else@example.com'
    }

    It '-BatchSize 2 sends five rows in three batches and outputs them in input order' {
        $rows = @(1..5 | ForEach-Object { [pscustomobject] @{ Name = "Batch $_"; Email = "batch.$_@example.com" } })

        $results = @($rows | Import-MiloCandidate -PostingId $posting.Id -BatchSize 2)

        @($results | ForEach-Object { $_.Email }) -join ',' | Should -Be (@($rows | ForEach-Object { $_.Email }) -join ',')
        @($results | ForEach-Object { $_.InputObject.Email }) -join ',' | Should -Be (@($rows | ForEach-Object { $_.Email }) -join ',')
    }

    It 'Import-Csv | Import-MiloCandidate | Export-Csv writes a clean mailing list: no input row, no empty ingestion columns, no summary row' {
        $csv = New-CandidateCsv 'mailing' @(
            'First Name,Last Name,Email,Mobile,Req Id,Notes'
            'Ada,Lovelace,ada.mailing@example.com,+44 20 7946 0958,R-1,private'
            'Grace,Hopper,grace.mailing@example.com,,R-2,private'
        )
        $sent = Join-Path $TestDrive 'mailing-sent.csv'

        Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id -MetadataProperty 'Req Id' -SummaryVariable summary |
            Export-Csv -LiteralPath $sent -NoTypeInformation

        $lines = @(Get-Content -LiteralPath $sent)
        $lines[0] | Should -Be '"RowNumber","Name","Email","Phone","InterviewId","InterviewUrl","PostingId","Req Id"'
        $lines.Count | Should -Be 3
        $lines[1] | Should -BeLike '"1","Ada Lovelace","ada.mailing@example.com","+442079460958","*","http*","*","R-1"'
        $summary.Sent | Should -Be 2
        $summary | Should -BeOfType ([HeyMilo.CandidateImportSummary])

        $results = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id -MetadataProperty 'Req Id')
        @(($results | ConvertTo-Json | ConvertFrom-Json)[0].PSObject.Properties.Name) -join ',' | Should -Be 'RowNumber,Name,Email,Phone,InterviewId,InterviewUrl,PostingId,Req Id'
        (($results[0] | Format-List | Out-String) -split '\r?\n' | Where-Object { $_ -match '^\S' } | ForEach-Object { ($_ -split '\s*:')[0] }) -join ',' |
            Should -Be 'RowNumber,Name,Email,Phone,InterviewId,InterviewUrl,PostingId,Req Id'
        $results[0].InputObject.Notes | Should -Be 'private'
    }

    It '-BatchSize outside 1..100 is refused before any request' {
        { [pscustomobject] @{ Name = 'X'; Email = 'x@example.com' } | Import-MiloCandidate -PostingId $posting.Id -BatchSize 101 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.ImportMiloCandidateCommand'
    }

    It 'returns the same interviews when the same rows are imported again' {
        $rows = @(
            [pscustomobject] @{ Name = 'Again One'; Email = 'again.1@example.com' }
            [pscustomobject] @{ Name = 'Again Two'; Email = 'again.2@example.com' }
        )

        $first = @($rows | Import-MiloCandidate -PostingId $posting.Id)
        $second = @($rows | Import-MiloCandidate -PostingId $posting.Id)

        @($second | ForEach-Object { $_.InterviewId }) -join ',' | Should -Be (@($first | ForEach-Object { $_.InterviewId }) -join ',')
    }

    It 'Import-Csv of 5,000 rows into a posting that does not exist ends in one error that counts the rows not sent' {
        $csv = New-CandidateCsv 'nope' (@('Name,Email') + @(1..5000 | ForEach-Object { "Nope $_,nope.$_@example.com" }))
        $caught = $null

        try {
            Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId nope -ErrorVariable seen -ErrorAction Continue
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.ImportMiloCandidateCommand'
        "$($caught.ErrorDetails.Message)" | Should -BeLike '*posting nope was not found*5,000 of the 5,000 rows were not sent*'
        @($seen).Count | Should -Be 1
    }

    It 'refuses a CSV without an email column once, before any request, naming its columns and the accepted ones' {
        $csv = New-CandidateCsv 'no-email' @('Name,Mail Address', 'Ada,ada.nomail@example.com', 'Grace,grace.nomail@example.com')

        { Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id } |
            Should -Throw -ErrorId 'HeyMilo.NoEmailColumn,HeyMilo.Commands.ImportMiloCandidateCommand' -ExpectedMessage "*'Name', 'Mail Address'*Email, E-mail, Email Address or Mail*"
        Get-InterviewEmail $posting.Id | Should -Not -Contain 'ada.nomail@example.com'
    }

    It 'stops with the terminating HeyMilo.Unauthorized when the API rejects the key' {
        $badKey = ConvertTo-SecureString -String 'not-a-valid-key-0000' -AsPlainText -Force
        $bad = Connect-Milo -ApiKey $badKey -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri

        { [pscustomobject] @{ Name = 'Refused'; Email = 'refused@example.com' } | Import-MiloCandidate -PostingId $posting.Id -Session $bad } |
            Should -Throw -ErrorId 'HeyMilo.Unauthorized,HeyMilo.Commands.ImportMiloCandidateCommand'
    }
}

Describe 'Import-MiloCandidate -SummaryVariable' {
    BeforeAll {
        $rows = @(
            [pscustomobject] @{ Name = 'Sum One'; Email = 'sum.1@example.com' }
            [pscustomobject] @{ Name = 'Sum Two'; Email = 'sum.2@example.com' }
            [pscustomobject] @{ Name = 'Sum Bad'; Email = 'sum-bad' }
            [pscustomobject] @{ Name = 'Sum Three'; Email = 'sum.3@example.com' }
            [pscustomobject] @{ Name = 'Sum One Again'; Email = 'sum.1@example.com' }
        )
        $output = @($rows | Import-MiloCandidate -PostingId $posting.Id -SummaryVariable summary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    }

    It 'outputs only the accepted rows; the summary goes to the variable, counting sent and failed rows' {
        $output.Count | Should -Be 3
        @($output | ForEach-Object { $_.Email }) -join ',' | Should -Be 'sum.1@example.com,sum.2@example.com,sum.3@example.com'
        foreach ($result in $output) { $result.PSObject.TypeNames | Should -Contain 'HeyMilo.CandidateImportResult' }
        $summary.Sent | Should -Be 3
        $summary.Failed | Should -Be 1
    }

    It 'is a HeyMilo.CandidateImportSummary that counts the repeated email as Skipped, and every row once' {
        $summary.PSObject.TypeNames | Should -Contain 'HeyMilo.CandidateImportSummary'
        $summary.Skipped | Should -Be 1
        $summary.NotSent | Should -Be 0
        $summary.Unknown | Should -Be 0
        $summary.Total | Should -Be 5
        ($summary.Sent + $summary.Failed + $summary.Skipped + $summary.NotSent + $summary.Unknown) | Should -Be $summary.Total
        $summary.PostingId | Should -Be $posting.Id
        $summary.IngestionKey | Should -BeNullOrEmpty
    }

    It 'counts the valid rows held back by -WhatIf as NotSent' {
        $held = @(
            [pscustomobject] @{ Name = 'Held One'; Email = 'held.1@example.com' }
            [pscustomobject] @{ Name = 'Held Bad'; Email = 'held-bad' }
        )

        $whatIf = @($held | Import-MiloCandidate -PostingId $posting.Id -SummaryVariable heldSummary -WhatIf -ErrorAction SilentlyContinue)

        $whatIf.Count | Should -Be 0
        $heldSummary.Sent | Should -Be 0
        $heldSummary.Failed | Should -Be 1
        $heldSummary.NotSent | Should -Be 1
        $heldSummary.Total | Should -Be 2
    }

    It 'the deprecated -Summary still works: it shows the summary instead of outputting it' {
        $results = @([pscustomobject] @{ Name = 'Old Switch'; Email = 'old.switch@example.com' } |
                Import-MiloCandidate -PostingId $posting.Id -Summary -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Count | Should -Be 1
        $results[0] | Should -BeOfType ([HeyMilo.CandidateImportResult])
        "$warned" | Should -BeLike '*-SummaryVariable*'
    }
}

Describe 'Import-MiloCandidate -DefaultRegion' {
    It 'reads a national phone number in the named country and sends it as E.164; without it the row is refused with the hint' {
        $csv = New-CandidateCsv 'national' @('Name,Email,Mobile', 'Grace National,grace.national@example.com,(206) 555-1234')

        $refused = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id -ErrorVariable problems -ErrorAction SilentlyContinue)
        $refused.Count | Should -Be 0
        $problems[0].Exception.Message | Should -Match "column 'Mobile'.*-DefaultRegion"

        $sent = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $posting.Id -DefaultRegion US)
        $sent.Count | Should -Be 1
        $sent[0].Phone | Should -Be '+12065551234'
    }
}

Describe 'Import-MiloCandidate -Async' {
    It 'queues each batch as an ingestion job: every row carries its job id, and the interviews appear in the posting' {
        $target = (Get-MiloPosting -First 3)[2]
        $csv = New-CandidateCsv 'async' (@('Name,Email') + (1..150 | ForEach-Object { "Queued $_,queued.$_@example.com" }))

        $results = @(Import-Csv -LiteralPath $csv | Import-MiloCandidate -PostingId $target.Id -Async)

        $results.Count | Should -Be 150
        @($results | ForEach-Object IngestionId | Select-Object -Unique).Count | Should -Be 2
        $results | ForEach-Object { $_.IngestionId | Should -Match '^intake_'; $_.InterviewId | Should -BeNullOrEmpty }
        $emails = Get-InterviewEmail $target.Id
        $emails | Should -Contain 'queued.1@example.com'
        $emails | Should -Contain 'queued.150@example.com'
    }
}

Describe 'Import-MiloCandidate -IngestionKey (legacy API)' {
    BeforeAll {
        $ingestionKey = $posting.Urls.IngestionUrlKey
        $rows = @(
            [pscustomobject] @{ Name = 'Legacy One'; Email = 'legacy.1@example.com' }
            [pscustomobject] @{ Name = 'Legacy Two'; Email = 'legacy.2@example.com' }
        )
    }

    It 'imports through the posting''s ingestion key' {
        $ingestionKey | Should -Not -BeNullOrEmpty

        $results = @($rows | Import-MiloCandidate -IngestionKey $ingestionKey)

        $results.Count | Should -Be 2
        foreach ($result in $results) {
            $result.InterviewId | Should -Not -BeNullOrEmpty
            $result.IngestionKey | Should -Be $ingestionKey
            $result.PostingId | Should -BeNullOrEmpty
            $result.IngestionId | Should -Not -BeNullOrEmpty
        }
        $emails = @(Get-MiloInterview -PostingId $posting.Id | ForEach-Object { $_.Email })
        foreach ($row in $rows) { $emails | Should -Contain $row.Email }
    }

    It 'returns the existing interviews when the rows come again without -Retake' {
        $first = @($rows | Import-MiloCandidate -IngestionKey $ingestionKey)
        $again = @($rows | Import-MiloCandidate -IngestionKey $ingestionKey)

        @($again | ForEach-Object { $_.InterviewId }) -join ',' | Should -Be (@($first | ForEach-Object { $_.InterviewId }) -join ',')
    }

    It 'creates new interviews with -Retake' {
        $first = @($rows | Import-MiloCandidate -IngestionKey $ingestionKey)
        $retaken = @($rows | Import-MiloCandidate -IngestionKey $ingestionKey -Retake)

        $first.Count | Should -Be 2   # else 'none of the first ones' below would hold for nothing
        $retaken.Count | Should -Be 2
        foreach ($result in $retaken) { @($first | ForEach-Object { $_.InterviewId }) | Should -Not -Contain $result.InterviewId }
    }
}

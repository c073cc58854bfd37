# Get-MiloPosting and Copy-MiloPosting against the bundled simulator (250 postings).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 250

    # The whole listing, read once before any test changes it (Copy-MiloPosting runs last).
    $all = @(Get-MiloPosting)

    function Join-Id($items) { @($items | ForEach-Object { $_.Id }) -join ',' }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Get-MiloPosting' {
    It 'Get-MiloPosting | Select-Object -First 5 returns five HeyMilo.Posting objects' {
        $postings = @(Get-MiloPosting | Select-Object -First 5)

        $postings.Count | Should -Be 5
        foreach ($posting in $postings) {
            $posting.PSObject.TypeNames | Should -Contain 'HeyMilo.Posting'
            $posting.Id | Should -Not -BeNullOrEmpty
        }
    }

    It 'streams all 250 postings, each once' {
        $postings = @(Get-MiloPosting)

        $postings.Count | Should -Be 250
        @($postings | ForEach-Object { $_.Id } | Sort-Object -Unique).Count | Should -Be 250
    }

    It '-First 5 returns the first five postings of the listing, in order' {
        Join-Id (Get-MiloPosting -First 5) | Should -Be (Join-Id $all[0..4])
    }

    It 'Skip and First read across a page boundary in order' {
        Join-Id (Get-MiloPosting -Skip 98 -First 5) | Should -Be (Join-Id $all[98..102])
    }

    It '-PageSize changes the page size, not the result' {
        Join-Id (Get-MiloPosting -PageSize 7 -First 20) | Should -Be (Join-Id $all[0..19])
    }

    It '-PageSize outside 1..100 is refused before any request' {
        { Get-MiloPosting -PageSize 101 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.GetMiloPostingCommand'
    }

    It '-Search returns exactly the postings whose title contains the text, ignoring case' {
        $word = [regex]::Match($all[0].Title, '[A-Za-z]{4,}').Value
        if ([string]::IsNullOrEmpty($word)) { $word = $all[0].Title }
        $expected = @($all | Where-Object { $_.Title.IndexOf($word, [StringComparison]::OrdinalIgnoreCase) -ge 0 })

        $found = @(Get-MiloPosting -Search $word.ToUpperInvariant())

        $found.Count | Should -BeGreaterThan 0
        @($found | ForEach-Object { $_.Id } | Sort-Object) -join ',' |
            Should -Be (@($expected | ForEach-Object { $_.Id } | Sort-Object) -join ',')
    }

    It 'gets postings by id from the pipeline, in input order' {
        $ids = @($all[10], $all[3], $all[7] | ForEach-Object { $_.Id })

        $postings = @($ids | Get-MiloPosting)

        @($postings | ForEach-Object { $_.Id }) -join ',' | Should -Be ($ids -join ',')
        foreach ($posting in $postings) { $posting.PSObject.TypeNames | Should -Contain 'HeyMilo.Posting' }
    }

    It 'binds -PostingId from a posting_id property' {
        $posting = [pscustomobject] @{ posting_id = $all[4].Id } | Get-MiloPosting

        $posting.Id | Should -Be $all[4].Id
    }

    It 'binds -PostingId from the Id of piped postings' {
        Join-Id ($all[0..1] | Get-MiloPosting) | Should -Be (Join-Id $all[0..1])
    }

    It 'writes a non-terminating HeyMilo.NotFound error for an unknown id, with the id as TargetObject, and goes on' {
        $postings = @('no-such-posting', $all[0].Id | Get-MiloPosting -ErrorVariable failures -ErrorAction SilentlyContinue)

        $postings.Count | Should -Be 1
        $postings[0].Id | Should -Be $all[0].Id
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloPostingCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'no-such-posting'
    }
}

Describe 'Copy-MiloPosting' {
    It '-WhatIf clones nothing' {
        $output = @(Copy-MiloPosting -PostingId $all[0].Id -WhatIf)

        $output.Count | Should -Be 0
        @(Get-MiloPosting).Count | Should -Be $all.Count
    }

    It 'clones a posting into a new HeyMilo.Posting that Get-MiloPosting then finds' {
        $before = @(Get-MiloPosting).Count

        $copies = @(Copy-MiloPosting -PostingId $all[0].Id)

        $copies.Count | Should -Be 1
        $copies[0].PSObject.TypeNames | Should -Contain 'HeyMilo.Posting'
        $copies[0].Id | Should -Not -BeNullOrEmpty
        $copies[0].Id | Should -Not -Be $all[0].Id
        (Get-MiloPosting -PostingId $copies[0].Id).Id | Should -Be $copies[0].Id
        @(Get-MiloPosting).Count | Should -Be ($before + 1)
    }

    It 'clones each posting piped from Get-MiloPosting' {
        $copies = @(Get-MiloPosting -First 2 | Copy-MiloPosting)

        $copies.Count | Should -Be 2
        @($copies | ForEach-Object { $_.Id } | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'writes a non-terminating HeyMilo.NotFound error for an unknown id, with the id as TargetObject' {
        $copies = @(Copy-MiloPosting -PostingId 'no-such-posting' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $copies.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HeyMilo.NotFound,*'
        $failures[0].TargetObject | Should -Be 'no-such-posting'
    }
}

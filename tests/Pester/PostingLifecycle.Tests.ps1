# The posting lifecycle and questions in real pwsh against the bundled simulator: New-, Set-, Enable-,
# Disable-MiloPosting, Get-MiloPosting -Summary, Get-MiloPostingStatistic, Set-MiloWorkflowStep,
# Get-, New-, Set-, Remove-MiloQuestion and Set-MiloQuestionOrder; and every example of their help pages.

BeforeDiscovery {
    # The examples of the help pages, one case each: they must run as written against a simulator.
    $pages = 'New-MiloPosting', 'Set-MiloPosting', 'Get-MiloPostingStatistic', 'Set-MiloWorkflowStep', 'Enable-MiloPosting',
        'Disable-MiloPosting', 'Get-MiloQuestion', 'New-MiloQuestion', 'Set-MiloQuestion', 'Remove-MiloQuestion', 'Set-MiloQuestionOrder', 'Get-MiloPosting'
    $examples = foreach ($page in $pages) {
        $text = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "../../docs/cmdlets/$page.md")
        $section = $text.Substring($text.IndexOf('## EXAMPLES'), $text.IndexOf('## PARAMETERS') - $text.IndexOf('## EXAMPLES'))
        foreach ($match in [regex]::Matches($section, '### (?<title>[^\r\n]+)\r?\n```powershell\r?\n(?<code>.*?)\r?\n```', 'Singleline')) {
            @{ Page = $page; Title = $match.Groups['title'].Value; Code = $match.Groups['code'].Value }
        }
    }

    # The guides: every block of docs/questions.md and of the lifecycle section of docs/postings.md, in order.
    $guides = foreach ($guide in @{ File = 'questions.md'; From = '# Questions' }, @{ File = 'postings.md'; From = '## Lifecycle' }) {
        $text = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "../../docs/$($guide.File)")
        $text = $text.Substring($text.IndexOf($guide.From))
        @{ File = $guide.File; Blocks = @([regex]::Matches($text, '```powershell\r?\n(?<code>.*?)\r?\n```', 'Singleline') | ForEach-Object { $_.Groups['code'].Value }) }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession

    $first = Get-MiloPosting -First 1
    function Get-PostingCount { @(Get-MiloPosting -Summary).Count }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'New-MiloPosting' {
    It 'creates a posting with its workflow that Get-MiloPosting then finds' {
        $posting = New-MiloPosting -Title 'Pester Nurse' -Description 'Nights.' -Workflow resume, @{ type = 'web_interview'; config = @{ num_questions = 4 } } `
            -MaxRetakes 2 -Metadata @{ source = 'pester' } -Deadline (Get-Date).AddDays(10)

        $posting.PSObject.TypeNames | Should -Contain 'HeyMilo.Posting'
        $posting.Status | Should -Be 'active'
        @($posting.Workflow | ForEach-Object { $_.Type }) -join ',' | Should -Be 'resume,web_interview'
        $posting.MaxRetakes | Should -Be 2
        $posting.Metadata['source'] | Should -Be 'pester'
        (Get-MiloPosting -PostingId $posting.Id).Title | Should -Be 'Pester Nurse'
    }

    It '-WhatIf creates nothing' {
        $before = Get-PostingCount

        @(New-MiloPosting -Title 'Never Made' -Workflow resume -WhatIf).Count | Should -Be 0

        Get-PostingCount | Should -Be $before
    }

    It 'refuses -MaxRetakes outside 0..5 before any request' {
        { New-MiloPosting -Title 'Too Many Retakes' -Workflow resume -MaxRetakes 9 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.NewMiloPostingCommand'
    }

    It 'refuses metadata over the limits with HeyMilo.InvalidMetadata and creates nothing' {
        $before = Get-PostingCount

        { New-MiloPosting -Title 'Bad Metadata' -Workflow resume -Metadata @{ ('k' * 41) = 'v' } } |
            Should -Throw -ErrorId 'HeyMilo.InvalidMetadata,HeyMilo.Commands.NewMiloPostingCommand'

        Get-PostingCount | Should -Be $before
    }

    It 'refuses an unknown step config key with HeyMilo.InvalidWorkflow' {
        { New-MiloPosting -Title 'Typo In Config' -Workflow @{ type = 'web_interview'; config = @{ num_question = 4 } } } |
            Should -Throw -ErrorId 'HeyMilo.InvalidWorkflow,HeyMilo.Commands.NewMiloPostingCommand'
    }

    It 'makes a posting like a piped one, with its description and steps but its own title' {
        $copy = $first | New-MiloPosting -Title 'Like The First'

        $copy.Title | Should -Be 'Like The First'
        $copy.Description | Should -Be $first.Description
        @($copy.Workflow | ForEach-Object { $_.Type }) -join ',' | Should -Be (@($first.Workflow | ForEach-Object { $_.Type }) -join ',')
        $copy.Name | Should -Not -Be $first.Name
    }

    It 'creates one posting per CSV row and reports a bad row with the row as TargetObject' {
        $rows = @"
Title,Workflow,MaxRetakes
Cook,web_interview,1
Waiter,resume;web_interview,8
Host,resume,0
"@ | ConvertFrom-Csv

        $created = @($rows | New-MiloPosting -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($created | ForEach-Object { $_.Title }) -join ',' | Should -Be 'Cook,Host'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.InvalidValue,HeyMilo.Commands.NewMiloPostingCommand'
        $failures[0].TargetObject.Title | Should -Be 'Waiter'
    }

    It 'warns that a posting from an ATS-derived template waits for Enable-MiloPosting, which activates it' {
        $draft = New-MiloPosting -Title 'From The ATS' -InterviewTemplateId IT_sim0002 -WarningVariable notice -WarningAction SilentlyContinue

        $draft.Status | Should -Be 'draft'
        "$notice" | Should -BeLike "*Enable-MiloPosting -PostingId $($draft.Id)*"
        $active = $draft | Enable-MiloPosting
        $active.Status | Should -Be 'active'
        $active.AtsMetadata['pending_activation'] | Should -BeFalse
    }
}

Describe 'Get-MiloPosting -Summary and Get-MiloPostingStatistic' {
    It 'streams PostingSummary objects' {
        $summaries = @(Get-MiloPosting -Summary -First 5)

        $summaries.Count | Should -Be 5
        foreach ($summary in $summaries) { $summary.PSObject.TypeNames | Should -Contain 'HeyMilo.PostingSummary' }
        $summaries[0].Id | Should -Be $first.Id
    }

    It 'gets the statistics of piped postings' {
        $statistic = $first | Get-MiloPostingStatistic

        $statistic.PSObject.TypeNames | Should -Contain 'HeyMilo.PostingStatistic'
        $statistic.PostingId | Should -Be $first.Id
        $statistic.TotalCandidates | Should -BeGreaterThan 0
    }
}

Describe 'Set-MiloPosting and Set-MiloWorkflowStep' {
    It 'changes only the fields given' {
        $before = Get-MiloPosting -PostingId $first.Id

        $after = Set-MiloPosting -PostingId $first.Id -InterviewerName 'Ava' -PassThru

        $after.InterviewerName | Should -Be 'Ava'
        $after.Description | Should -Be $before.Description
        $after.MaxRetakes | Should -Be $before.MaxRetakes
    }

    It '-Metadata replaces all metadata' {
        $after = Set-MiloPosting -PostingId $first.Id -Metadata @{ owner = 'ops' } -PassThru

        @($after.Metadata.Keys) -join ',' | Should -Be 'owner'
    }

    It 'refuses a call without a field to change' {
        { Set-MiloPosting -PostingId $first.Id } | Should -Throw -ErrorId 'HeyMilo.NothingToUpdate,HeyMilo.Commands.SetMiloPostingCommand'
    }

    It 'changes one key of the web interview step' {
        $after = Set-MiloWorkflowStep -PostingId $first.Id -Step web_interview -Config @{ video = $false } -PassThru

        ($after.Workflow | Where-Object Type -eq 'web_interview').Config['video'] | Should -BeFalse
    }

    It 'refuses a config key the step type does not have, before any request' {
        { Set-MiloWorkflowStep -PostingId $first.Id -Step web_interview -Config @{ knockout_enabled = $true } } |
            Should -Throw -ErrorId 'HeyMilo.InvalidStepConfig,HeyMilo.Commands.SetMiloWorkflowStepCommand'
    }
}

Describe 'Disable-MiloPosting and Enable-MiloPosting' {
    It 'archives piped postings with -Force and reports an unknown id with the id as TargetObject' {
        $targets = @(Get-MiloPosting -Skip 5 -First 3)

        $archived = @(@($targets.Id) + 'no-such-posting' | Disable-MiloPosting -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($archived | ForEach-Object { $_.Status } | Sort-Object -Unique) -join ',' | Should -Be 'archived'
        $archived.Count | Should -Be 3
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.DisableMiloPostingCommand'
        $failures[0].TargetObject | Should -Be 'no-such-posting'
    }

    It 'reports a posting without steps, which cannot be activated, with the posting as TargetObject' {
        $gone = New-MiloPosting -Title 'Short Lived' -Workflow @() -WarningAction SilentlyContinue

        $null = $gone | Enable-MiloPosting -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.ValidationFailed,HeyMilo.Commands.EnableMiloPostingCommand'
        $failures[0].TargetObject.Id | Should -Be $gone.Id
    }

    It 'refuses an interview piped in instead of archiving its posting' {
        $interview = Get-MiloInterview -PostingId $first.Id -First 1

        $null = $interview | Disable-MiloPosting -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotAPosting,HeyMilo.Commands.DisableMiloPostingCommand'
        (Get-MiloPosting -PostingId $first.Id).Status | Should -Not -Be 'archived'
    }

    It 'activates archived postings again' {
        $posting = Get-MiloPosting -Skip 5 -First 1

        ($posting | Enable-MiloPosting).Status | Should -Be 'active'
    }
}

Describe 'Questions' {
    BeforeAll {
        $target = New-MiloPosting -Title 'Question Target' -Workflow @{ type = 'web_interview'; questions = @(@{ modality = 'voice'; text = 'Why this job?' }) }
    }

    It 'lists the questions of a posting by modality, in rank order' {
        $voice = @(Get-MiloQuestion -PostingId $first.Id -Modality voice)

        $voice.Count | Should -Be 3
        foreach ($question in $voice) { $question.PSObject.TypeNames | Should -Contain 'HeyMilo.Question' }
        @($voice | ForEach-Object { $_.Rank }) -join ',' | Should -Be '1,2,3'
    }

    It 'adds a question and refuses a weight outside 1..10' {
        $question = New-MiloQuestion -PostingId $target.Id -Modality voice -Text 'Tell me about a night shift.' -ScoreWeight 7

        $question.Rank | Should -Be 2
        $question.ScoreWeight | Should -Be 7
        { New-MiloQuestion -PostingId $target.Id -Modality voice -Text 'Too heavy' -ScoreWeight 11 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.NewMiloQuestionCommand'
    }

    It 'copies questions piped from another posting' {
        $copies = @(Get-MiloQuestion -PostingId $first.Id -Modality voice_tags | New-MiloQuestion -PostingId $target.Id)

        $copies.Count | Should -Be 2
        @($copies | ForEach-Object { $_.PostingId } | Sort-Object -Unique) -join ',' | Should -Be $target.Id
    }

    It 'changes piped questions' {
        $changed = @(Get-MiloQuestion -PostingId $target.Id -Modality voice | Set-MiloQuestion -ScoreWeight 4 -PassThru)

        @($changed | ForEach-Object { $_.ScoreWeight } | Sort-Object -Unique) -join ',' | Should -Be '4'
    }

    It 'orders questions as they are piped in' {
        $reversed = @(Get-MiloQuestion -PostingId $target.Id -Modality voice | Sort-Object Rank -Descending)

        $ordered = @($reversed | Set-MiloQuestionOrder -PassThru)

        @($ordered | ForEach-Object { $_.Id }) -join ',' | Should -Be (@($reversed | ForEach-Object { $_.Id }) -join ',')
        @($ordered | ForEach-Object { $_.Rank }) -join ',' | Should -Be '1,2'
    }

    It 'refuses an order that mixes modalities, before any request' {
        { Get-MiloQuestion -PostingId $target.Id | Set-MiloQuestionOrder } |
            Should -Throw -ErrorId 'HeyMilo.InvalidQuestionOrder,HeyMilo.Commands.SetMiloQuestionOrderCommand'
    }

    It 'removes questions with -Force, after which they are not found' {
        $tags = @(Get-MiloQuestion -PostingId $target.Id -Modality voice_tags)

        $tags | Remove-MiloQuestion -Force

        @(Get-MiloQuestion -PostingId $target.Id -Modality voice_tags).Count | Should -Be 0
        $null = Get-MiloQuestion -PostingId $target.Id -QuestionId $tags[0].Id -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloQuestionCommand'
    }
}

Describe 'Help examples' {
    It '<Page>: <Title> runs against the simulator without an error' -ForEach $examples {
        # The page's simulator URL and key are this file's simulator's; no example may prompt.
        $code = $Code.Replace("'http://127.0.0.1:5080'", "'$($sim.BaseUri)'").Replace("'sim-key-0001'", "'$($sim.ApiKey)'")
        $ConfirmPreference = 'None'
        $ErrorActionPreference = 'Stop'

        { & ([scriptblock]::Create($code)) 3>$null | Out-Null } | Should -Not -Throw
    }

    It 'docs/<File> runs block after block against the simulator without an error' -ForEach $guides {
        $ConfirmPreference = 'None'
        $ErrorActionPreference = 'Stop'
        $script = ($Blocks -join [Environment]::NewLine).Replace("'http://127.0.0.1:5080'", "'$($sim.BaseUri)'").Replace("'sim-key-0001'", "'$($sim.ApiKey)'")
        $Blocks.Count | Should -BeGreaterThan 3

        { & ([scriptblock]::Create($script)) 3>$null | Out-Null } | Should -Not -Throw
    }
}

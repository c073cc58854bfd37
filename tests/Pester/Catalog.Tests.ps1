# The workspace catalog (templates, groups, domains, voices, phone numbers, sender emails, workspaces, schema
# registries) and its tab completion, against the bundled simulator in real pwsh.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 250

    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('heymilo-catalog-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
}

AfterAll {
    Stop-MiloTestSession
    if ($folder -and (Test-Path -LiteralPath $folder)) { Remove-Item -LiteralPath $folder -Recurse -Force }
}

Describe 'Listing and reading the catalog' {
    It '<Cmdlet> lists typed objects page by page and reads one back by id from the pipeline' -ForEach @(
        @{ Cmdlet = 'Get-MiloEmailTemplate'; Type = 'HeyMilo.EmailTemplate' }
        @{ Cmdlet = 'Get-MiloEmailTemplateGroup'; Type = 'HeyMilo.EmailTemplateGroup' }
        @{ Cmdlet = 'Get-MiloDesignTemplate'; Type = 'HeyMilo.DesignTemplate' }
        @{ Cmdlet = 'Get-MiloDesignTemplateGroup'; Type = 'HeyMilo.DesignTemplateGroup' }
        @{ Cmdlet = 'Get-MiloInterviewTemplate'; Type = 'HeyMilo.InterviewTemplate' }
        @{ Cmdlet = 'Get-MiloDomain'; Type = 'HeyMilo.CustomDomain' }
        @{ Cmdlet = 'Get-MiloVoice'; Type = 'HeyMilo.Voice' }
        @{ Cmdlet = 'Get-MiloPhoneNumber'; Type = 'HeyMilo.PhoneNumber' }
        @{ Cmdlet = 'Get-MiloSenderEmail'; Type = 'HeyMilo.SenderEmail' }
    ) {
        $all = @(& $Cmdlet)
        $paged = @(& $Cmdlet -PageSize 1)

        $all.Count | Should -BeGreaterOrEqual 4
        $all[0].PSObject.TypeNames[0] | Should -Be $Type
        ($paged | ForEach-Object Id) | Should -Be ($all | ForEach-Object Id)
        (@(& $Cmdlet -Skip 1 -First 2) | ForEach-Object Id) | Should -Be ($all[1..2] | ForEach-Object Id)
        ($all[0] | & $Cmdlet).Id | Should -Be $all[0].Id
    }

    It 'Get-MiloEmailTemplate -Search keeps the names that contain the text, whatever its case' {
        $found = @(Get-MiloEmailTemplate -Search 'REMINDER')

        $found.Count | Should -BeGreaterThan 0
        $found | ForEach-Object { $_.Name | Should -BeLike '*reminder*' }
    }

    It 'offers no -Search where the API has none' {
        # Splatted, because PesterFileTests rejects a literal call with a parameter the cmdlet does not have.
        $search = @{ Search = 'x' }
        { Get-MiloPhoneNumber @search } | Should -Throw -ErrorId 'NamedParameterNotFound,HeyMilo.Commands.GetMiloPhoneNumberCommand'
    }

    It 'reports an unknown id as a non-terminating HeyMilo.NotFound with the id as target' {
        $voices = @('wrv-nosuch' | Get-MiloVoice -ErrorVariable failures -ErrorAction SilentlyContinue)

        $voices.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloVoiceCommand'
        $failures[0].TargetObject | Should -Be 'wrv-nosuch'
    }

    It 'binds an email template group''s SenderEmailId into Get-MiloSenderEmail' {
        $group = Get-MiloEmailTemplateGroup -First 1

        ($group | Get-MiloSenderEmail).Id | Should -Be $group.SenderEmailId
    }
}

Describe 'Workspaces and schema registries' {
    It 'Get-MiloWorkspace returns the key''s workspace and Get-MiloSession then shows its name' {
        $workspace = @(Get-MiloWorkspace)

        $workspace.Count | Should -Be 1
        $workspace[0].PSObject.TypeNames[0] | Should -Be 'HeyMilo.Workspace'
        (Get-MiloSession).WorkspaceName | Should -Be $workspace[0].Name
    }

    It 'Test-MiloConnection lists the workspaces the key reaches' {
        (Test-MiloConnection).Workspaces.Name | Should -Be 'Acme'
    }

    It 'Get-MiloAgentType and Get-MiloQuestionType pipe into each other' {
        $modalities = @(Get-MiloAgentType -Type web_interview | Get-MiloQuestionType)

        $modalities.Modality | Should -Be @('voice', 'voice_tags')
        (Get-MiloQuestionType -Modality sms | Get-MiloAgentType).Type | Should -Be 'conversational_sms'
    }
}

Describe 'Save-MiloVoicePreview' {
    It 'saves a file named after the voice id into a folder and returns what Get-Item returns with -PassThru' {
        $voice = Get-MiloVoice -First 1

        $file = $voice | Save-MiloVoicePreview -Path $folder -PassThru

        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.Name | Should -Be "$($voice.Id).mp3"
        $file.PSPath | Should -Not -BeNullOrEmpty
        $file.Length | Should -BeGreaterThan 0
        @(Get-ChildItem -LiteralPath $folder -Force | Where-Object Name -like '*.tmp').Count | Should -Be 0
    }

    It 'keeps an existing file without -Force and replaces it with -Force' {
        $target = Join-Path $folder 'existing.mp3'
        Set-Content -LiteralPath $target -Value 'old'
        $voice = Get-MiloVoice -First 1

        Save-MiloVoicePreview -VoiceId $voice.Id -Path $target -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.FileExists,HeyMilo.Commands.SaveMiloVoicePreviewCommand'
        (Get-Content -LiteralPath $target -Raw).Trim() | Should -Be 'old'

        Save-MiloVoicePreview -VoiceId $voice.Id -Path $target -Force
        (Get-Item -LiteralPath $target).Length | Should -BeGreaterThan 3
    }
}

Describe 'Tab completion' {
    It 'completes -VoiceId with ids, showing the voice names' {
        $line = 'Get-MiloVoice -VoiceId '
        $voices = @(Get-MiloVoice)

        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.CompletionText | Should -Be ($voices | ForEach-Object Id)
        $completions.ListItemText | Should -Be ($voices | ForEach-Object Name)
    }
}

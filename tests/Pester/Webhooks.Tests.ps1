# New-MiloWebhook, Get-MiloWebhook and Disable-MiloWebhook against the bundled simulator.
# Webhook URLs point at a closed loopback port: nothing is ever delivered anywhere else.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 250

    $posting = Get-MiloPosting -First 1
    $hookUrl = 'https://127.0.0.1:9/heymilo/webhook'

    # What Get-MiloWebhook lists. docs/webhooks.md: without -WebhookId it lists "every active webhook of the
    # workspace ... A disabled webhook is not listed", so this is deliberately not filtered on IsActive here.
    function Get-ActiveWebhookId { @(Get-MiloWebhook | ForEach-Object { $_.WebhookId }) }
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'New-MiloWebhook' {
    It 'creates an active webhook for the posting and event' {
        $hooks = @(New-MiloWebhook -PostingId $posting.Id -Url $hookUrl -EventType interview_completed)

        $hooks.Count | Should -Be 1
        $hooks[0].PSObject.TypeNames | Should -Contain 'HeyMilo.Webhook'
        $hooks[0].WebhookId | Should -Not -BeNullOrEmpty
        $hooks[0].PostingId | Should -Be $posting.Id
        $hooks[0].Url | Should -Be $hookUrl
        $hooks[0].EventType | Should -Be 'interview_completed'
        $hooks[0].IsActive | Should -Be $true
        $hooks[0].Legacy | Should -Be $false
    }

    It 'creates a webhook through the legacy API with -HttpMethod Get' {
        $hooks = @(New-MiloWebhook -PostingId $posting.Id -Url $hookUrl -EventType report_available -HttpMethod Get)

        $hooks.Count | Should -Be 1
        $hooks[0].PSObject.TypeNames | Should -Contain 'HeyMilo.Webhook'
        $hooks[0].WebhookId | Should -Not -BeNullOrEmpty
        $hooks[0].PostingId | Should -Be $posting.Id
        $hooks[0].Legacy | Should -Be $true
        $hooks[0].HttpMethod | Should -Be 'get'
    }

    It 'refuses an event type outside interview_started, interview_completed and report_available, before any request' {
        { New-MiloWebhook -PostingId $posting.Id -Url $hookUrl -EventType candidate_hired } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HeyMilo.Commands.NewMiloWebhookCommand'
    }

    It 'refuses a second active webhook for the same posting, URL and event, and -Force creates it with a warning' {
        $url = "$hookUrl/duplicate"
        $first = New-MiloWebhook -PostingId $posting.Id -Url $url -EventType interview_started

        $second = @(New-MiloWebhook -PostingId $posting.Id -Url $url -EventType interview_started -ErrorVariable failures -ErrorAction SilentlyContinue)
        $second.Count | Should -Be 0
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.WebhookExists,HeyMilo.Commands.NewMiloWebhookCommand'
        $failures[0].Exception.Message | Should -Match $first.WebhookId

        $forced = @(New-MiloWebhook -PostingId $posting.Id -Url $url -EventType interview_started -Force -WarningVariable warned 3>$null)
        $forced.Count | Should -Be 1
        $warned[0] | Should -Match 'already has an active interview_started webhook'
    }

    It '-WhatIf creates nothing' {
        $before = Get-ActiveWebhookId

        $hooks = @(New-MiloWebhook -PostingId $posting.Id -Url $hookUrl -EventType interview_started -WhatIf)

        $hooks.Count | Should -Be 0
        (Get-ActiveWebhookId) -join ',' | Should -Be ($before -join ',')
    }
}

Describe 'Get-MiloWebhook' {
    BeforeAll {
        $hook = New-MiloWebhook -PostingId $posting.Id -Url "$hookUrl/get" -EventType interview_started
    }

    It 'gets a webhook by id' {
        $found = @(Get-MiloWebhook -WebhookId $hook.WebhookId)

        $found.Count | Should -Be 1
        $found[0].PSObject.TypeNames | Should -Contain 'HeyMilo.Webhook'
        $found[0].WebhookId | Should -Be $hook.WebhookId
        $found[0].EventType | Should -Be 'interview_started'
    }

    It 'binds -WebhookId from piped webhooks' {
        ($hook | Get-MiloWebhook).WebhookId | Should -Be $hook.WebhookId
    }

    It 'lists the active webhooks, including a new one' {
        Get-ActiveWebhookId | Should -Contain $hook.WebhookId
        foreach ($listed in @(Get-MiloWebhook)) { $listed.IsActive | Should -Be $true }
    }

    It 'writes a non-terminating HeyMilo.NotFound error for an unknown id, with the id as TargetObject' {
        $found = @(Get-MiloWebhook -WebhookId 'no-such-webhook' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.GetMiloWebhookCommand'
        $failures[0].TargetObject | Should -Be 'no-such-webhook'
    }
}

Describe 'Disable-MiloWebhook' {
    It '-WhatIf leaves the webhook active' {
        $hook = New-MiloWebhook -PostingId $posting.Id -Url "$hookUrl/whatif" -EventType interview_completed

        $output = @(Disable-MiloWebhook -WebhookId $hook.WebhookId -WhatIf)

        $output.Count | Should -Be 0
        Get-ActiveWebhookId | Should -Contain $hook.WebhookId
    }

    It '-WhatIf names the event and the URL of the webhook, not just its id' {
        $hook = New-MiloWebhook -PostingId $posting.Id -Url "$hookUrl/named" -EventType report_available
        $transcript = Join-Path $TestDrive 'whatif.txt'

        Start-Transcript -LiteralPath $transcript -Force | Out-Null
        try { $hook | Disable-MiloWebhook -WhatIf } finally { Stop-Transcript | Out-Null }

        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -Match "What if: Performing the operation `"Deactivate webhook`" on target `"webhook $($hook.WebhookId) \(report_available of posting $($posting.Id) to $([regex]::Escape("$hookUrl/named"))\)`""
        Get-ActiveWebhookId | Should -Contain $hook.WebhookId
    }

    It 'deactivates a webhook: it leaves the list of active webhooks' {
        $hook = New-MiloWebhook -PostingId $posting.Id -Url "$hookUrl/disable" -EventType interview_completed

        $disabled = @(Disable-MiloWebhook -WebhookId $hook.WebhookId -Confirm:$false)

        $disabled.Count | Should -Be 1
        $disabled[0].WebhookId | Should -Be $hook.WebhookId
        $disabled[0].IsActive | Should -Be $false
        Get-ActiveWebhookId | Should -Not -Contain $hook.WebhookId
        (Get-MiloWebhook -WebhookId $hook.WebhookId).IsActive | Should -Be $false
    }

    It 'deactivates webhooks piped from New-MiloWebhook' {
        $hook = New-MiloWebhook -PostingId $posting.Id -Url "$hookUrl/piped" -EventType report_available

        $null = $hook | Disable-MiloWebhook -Confirm:$false

        Get-ActiveWebhookId | Should -Not -Contain $hook.WebhookId
    }

    It 'writes a non-terminating HeyMilo.NotFound error for an unknown id, with the id as TargetObject' {
        $output = @(Disable-MiloWebhook -WebhookId 'no-such-webhook' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'HeyMilo.NotFound,HeyMilo.Commands.DisableMiloWebhookCommand'
        $failures[0].TargetObject | Should -Be 'no-such-webhook'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Get-MiloWebhook lists what exists'
    }
}

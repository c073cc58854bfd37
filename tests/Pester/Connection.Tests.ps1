# Connect-Milo, Get-MiloSession, Disconnect-Milo, Test-MiloConnection against the bundled simulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $sim = Start-MiloTestSession -Postings 250
}

AfterAll {
    Stop-MiloTestSession
}

Describe 'Connect-Milo' {
    It 'returns the new session with -PassThru, pointing at the given base URIs' {
        $session = Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru

        $session.PSObject.TypeNames | Should -Contain 'HeyMilo.MiloSession'
        $session.BaseUri.AbsoluteUri | Should -Be "$($sim.BaseUri)/"
        $session.LegacyBaseUri.AbsoluteUri | Should -Be "$($sim.BaseUri)/"
        $session.RequestsPerMinute | Should -Be 300
        $session.IsClosed | Should -Be $false
    }

    It 'takes the key from -Credential, ignoring the user name' {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'anyone', $sim.Key

        $session = Connect-Milo -Credential $credential -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru

        $session.KeyFingerprint | Should -Be '****0001'
        @(Get-MiloPosting -First 1).Count | Should -Be 1
    }

    It 'refuses http:// to a host that is not loopback' {
        { Connect-Milo -ApiKey $sim.Key -BaseUri 'http://api.heymilo.ai' } |
            Should -Throw -ErrorId 'HeyMilo.InsecureBaseUri,HeyMilo.Commands.ConnectMiloCommand'
    }

    It 'refuses http:// to a host that is not loopback for -LegacyBaseUri too' {
        { Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri 'http://api.heymilo.network' } |
            Should -Throw -ErrorId 'HeyMilo.InsecureBaseUri,HeyMilo.Commands.ConnectMiloCommand'
    }

    It 'refuses a base URI that is not http or https' {
        { Connect-Milo -ApiKey $sim.Key -BaseUri 'ftp://api.heymilo.ai' } |
            Should -Throw -ErrorId 'HeyMilo.InvalidBaseUri,HeyMilo.Commands.ConnectMiloCommand'
    }

    It 'keeps the current session when a connection is refused' {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
        try { Connect-Milo -ApiKey $sim.Key -BaseUri 'http://api.heymilo.ai' } catch { }

        (Get-MiloSession).BaseUri.Port | Should -Be $sim.Port
    }
}

Describe 'Connect-Milo with $env:HEYMILO_API_KEY' {
    BeforeAll {
        $savedKey = $env:HEYMILO_API_KEY
    }

    AfterAll {
        $env:HEYMILO_API_KEY = $savedKey
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'reads the key from the environment variable when no key parameter is given' {
        $env:HEYMILO_API_KEY = $sim.ApiKey

        $session = Connect-Milo -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru

        $session.KeyFingerprint | Should -Be '****0001'
        @(Get-MiloPosting -First 1).Count | Should -Be 1
    }

    It 'fails with HeyMilo.MissingApiKey when there is no key at all' {
        $env:HEYMILO_API_KEY = $null

        { Connect-Milo -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri } |
            Should -Throw -ErrorId 'HeyMilo.MissingApiKey,HeyMilo.Commands.ConnectMiloCommand'
    }
}

Describe 'Get-MiloSession' {
    BeforeAll {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'never shows the key' {
        $shown = Get-MiloSession | Format-List -Property * | Out-String

        $shown | Should -Not -BeLike "*$($sim.ApiKey)*"
        $shown | Should -BeLike '*KeyFingerprint*'
    }

    It 'never puts the key in the default view, -PassThru output or JSON either' {
        $views = @(
            Get-MiloSession | Out-String
            Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru | Format-List -Property * | Out-String
            Get-MiloSession | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        )

        foreach ($view in $views) { $view | Should -Not -BeLike "*$($sim.ApiKey)*" }
    }

    It 'shows at most the last four characters of the key as KeyFingerprint' {
        (Get-MiloSession).KeyFingerprint | Should -Be '****0001'
    }
}

Describe 'Test-MiloConnection' {
    BeforeAll {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'reports the API healthy and the key accepted' {
        $result = Test-MiloConnection

        $result.Healthy | Should -Be $true
        $result.KeyAccepted | Should -Be $true
        $result.Legacy | Should -Be $false
    }

    It 'reports the legacy API healthy and the key accepted with -Legacy' {
        $result = Test-MiloConnection -Legacy

        $result.Healthy | Should -Be $true
        $result.KeyAccepted | Should -Be $true
        $result.Legacy | Should -Be $true
    }
}

Describe 'When not connected' {
    BeforeAll {
        Disconnect-Milo
    }

    AfterAll {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'Get-MiloSession returns nothing' {
        @(Get-MiloSession).Count | Should -Be 0
    }

    It 'Get-MiloPosting fails with HeyMilo.NotConnected' {
        { Get-MiloPosting -First 1 } |
            Should -Throw -ErrorId 'HeyMilo.NotConnected,HeyMilo.Commands.GetMiloPostingCommand'
    }

    It 'Test-MiloConnection fails with HeyMilo.NotConnected' {
        { Test-MiloConnection } |
            Should -Throw -ErrorId 'HeyMilo.NotConnected,HeyMilo.Commands.TestMiloConnectionCommand'
    }
}

Describe 'Several sessions' {
    AfterAll {
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'uses the session given with -Session rather than the current one' {
        $first = Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru
        $second = Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru
        Disconnect-Milo -Session $first

        @(Get-MiloPosting -First 1).Count | Should -Be 1
        @(Get-MiloPosting -Session $second -First 1).Count | Should -Be 1
        { Get-MiloPosting -Session $first -First 1 } |
            Should -Throw -ErrorId 'HeyMilo.SessionClosed,HeyMilo.Commands.GetMiloPostingCommand'
    }
}

Describe 'A key the API rejects' {
    BeforeAll {
        $badKey = ConvertTo-SecureString -String 'not-a-valid-key-0000' -AsPlainText -Force
        $bad = Connect-Milo -ApiKey $badKey -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri -PassThru
        Connect-Milo -ApiKey $sim.Key -BaseUri $sim.BaseUri -LegacyBaseUri $sim.BaseUri
    }

    It 'stops Get-MiloPosting with the terminating HeyMilo.Unauthorized' {
        { Get-MiloPosting -Session $bad -First 1 } |
            Should -Throw -ErrorId 'HeyMilo.Unauthorized,HeyMilo.Commands.GetMiloPostingCommand'
    }

    It 'makes Test-MiloConnection report KeyAccepted false without an error' {
        $result = Test-MiloConnection -Session $bad -ErrorVariable failures

        $result.Healthy | Should -Be $true
        $result.KeyAccepted | Should -Be $false
        $failures.Count | Should -Be 0
    }
}

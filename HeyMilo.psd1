@{
    RootModule             = 'HeyMilo.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f1d7f0e-2c5b-4d7a-9a51-3f4c8e2b9d10'
    Author                 = 'HeyMilo PowerShell maintainers'
    CompanyName            = 'HeyMilo'
    Copyright              = '(c) HeyMilo. All rights reserved.'
    Description            = 'PowerShell cmdlets for the HeyMilo recruiting API: stream postings and interviews, bulk-import candidates from CSV, export results and manage webhooks, within the API rate limit.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('HeyMilo.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Milo'
        'Disconnect-Milo'
        'Get-MiloSession'
        'Test-MiloConnection'
        'Get-MiloPosting'
        'Copy-MiloPosting'
        'New-MiloWebhook'
        'Get-MiloWebhook'
        'Disable-MiloWebhook'
        'Get-MiloInterview'
        'Export-MiloInterview'
        'Import-MiloCandidate'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('HeyMilo', 'Recruiting', 'Hiring', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/heymilo/heymilo-powershell'
            LicenseUri   = 'https://github.com/heymilo/heymilo-powershell/blob/main/LICENSE'
            ReleaseNotes = 'First release: sessions, rate-limited transport, streaming Get-MiloPosting.'
        }
    }
}

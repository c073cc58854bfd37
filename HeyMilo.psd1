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
        'Get-MiloEmailTemplate'
        'Get-MiloEmailTemplateGroup'
        'Get-MiloDesignTemplate'
        'Get-MiloDesignTemplateGroup'
        'Get-MiloInterviewTemplate'
        'Get-MiloDomain'
        'Get-MiloVoice'
        'Save-MiloVoicePreview'
        'Get-MiloPhoneNumber'
        'Get-MiloSenderEmail'
        'Get-MiloWorkspace'
        'Get-MiloAgentType'
        'Get-MiloQuestionType'
        # v2 API part 1: one candidate, interview metadata, ATS
        'New-MiloCandidate'
        'Get-MiloInterviewMetadata'
        'Set-MiloInterviewMetadata'
        'Remove-MiloInterviewMetadata'
        'Get-MiloAtsConnection'
        'Resolve-MiloAtsCandidate'
        'Send-MiloAtsCandidate'
        'Get-MiloAtsPush'
        # Posting lifecycle and questions
        'New-MiloPosting'
        'Set-MiloPosting'
        'Get-MiloPostingStatistic'
        'Set-MiloWorkflowStep'
        'Enable-MiloPosting'
        'Disable-MiloPosting'
        'Get-MiloQuestion'
        'New-MiloQuestion'
        'Set-MiloQuestion'
        'Remove-MiloQuestion'
        'Set-MiloQuestionOrder'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('HeyMilo', 'Recruiting', 'Hiring', 'ATS', 'Interviews', 'Webhooks', 'API', 'AzureAutomation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/heymilo/heymilo-powershell'
            LicenseUri   = 'https://github.com/heymilo/heymilo-powershell/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Connect-Milo sessions (API key, credential or HEYMILO_API_KEY) with a rate-limited, retrying transport; streaming Get-MiloPosting, Get-MiloInterview and Export-MiloInterview (JSON, JSON Lines, CSV); Import-MiloCandidate from CSV; Copy-MiloPosting; New/Get/Disable-MiloWebhook; tab completion of posting and webhook ids; dependencies isolated in their own load context on PowerShell 7. Runs on Windows PowerShell 5.1 and PowerShell 7, including Azure Automation.'
        }
    }
}

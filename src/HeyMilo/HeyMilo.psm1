# Loads HeyMilo.dll. On PowerShell 7 it and its dependencies go into a load context of their own
# (HeyMilo.Loader.dll), so versions of System.Text.Json, Microsoft.Extensions.* or Polly that a host or
# another module already loaded neither replace the module's nor are replaced by them. Windows
# PowerShell 5.1 has no load contexts: the assembly's own initializer resolves its dependencies there.
# See docs/dependencies.md.
if ($PSEdition -eq 'Core') {
    $loader = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'HeyMilo.Loader.dll'))
    $assembly = $loader.GetType('HeyMilo.Loader.ModuleLoadContext', $true)::LoadModule($PSScriptRoot)
}
else {
    $assembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'HeyMilo.dll'))
}
Import-Module -Assembly $assembly -ErrorAction Stop
Export-ModuleMember -Cmdlet '*'

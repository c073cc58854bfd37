using System.Management.Automation;

namespace TrivialModule
{
    /// <summary>Outputs one string: a binary module with nothing to load.</summary>
    [Cmdlet(VerbsCommon.Get, "Trivial")]
    public sealed class GetTrivialCommand : PSCmdlet
    {
        protected override void EndProcessing() => WriteObject("trivial");
    }
}

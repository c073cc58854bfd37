using System.Management.Automation;
using HeyMilo.Session;

using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>Shows the current session: base URIs, key fingerprint and rate-limit state (never the key).</summary>
    [Cmdlet(VerbsCommon.Get, "MiloSession")]
    [OutputType(typeof(MiloSession))]
    public sealed class GetMiloSessionCommand : PSCmdlet
    {
        /// <summary>-Debug shows this command's lines without prompting (see DebugSwitch).</summary>
        protected override void BeginProcessing() => DebugSwitch.ShowWithoutInquiring(this);

        protected override void EndProcessing()
        {
            var session = SessionStore.Current;
            if (session != null) WriteObject(session);
            else WriteVerbose("Not connected. Run Connect-Milo.");
        }
    }
}

using System.Management.Automation;
using HeyMilo.Session;

using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>Closes a session (the current one by default) and forgets it.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Milo")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMiloCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public MiloSession? Session { get; set; }

        /// <summary>-Debug shows this command's lines without prompting (see DebugSwitch).</summary>
        protected override void BeginProcessing() => DebugSwitch.ShowWithoutInquiring(this);

        protected override void ProcessRecord()
        {
            var current = SessionStore.Current;
            var session = Session ?? current;
            if (session is null)
            {
                WriteVerbose("No HeyMilo session to close.");
                return;
            }
            session.Dispose();
            SessionStore.Forget(session);
            WriteVerbose($"Closed {session}.");
        }
    }
}

using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace HeyMilo.Session
{
    /// <summary>The current session, one per runspace (parallel runspaces connect or take -Session).</summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> s_byRunspace = new ConditionalWeakTable<Runspace, Holder>();

        public static MiloSession? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && s_byRunspace.TryGetValue(runspace, out var holder) ? holder.Session : null;
            }
            set
            {
                var runspace = Runspace.DefaultRunspace;
                if (runspace is null) return;
                s_byRunspace.GetOrCreateValue(runspace).Session = value;
            }
        }

        private sealed class Holder
        {
            public MiloSession? Session;
        }
    }
}

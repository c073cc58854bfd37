using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HeyMilo.Session
{
    /// <summary>
    /// The current session. Connect-Milo makes its session current for the process, as Az and Graph
    /// connections are: every runspace that has not connected on its own (ForEach-Object -Parallel,
    /// runspace pools, Start-ThreadJob) uses it. A runspace that runs Connect-Milo itself keeps that
    /// session until it disconnects; -Session still picks any session explicitly (several workspaces).
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> s_byRunspace = new ConditionalWeakTable<Runspace, Holder>();
        private static MiloSession? s_process;

        public static MiloSession? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                if (runspace != null && s_byRunspace.TryGetValue(runspace, out var holder)) return holder.Session;
                var process = Volatile.Read(ref s_process);
                return process is { IsClosed: false } ? process : null;
            }
        }

        /// <summary>Makes <paramref name="session"/> current for this runspace and for the process.</summary>
        public static void Connect(MiloSession session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null) s_byRunspace.GetOrCreateValue(runspace).Session = session;
            Volatile.Write(ref s_process, session);
        }

        /// <summary>Forgets a closed session wherever it is current: this runspace and, if it is, the process.</summary>
        public static void Forget(MiloSession session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null && s_byRunspace.TryGetValue(runspace, out var holder) && ReferenceEquals(holder.Session, session))
                s_byRunspace.Remove(runspace);
            Interlocked.CompareExchange(ref s_process, null, session);
        }

        private sealed class Holder
        {
            public MiloSession? Session;
        }
    }
}

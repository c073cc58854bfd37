using System;

namespace HeyMilo.Diagnostics
{
    /// <summary>
    /// The one source of time for waits (retry delays, rate-limit waits, export-job polling) and
    /// time stamps. Production uses the system clock; tests swap in a fake clock so no test sleeps.
    /// </summary>
    internal static class ModuleClock
    {
        private static TimeProvider s_current = TimeProvider.System;

        internal static TimeProvider Current
        {
            get => s_current;
            set => s_current = value ?? TimeProvider.System;
        }
    }
}

using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// Reaches into the module as PowerShell loaded it (tests do not reference the module assembly):
    /// installs the fake clock and resets the process-wide rate-limit gates between tests.
    /// </summary>
    public static class ModuleInternals
    {
        private static readonly object s_sync = new object();
        private static FakeClock? s_clock;

        public static FakeClock Clock => s_clock ?? throw new InvalidOperationException("Module not imported yet.");

        /// <summary>HeyMilo.dll, the root module (cmdlets), in the default load context.</summary>
        public static Assembly ModuleAssembly =>
            AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "HeyMilo" && !a.IsDynamic);

        /// <summary>
        /// HeyMilo.Engine.dll as the module loads it (its own load context on PowerShell 7); asking for it by
        /// name goes through the module's resolver, so this also loads it when no cmdlet has run yet.
        /// </summary>
        public static Assembly EngineAssembly =>
            AppDomain.CurrentDomain.GetAssemblies().SingleOrDefault(a => a.GetName().Name == "HeyMilo.Engine" && !a.IsDynamic)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("HeyMilo.Engine"));

        public static void EnsureInitialized()
        {
            lock (s_sync)
            {
                if (s_clock == null) ResetClock();
            }
        }

        /// <summary>
        /// A new fake clock for the module (each test gets its own). Work a previous test left running —
        /// a session's retry pipeline captured its clock when it was built — then waits on the old clock
        /// and cannot add to this test's recorded waits.
        /// </summary>
        public static void ResetClock()
        {
            lock (s_sync)
            {
                var clockProperty = EngineAssembly.GetType("HeyMilo.Diagnostics.ModuleClock", throwOnError: true)!
                    .GetProperty("Current", BindingFlags.Static | BindingFlags.NonPublic)!;
                var timeProviderType = clockProperty.PropertyType;
                var context = AssemblyLoadContext.GetLoadContext(timeProviderType.Assembly)!;
                var clockAssembly = context.LoadFromAssemblyPath(RepoPaths.TestClockAssembly);
                var clock = Activator.CreateInstance(clockAssembly.GetType("HeyMilo.TestClock.AutoAdvancingClock", throwOnError: true)!)!;
                clockProperty.SetValue(null, clock);
                s_clock = new FakeClock(clock);
            }
        }

        /// <summary>Forget the process-wide current session (Connect-Milo in an earlier test's runspace).</summary>
        public static void ResetCurrentSession() =>
            ModuleAssembly.GetType("HeyMilo.Session.SessionStore", throwOnError: true)!
                .GetField("s_process", BindingFlags.Static | BindingFlags.NonPublic)!
                .SetValue(null, null);

        public static void ResetRateLimits() =>
            EngineAssembly.GetType("HeyMilo.Transport.RateLimitGate", throwOnError: true)!
                .GetMethod("ResetAll", BindingFlags.Static | BindingFlags.NonPublic)!
                .Invoke(null, null);

        /// <summary>The load context the module's dependencies went into (null: the default one).</summary>
        public static AssemblyLoadContext? DependencyContext(string assemblyName)
        {
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assemblyName);
            return assembly is null ? null : AssemblyLoadContext.GetLoadContext(assembly);
        }
    }

    /// <summary>Test-side handle on the AutoAdvancingClock living in the module's load context.</summary>
    public sealed class FakeClock
    {
        private readonly object _clock;
        private readonly MethodInfo _waits;
        private readonly MethodInfo _clearWaits;
        private readonly MethodInfo _advance;

        public FakeClock(object clock)
        {
            _clock = clock;
            var type = clock.GetType();
            _waits = type.GetMethod("Waits")!;
            _clearWaits = type.GetMethod("ClearWaits")!;
            _advance = type.GetMethod("Advance")!;
            Now = (Func<DateTimeOffset>)Delegate.CreateDelegate(typeof(Func<DateTimeOffset>), clock, type.GetMethod("GetUtcNow")!);
        }

        /// <summary>The module's "now": give it to the simulator so both sides share one timeline.</summary>
        public Func<DateTimeOffset> Now { get; }

        public TimeSpan[] Waits() => (TimeSpan[])_waits.Invoke(_clock, null)!;

        public void ClearWaits() => _clearWaits.Invoke(_clock, null);

        public void Advance(TimeSpan by) => _advance.Invoke(_clock, new object[] { by });
    }
}

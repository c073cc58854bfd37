using System;
using System.Management.Automation;
using System.Reflection;

namespace HeyMilo.Module
{
    /// <summary>
    /// -Debug must never break a command. For a compiled cmdlet PowerShell turns -Debug into "Inquire" for
    /// the verbose stream (7.x, when the host can prompt) and for the debug stream too (Windows PowerShell
    /// 5.1), so every WriteVerbose/WriteDebug of the module would prompt — and throw under -NonInteractive,
    /// after the rows were sent or the file committed. PowerShell 7's own Write-Debug treats that Inquire as
    /// Continue (overrideInquire); the runtime offers binary cmdlets no public way to do the same, so this
    /// sets the command runtime's preferences (internal members, present on 5.1 and 7) when -Debug is what
    /// made them Inquire. A $DebugPreference = 'Inquire' the user set is left alone.
    /// </summary>
    internal static class DebugSwitch
    {
        private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        /// <summary>Whether -Debug was passed (and not -Debug:$false).</summary>
        public static bool Given(PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var value)
            && (value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value));

        /// <summary>Call first in BeginProcessing: with -Debug, verbose and debug lines show without inquiring.</summary>
        public static void ShowWithoutInquiring(PSCmdlet cmdlet)
        {
            if (!Given(cmdlet)) return;
            var runtime = cmdlet.CommandRuntime;
            if (runtime is null) return;
            var type = runtime.GetType();
            try
            {
                var debug = type.GetProperty("DebugPreference", Internal);
                if (debug != null && debug.CanWrite && debug.GetValue(runtime) is ActionPreference d && d == ActionPreference.Inquire)
                    debug.SetValue(runtime, ActionPreference.Continue);

                var verbose = type.GetProperty("VerbosePreference", Internal);
                if (verbose != null && verbose.GetValue(runtime) is ActionPreference v && v == ActionPreference.Inquire)
                {
                    // VerbosePreference has no setter: say -Verbose was given, as -Debug implies it.
                    Set(type.GetProperty("Verbose", Internal), runtime, true);
                    Set(type.GetProperty("IsVerboseFlagSet", Internal), runtime, true);
                }
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is ArgumentException || ex is MethodAccessException)
            {
                // A PowerShell whose runtime differs: the lines then prompt as PowerShell decides.
            }
        }

        private static void Set(PropertyInfo? property, object target, bool value)
        {
            if (property is null || !property.CanWrite) return;
            if (property.PropertyType == typeof(bool)) property.SetValue(target, value);
            else if (property.PropertyType == typeof(SwitchParameter)) property.SetValue(target, new SwitchParameter(value));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace HeyMilo.Module
{
    /// <summary>
    /// Makes HeyMilo.Engine.dll and its dependencies (dependencies/) loadable, once per process, before the
    /// first cmdlet needs them. On PowerShell 7 HeyMilo.Loader.dll adds a Resolving handler to the default
    /// load context that loads the engine into a context of its own, so versions of System.Text.Json,
    /// Microsoft.Extensions.* or Polly that a host or another module loaded neither replace the module's
    /// nor are replaced by them. Windows PowerShell 5.1 has no load contexts: an AssemblyResolve handler
    /// loads them by simple name, which also answers the binding-redirect requests .NET Framework raises
    /// when one dependency asks for an older version of another (docs/dependencies.md).
    /// Neither handler is ever removed: a re-import or another runspace finds it in place, and the engine
    /// stays the one the whole process shares (one rate budget per key). Nothing here names an engine type,
    /// and importing loads nothing else.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private const string EngineName = "HeyMilo.Engine";
        private static readonly object s_sync = new object();
        private static bool s_installed;
        private static string s_dependencyFolder = string.Empty;
        private static HashSet<string> s_dependencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public void OnImport()
        {
            lock (s_sync)
            {
                if (s_installed) return;
                var self = typeof(ModuleInitializer).Assembly;
                var moduleFolder = Path.GetDirectoryName(self.Location) ?? ".";
                s_dependencyFolder = Path.Combine(moduleFolder, "dependencies");
                if (!File.Exists(Path.Combine(s_dependencyFolder, EngineName + ".dll")))
                    throw new FileNotFoundException($"The HeyMilo module folder {moduleFolder} is incomplete: dependencies{Path.DirectorySeparatorChar}{EngineName}.dll is missing. Reinstall the module.");

                if (IsDotNetCore)
                {
                    InstallLoadContext(moduleFolder);
                    RegisterTypeNames();
                }
                else
                {
                    s_dependencies = ListDependencies(s_dependencyFolder);
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                }
                s_installed = true;
            }
        }

        private static bool IsDotNetCore => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;

        private void InstallLoadContext(string moduleFolder)
        {
            var loader = Assembly.LoadFrom(Path.Combine(moduleFolder, "HeyMilo.Loader.dll"));
            var install = loader.GetType("HeyMilo.Loader.ModuleLoadContext", throwOnError: true)!.GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!;
            var inForce = (string)install.Invoke(null, new object[] { s_dependencyFolder })!;
            if (!string.Equals(Path.GetFullPath(inForce), Path.GetFullPath(s_dependencyFolder), StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"Another copy of HeyMilo ({Path.GetDirectoryName(inForce)}) is already loaded in this process; {moduleFolder} cannot be loaded beside it. " +
                    "Start a new PowerShell session and import only one version (Import-Module HeyMilo -RequiredVersion <version>).");
        }

        /// <summary>
        /// PowerShell 7 resolves a type literal ([HeyMilo.Posting]) only among the default context's assemblies,
        /// so the engine's public types — the objects the cmdlets write — are registered by their full names as
        /// type accelerators. This loads HeyMilo.Engine.dll (not its dependencies).
        /// </summary>
        private static void RegisterTypeNames()
        {
            var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            var add = accelerators?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
            if (add is null) return;
            var engine = Assembly.Load(new AssemblyName(EngineName));
            foreach (var type in engine.GetExportedTypes())
            {
                if (type.Namespace == "HeyMilo" && !type.IsNested) add.Invoke(null, new object[] { type.FullName!, type });
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null || !s_dependencies.Contains(name)) return null;

            // Only answer for this module and its own dependencies (the requester is known on most requests).
            var requester = args.RequestingAssembly?.GetName().Name;
            if (requester != null && requester != "HeyMilo" && !s_dependencies.Contains(requester)) return null;

            return Assembly.LoadFrom(Path.Combine(s_dependencyFolder, name + ".dll"));
        }

        private static HashSet<string> ListDependencies(string folder)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
                names.Add(Path.GetFileNameWithoutExtension(file));
            return names;
        }
    }
}

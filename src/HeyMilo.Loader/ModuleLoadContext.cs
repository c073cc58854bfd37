using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace HeyMilo.Loader
{
    /// <summary>
    /// HeyMilo.dll and its dependencies in a load context of their own. A dependency resolves to the
    /// module's copy in dependencies/ unless the framework itself has that assembly at the requested
    /// version or later; it never resolves to a copy a host or another module loaded into the default
    /// context. So an older Polly.Core 8.x or Microsoft.Extensions.* already in the process does not
    /// replace the module's, and the module's never replace theirs. One context per module folder for
    /// the whole process: every runspace that imports the module shares its types and its static state
    /// (the per-key rate-limit gate).
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static readonly Dictionary<string, Assembly> s_modules = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static readonly Lazy<Dictionary<string, string>> s_framework = new Lazy<Dictionary<string, string>>(FrameworkAssemblies);
        private readonly string _dependencies;

        private ModuleLoadContext(string moduleFolder)
            : base("HeyMilo", isCollectible: false)
        {
            _dependencies = Path.Combine(moduleFolder, "dependencies");
        }

        /// <summary>HeyMilo.dll of <paramref name="moduleFolder"/>, loaded in the module's context (once per process).</summary>
        public static Assembly LoadModule(string moduleFolder)
        {
            var folder = Path.GetFullPath(moduleFolder);
            lock (s_modules)
            {
                if (!s_modules.TryGetValue(folder, out var module))
                {
                    module = new ModuleLoadContext(folder).LoadFromAssemblyPath(Path.Combine(folder, "HeyMilo.dll"));
                    s_modules[folder] = module;
                }
                return module;
            }
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null) return null;
            var shipped = Path.Combine(_dependencies, name.Name + ".dll");
            if (!File.Exists(shipped)) return null;              // PowerShell, the framework: the default context
            if (FrameworkHas(name)) return null;                 // the runtime's own copy is at least as new
            return LoadFromAssemblyPath(shipped);
        }

        private static bool FrameworkHas(AssemblyName requested)
        {
            if (!s_framework.Value.TryGetValue(requested.Name!, out var path)) return false;
            try
            {
                var available = AssemblyName.GetAssemblyName(path).Version;
                return available != null && (requested.Version is null || available >= requested.Version);
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// The .NET runtime's own assemblies (Microsoft.NETCore.App, beside System.Private.CoreLib), by simple
        /// name. Not the host application's: a host that ships an older Polly or Microsoft.Extensions.* has
        /// them on its trusted list too, and those are exactly what the module must not take.
        /// </summary>
        private static Dictionary<string, string> FrameworkAssemblies()
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
            if (runtime is null || AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string list) return map;
            foreach (var path in list.Split(Path.PathSeparator))
            {
                if (path.Length > 0 && string.Equals(Path.GetDirectoryName(path), runtime, StringComparison.OrdinalIgnoreCase))
                    map[Path.GetFileNameWithoutExtension(path)] = path;
            }
            return map;
        }
    }
}

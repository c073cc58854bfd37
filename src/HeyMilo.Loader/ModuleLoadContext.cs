using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace HeyMilo.Loader
{
    /// <summary>
    /// PowerShell 7: the load context HeyMilo.Engine.dll and its dependencies live in. HeyMilo.dll (the
    /// cmdlets) sits in the default context; when the default context fails to find HeyMilo.Engine, the
    /// handler that <see cref="Install"/> adds to <see cref="AssemblyLoadContext.Default"/> loads it here.
    /// A dependency of the engine resolves to the module's copy in dependencies/ unless the framework itself
    /// has that assembly at the requested version or later; it never resolves to a copy a host or another
    /// module loaded into the default context. So an older Polly.Core 8.x or Microsoft.Extensions.* already
    /// in the process does not replace the module's, and the module's never replace theirs.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private const string EngineName = "HeyMilo.Engine";
        private static readonly object s_sync = new object();
        private static readonly Lazy<Dictionary<string, string>> s_framework = new Lazy<Dictionary<string, string>>(FrameworkAssemblies);
        private static ModuleLoadContext? s_installed;

        /// <summary>
        /// netstandard2.0 polyfills whose types cross between HeyMilo.dll and the engine (IAsyncEnumerable,
        /// TimeProvider): both sides must see one copy, so the engine takes the default context's — which is
        /// PowerShell's own when it ships one at the version asked for, else the module's, handed to both.
        /// </summary>
        private static readonly HashSet<string> s_shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Microsoft.Bcl.AsyncInterfaces",
            "Microsoft.Bcl.TimeProvider",
        };

        private readonly string _dependencies;
        private readonly Dictionary<string, Assembly> _sharedLoaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        private ModuleLoadContext(string dependencyFolder)
            : base("HeyMilo", isCollectible: false)
        {
            _dependencies = dependencyFolder;
        }

        /// <summary>The folder the process's engine comes from (null until <see cref="Install"/>).</summary>
        public static string? DependencyFolder => s_installed?._dependencies;

        /// <summary>
        /// Adds the default context's Resolving handler for HeyMilo.Engine, once per process and never
        /// removed: a re-import (Import-Module -Force, another runspace) finds it in place, and the engine it
        /// loaded stays the one every runspace shares. Returns the dependency folder in force, which differs
        /// from <paramref name="dependencyFolder"/> when another copy of the module installed it first.
        /// </summary>
        public static string Install(string dependencyFolder)
        {
            var folder = Path.GetFullPath(dependencyFolder);
            lock (s_sync)
            {
                if (s_installed is null)
                {
                    s_installed = new ModuleLoadContext(folder);
                    Default.Resolving += ResolveEngine;
                }
                return s_installed._dependencies;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name)
        {
            var owner = s_installed;
            if (owner is null || name.Name is null) return null;
            if (string.Equals(name.Name, EngineName, StringComparison.OrdinalIgnoreCase)) return owner.LoadFromAssemblyName(name);
            return s_shared.Contains(name.Name) ? owner.LoadShared(name.Name) : null;
        }

        private Assembly? LoadShared(string name)
        {
            var shipped = Path.Combine(_dependencies, name + ".dll");
            if (!File.Exists(shipped)) return null;
            lock (_sharedLoaded)
            {
                if (!_sharedLoaded.TryGetValue(name, out var assembly))
                {
                    assembly = LoadFromAssemblyPath(shipped);
                    _sharedLoaded[name] = assembly;
                }
                return assembly;
            }
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null) return null;
            if (s_shared.Contains(name.Name))
            {
                try
                {
                    return Default.LoadFromAssemblyName(name);   // PowerShell's copy, or (through ResolveEngine) the module's
                }
                catch (Exception ex) when (ex is FileNotFoundException || ex is FileLoadException)
                {
                    return LoadShared(name.Name);
                }
            }
            var shipped = Path.Combine(_dependencies, name.Name + ".dll");
            if (!File.Exists(shipped)) return null;                                  // PowerShell, the framework: the default context
            if (name.Name != EngineName && FrameworkHas(name)) return null;          // the runtime's own copy is at least as new
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

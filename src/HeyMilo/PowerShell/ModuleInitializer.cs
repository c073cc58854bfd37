using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace HeyMilo.PowerShell
{
    /// <summary>
    /// Loads the module's third-party assemblies from dependencies/. On PowerShell 7 they go into a
    /// private AssemblyLoadContext, so a host or another module that already loaded other versions of
    /// System.Text.Json, Microsoft.Extensions.* or Polly does not break this module (nor this module
    /// them). On Windows PowerShell 5.1 (no load contexts) they are loaded with LoadFrom by simple name,
    /// which also answers the binding-redirect requests that .NET Framework raises when one dependency
    /// asks for an older version of another (see docs/dependencies.md). Importing runs nothing else.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Assembly s_self = typeof(ModuleInitializer).Assembly;
        private static readonly string s_dependencyFolder = Path.Combine(Path.GetDirectoryName(s_self.Location) ?? ".", "dependencies");
        private static readonly Lazy<HashSet<string>> s_dependencies = new Lazy<HashSet<string>>(ListDependencies);
        private static readonly Lazy<LoadContextProxy?> s_loadContext = new Lazy<LoadContextProxy?>(() => LoadContextProxy.Create("HeyMilo.Dependencies"));
        private static readonly object s_sync = new object();
        private static int s_imports;

        public void OnImport()
        {
            // Loaded by HeyMilo.psm1 into HeyMilo.Loader's context (PowerShell 7): that context resolves the
            // dependencies, and preferring the module's copies is what it is for. Only a direct
            // Import-Module of the dll, or Windows PowerShell, needs the handler below.
            if (InOwnLoadContext()) return;
            lock (s_sync)
            {
                if (s_imports++ == 0) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (InOwnLoadContext()) return;
            lock (s_sync)
            {
                if (--s_imports == 0) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            }
        }

        private static bool InOwnLoadContext()
        {
            var context = LoadContextProxy.ContextOfAssembly(s_self);
            return context?.GetType().FullName == "HeyMilo.Loader.ModuleLoadContext";
        }

        /// <summary>The load context the dependencies live in (null on .NET Framework).</summary>
        internal static object? DependencyLoadContext => s_loadContext.Value?.Context;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null || !s_dependencies.Value.Contains(name)) return null;

            // On .NET the requester is known: only answer for this module and its own dependencies.
            var requester = args.RequestingAssembly;
            if (requester != null && requester != s_self && !s_dependencies.Value.Contains(requester.GetName().Name ?? string.Empty)
                && !IsInDependencyContext(requester))
                return null;

            var path = Path.Combine(s_dependencyFolder, name + ".dll");
            var context = s_loadContext.Value;
            return context != null ? context.LoadFromAssemblyPath(path) : Assembly.LoadFrom(path);
        }

        private static bool IsInDependencyContext(Assembly assembly)
        {
            var context = s_loadContext.Value;
            return context != null && ReferenceEquals(LoadContextProxy.ContextOfAssembly(assembly), context.Context);
        }

        private static HashSet<string> ListDependencies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(s_dependencyFolder)) return names;
            foreach (var file in Directory.EnumerateFiles(s_dependencyFolder, "*.dll"))
                names.Add(Path.GetFileNameWithoutExtension(file));
            return names;
        }

        /// <summary>System.Runtime.Loader.AssemblyLoadContext reached by reflection (the module compiles against netstandard2.0).</summary>
        private sealed class LoadContextProxy
        {
            private readonly MethodInfo _loadFromPath;
            private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

            private LoadContextProxy(Type type, string name)
            {
                var ctor = type.GetConstructor(new[] { typeof(string), typeof(bool) })!;
                Context = ctor.Invoke(new object[] { name, false });
                _loadFromPath = type.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            }

            public object Context { get; }

            public static LoadContextProxy? Create(string name)
            {
                var type = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
                return type is null ? null : new LoadContextProxy(type, name);
            }

            public Assembly LoadFromAssemblyPath(string path)
            {
                lock (_loaded)
                {
                    if (!_loaded.TryGetValue(path, out var assembly))
                    {
                        assembly = (Assembly)_loadFromPath.Invoke(Context, new object[] { path })!;
                        _loaded[path] = assembly;
                    }
                    return assembly;
                }
            }

            /// <summary>AssemblyLoadContext.GetLoadContext(assembly), or null on .NET Framework.</summary>
            public static object? ContextOfAssembly(Assembly assembly) =>
                typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext")
                    ?.GetMethod("GetLoadContext", BindingFlags.Public | BindingFlags.Static)
                    ?.Invoke(null, new object[] { assembly });
        }
    }
}

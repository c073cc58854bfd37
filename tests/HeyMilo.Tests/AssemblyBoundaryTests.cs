using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The rules that let HeyMilo.dll load in the default context while the engine and its dependencies
    /// stay in the module's own (docs/dependencies.md).
    /// </summary>
    public sealed class AssemblyBoundaryTests : MiloTestBase
    {
        /// <summary>
        /// netstandard2.0 polyfills of BCL types that cross between the cmdlets and the engine (IAsyncEnumerable,
        /// ValueTask, TimeProvider). HeyMilo.Loader hands both sides one copy of each.
        /// </summary>
        private static readonly string[] SharedPolyfills = { "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "System.Threading.Tasks.Extensions" };

        [Fact]
        public void The_cmdlet_assembly_references_only_PowerShell_the_engine_and_shared_polyfills()
        {
            var references = ModuleInternals.ModuleAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            var allowed = new[] { "netstandard", "System.Management.Automation", "HeyMilo.Engine" }.Concat(SharedPolyfills).ToList();
            Assert.Contains("HeyMilo.Engine", references);
            Assert.Empty(references.Except(allowed));
        }

        [Fact]
        public void No_public_type_of_the_cmdlet_assembly_names_an_engine_type_in_its_shape()
        {
            var engine = ModuleInternals.EngineAssembly;
            var problems = new List<string>();
            foreach (var type in ModuleInternals.ModuleAssembly.GetExportedTypes())
            {
                var shape = new List<Type>();
                for (var t = type.BaseType; t != null; t = t.BaseType) shape.Add(t);
                shape.AddRange(type.GetInterfaces());
                // Value-type fields are laid out when the type loads: an engine enum or struct there loads the engine too.
                shape.AddRange(type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Select(f => f.FieldType).Where(f => f.IsValueType));
                foreach (var named in shape.SelectMany(Expand))
                {
                    if (named.Assembly == engine) problems.Add($"{type.FullName} names {named.FullName}");
                }
            }
            Assert.Empty(problems);
        }

        [Fact]
        public void Every_object_type_the_cmdlets_declare_resolves_as_a_type_literal()
        {
            var declared = Run("Get-Command -Module HeyMilo | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -ne $null } | ForEach-Object FullName")
                .ThrowIfTerminating().Output.Select(o => o.ToString()).Distinct().ToList();
            Assert.Contains("HeyMilo.Posting", declared);
            foreach (var name in declared)
                Assert.Equal(name, Run($"[{name}].FullName").ThrowIfTerminating().Output.Single().ToString());
        }

        private static IEnumerable<Type> Expand(Type type)
        {
            yield return type;
            if (type.HasElementType)
                foreach (var inner in Expand(type.GetElementType()!)) yield return inner;
            if (type.IsGenericType)
                foreach (var argument in type.GetGenericArguments().SelectMany(Expand)) yield return argument;
        }
    }
}

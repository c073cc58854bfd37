using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    public class ModuleTests : MiloTestBase
    {
        [Fact]
        public void Built_manifest_passes_Test_ModuleManifest()
        {
            var result = Run($"Test-ModuleManifest -Path '{RepoPaths.ModuleManifest}'").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            var info = (PSModuleInfo)result.Output.Single().BaseObject;
            Assert.Equal("HeyMilo", info.Name);
            Assert.Contains("Desktop", info.CompatiblePSEditions);
            Assert.Contains("Core", info.CompatiblePSEditions);
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        }

        [Fact]
        public void Import_exports_exactly_the_manifest_cmdlets()
        {
            var declared = Run($"(Test-ModuleManifest -Path '{RepoPaths.ModuleManifest}').ExportedCmdlets.Keys").ThrowIfTerminating()
                .Output.Select(o => o.ToString()).ToList();
            var exported = Run("(Get-Command -Module HeyMilo).Name").ThrowIfTerminating().Output.Select(o => o.ToString()).ToList();
            Assert.NotEmpty(declared);
            Assert.Equal(declared.OrderBy(n => n), exported.OrderBy(n => n));
            Assert.DoesNotContain(File.ReadAllText(RepoPaths.ModuleManifest), s => s == '*');
        }

        [Fact]
        public void Module_folder_ships_third_party_dlls_only_under_dependencies_from_the_allow_list()
        {
            var root = RepoPaths.ModuleFolder;
            Assert.Equal(new[] { "HeyMilo.Loader.dll", "HeyMilo.dll" }, Directory.GetFiles(root, "*.dll").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
            Assert.True(File.Exists(Path.Combine(root, "HeyMilo.psd1")));
            Assert.False(File.Exists(Path.Combine(root, "HeyMilo.psm1")));   // the root module is HeyMilo.dll: no script runs at import
            Assert.True(File.Exists(Path.Combine(root, "HeyMilo.Format.ps1xml")));
            var allowList = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "HeyMilo", "shipped-dependencies.txt"))
                .Where(l => l.Trim().Length > 0).Append("HeyMilo.Engine.dll").OrderBy(l => l).ToArray();
            var shipped = Directory.GetFiles(Path.Combine(root, "dependencies")).Select(Path.GetFileName).OrderBy(l => l).ToArray();
            Assert.Equal(allowList, shipped);
            Assert.DoesNotContain("System.Management.Automation.dll", shipped);
        }

        [Fact]
        public void A_Debug_build_assembles_the_module_apart_from_the_Release_folder_users_install_from()
        {
            string ModuleDir(string configuration)
            {
                var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"msbuild src/HeyMilo/HeyMilo.csproj -getProperty:HeyMiloModuleDir -p:Configuration={configuration}")
                {
                    WorkingDirectory = RepoPaths.Root,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = System.Diagnostics.Process.Start(start)!;
                var output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
                return Path.GetFullPath(output);
            }

            var version = Path.GetFileName(RepoPaths.ModuleFolder);
            Assert.Equal(Path.GetFullPath(Path.Combine(RepoPaths.Root, "out", "HeyMilo", version)) + Path.DirectorySeparatorChar, ModuleDir("Release"));
            Assert.Equal(Path.GetFullPath(Path.Combine(RepoPaths.Root, "out", "debug", "HeyMilo", version)) + Path.DirectorySeparatorChar, ModuleDir("Debug"));
        }

        [Fact]
        public void Every_ps1_and_psd1_in_the_repository_parses()
        {
            var files = Directory.EnumerateFiles(RepoPaths.Root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                            && !f.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}"))
                .ToList();
            Assert.Contains(files, f => f.EndsWith("HeyMilo.psd1", StringComparison.Ordinal));
            foreach (var file in files)
            {
                Parser.ParseFile(file, out _, out var errors);
                Assert.True(errors.Length == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"))}");
            }
        }

        [Fact]
        public void The_cmdlets_load_in_the_default_context_and_the_engine_with_its_dependencies_in_the_module_own()
        {
            Connect();
            Run("Get-MiloPosting -First 1").ThrowIfTerminating();
            Assert.Same(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(ModuleInternals.ModuleAssembly));
            var engine = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(ModuleInternals.EngineAssembly);
            Assert.Equal("HeyMilo", engine!.Name);
            Assert.Equal("HeyMilo.Loader.ModuleLoadContext", engine.GetType().FullName);
            foreach (var name in new[] { "Polly.Core", "Microsoft.Extensions.Http.Resilience", "Microsoft.Bcl.TimeProvider" })
                Assert.Same(engine, ModuleInternals.DependencyContext(name));
        }
    }
}

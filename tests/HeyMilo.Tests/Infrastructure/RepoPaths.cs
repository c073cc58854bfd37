using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;

namespace HeyMilo.Tests.Infrastructure
{
    internal static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        /// <summary>
        /// The assembled module folder of the configuration these tests were built in: out/HeyMilo/&lt;version&gt;/
        /// (Release, what users install) or out/&lt;configuration&gt;/HeyMilo/&lt;version&gt;/ (Directory.Build.props).
        /// </summary>
        public static readonly string ModuleFolder = Path.Combine(Root, "out", ModuleOutSubfolder(), "HeyMilo", ManifestVersion());

        public static string ModuleManifest => Path.Combine(ModuleFolder, "HeyMilo.psd1");

        public static string TestClockAssembly
        {
            get
            {
                var bin = Path.Combine(Root, "tests", "HeyMilo.TestClock", "bin");
                return Directory.EnumerateFiles(bin, "HeyMilo.TestClock.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .First();
            }
        }

        private static string ModuleOutSubfolder()
        {
#if DEBUG
            return "debug";
#else
            return string.Empty;
#endif
        }

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HeyMilo.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("HeyMilo.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>ModuleVersion of the repository's manifest, read as Import-PowerShellDataFile reads it.</summary>
        private static string ManifestVersion() => (string)Manifest()["ModuleVersion"]!;

        /// <summary>CmdletsToExport of the repository's manifest, in its order: what the module must export, no more.</summary>
        public static string[] ManifestCmdlets() =>
            ((object[])Manifest()["CmdletsToExport"]!).Select(o => (string)o).ToArray();

        private static Hashtable Manifest()
        {
            var ast = Parser.ParseFile(Path.Combine(Root, "HeyMilo.psd1"), out _, out var errors);
            if (errors.Length > 0) throw new InvalidOperationException("HeyMilo.psd1: " + errors[0].Message);
            return (Hashtable)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!.SafeGetValue();
        }
    }
}

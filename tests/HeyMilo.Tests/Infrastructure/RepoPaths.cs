using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace HeyMilo.Tests.Infrastructure
{
    internal static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        /// <summary>The assembled module folder out/HeyMilo/&lt;version&gt;/ that users import.</summary>
        public static readonly string ModuleFolder = Path.Combine(Root, "out", "HeyMilo", ManifestVersion());

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

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HeyMilo.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("HeyMilo.sln not found above " + AppContext.BaseDirectory);
        }

        private static string ManifestVersion()
        {
            var text = File.ReadAllText(Path.Combine(Root, "HeyMilo.psd1"));
            return Regex.Match(text, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// CI runs what the README tells a user to run, and the pinned test tools agree with each other.
    /// </summary>
    public sealed class CiTests
    {
        private static string Read(params string[] path) => File.ReadAllText(Path.Combine(new[] { RepoPaths.Root }.Concat(path).ToArray()));

        /// <summary>The one-line command in the fenced block after "- **{item}**" in the README's "The two commands".</summary>
        private static string ReadmeCommand(string item)
        {
            var readme = Read("README.md").Replace("\r\n", "\n");
            var section = Regex.Match(readme, @"^## The two commands\n(?<body>.*?)(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(section.Success, "README.md has no section '## The two commands'.");
            var block = Regex.Match(section.Groups["body"].Value, @"^- \*\*" + Regex.Escape(item) + @"\*\*.*?```\n(?<command>.*?)\n\s*```", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(block.Success, $"README.md's 'The two commands' has no command block for {item}.");
            var lines = block.Groups["command"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            Assert.True(lines.Length == 1, $"README.md's {item} command is not one line: {string.Join(" / ", lines)}");
            return lines[0];
        }

        [Fact]
        public void Ci_runs_exactly_the_README_test_command()
        {
            var ci = Read(".ci", "run").Replace("\r\n", "\n");
            var command = Regex.Match(ci, @"^test_command='(?<command>[^']*)'$", RegexOptions.Multiline);
            Assert.True(command.Success, ".ci/run defines no test_command='...'.");

            Assert.Equal(ReadmeCommand("Tests"), command.Groups["command"].Value);
            Assert.Contains("bash -c \"$test_command\"", ci, StringComparison.Ordinal);
        }

        [Fact]
        public void The_README_commands_restore_the_tools_they_run_with()
        {
            foreach (var item in new[] { "Main job", "Tests" })
                Assert.StartsWith("dotnet tool restore && dotnet pwsh ", ReadmeCommand(item), StringComparison.Ordinal);
        }

        [Fact]
        public void build_ps1_imports_the_Pester_version_the_tools_project_downloads()
        {
            var download = Regex.Match(Read("tests", "Tools", "Tools.csproj"), @"<PackageDownload\s+Include=""Pester""\s+Version=""\[(?<version>[0-9.]+)\]""");
            var imported = Regex.Match(Read("build.ps1"), @"^\$PesterVersion = '(?<version>[0-9.]+)'", RegexOptions.Multiline);
            Assert.True(download.Success, "tests/Tools/Tools.csproj downloads no exact Pester version.");
            Assert.True(imported.Success, "build.ps1 sets no $PesterVersion.");

            Assert.Equal(download.Groups["version"].Value, imported.Groups["version"].Value);
        }
    }
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HeyMilo.BuildTool.Manifest;
using HeyMilo.BuildTool.Packaging;
using Xunit;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>
    /// The package reads the manifest as PowerShell does (its own parser, constants only), so any valid layout
    /// reads right; a manifest that lacks what the package needs is an error with its file and line (HM0002).
    /// </summary>
    public sealed class ManifestTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("heymilo-manifest-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        /// <summary>Valid, and every line of it something a line-by-line regex reads wrong.</summary>
        private const string UnusualManifest = @"<#
    Older manifest, kept for reference:
    ModuleVersion = '9.9.9'
#>
@{
    # ModuleVersion = '0.0.1'
    ""ModuleVersion"" = ""2.3.4""
    'Author' = ""Ann O'Brien""
    Description = @'
Cmdlets for things,
over two lines with 'quotes'.
'@
    CompanyName = 'Contoso'; Copyright = '(c) Contoso'
    CmdletsToExport = @(
        'Get-Thing',   # first (the old one was Get-Old)
        ""Set-Thing""
        'Remove-Thing'
    )
    PrivateData = @{
        PSData = @{
            Tags = 'Things', ""PSEdition_Core""   # an array without @( )
            ProjectUri = 'https://example.test/project'
            LicenseUri = ""https://example.test/license""
            ReleaseNotes = 'It''s new.'
            Prerelease = 'beta1'
        }
    }
}
";

        private string Write(string text, string name = "Thing.psd1")
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
            return path;
        }

        private static ModuleManifest Read(string path)
        {
            var diagnostics = new DiagnosticBag();
            var manifest = ModuleManifest.Read(path, diagnostics);
            Assert.Empty(diagnostics.Items);
            return Assert.IsType<ModuleManifest>(manifest);
        }

        private static Diagnostic ReadFails(string path)
        {
            var diagnostics = new DiagnosticBag();
            Assert.Null(ModuleManifest.Read(path, diagnostics));
            var error = Assert.Single(diagnostics.Items);
            Assert.Equal(path, error.File);
            Assert.Equal("HM0002", error.Code);
            return error;
        }

        private static int LineOf(string text, string part) => text.Replace("\r\n", "\n").Substring(0, text.IndexOf(part, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

        [Fact]
        public void A_manifest_with_comments_double_quotes_here_strings_and_multi_line_arrays_reads_as_PowerShell_reads_it()
        {
            var manifest = Read(Write(UnusualManifest));

            Assert.Equal("Thing", manifest.Id);
            Assert.Equal("2.3.4", manifest.ModuleVersion);
            Assert.Equal("2.3.4-beta1", manifest.PackageVersion);
            Assert.Equal("Ann O'Brien", manifest.Author);
            Assert.Equal("Cmdlets for things,\nover two lines with 'quotes'.", manifest.Description);
            Assert.Equal("Contoso", manifest.CompanyName);
            Assert.Equal("(c) Contoso", manifest.Copyright);
            Assert.Equal(new[] { "Get-Thing", "Set-Thing", "Remove-Thing" }, manifest.CmdletsToExport);
            Assert.Equal(new[] { "Things", "PSEdition_Core" }, manifest.Tags);
            Assert.Equal("https://example.test/license", manifest.LicenseUri);
            Assert.Equal("It's new.", manifest.ReleaseNotes);
        }

        [Fact]
        public void The_regexes_the_package_used_before_read_that_manifest_wrong()
        {
            // Package.targets' old patterns, kept here only to show what a real reader fixes.
            string? Scalar(string key)
            {
                var m = Regex.Match(UnusualManifest, @"(?m)^\s*" + key + @"\s*=\s*'((?:[^']|'')*)'");
                return m.Success ? m.Groups[1].Value.Replace("''", "'") : null;
            }
            var cmdlets = Regex.Matches(Regex.Match(UnusualManifest, @"(?ms)^\s*CmdletsToExport\s*=\s*@\((.*?)\)").Groups[1].Value, @"'((?:[^']|'')*)'")
                .Select(m => m.Groups[1].Value).ToList();

            Assert.Equal("9.9.9", Scalar("ModuleVersion")); // from the block comment
            Assert.Null(Scalar("Author"));                  // double quotes
            Assert.Equal(new[] { "Get-Thing" }, cmdlets);   // cut at the ')' of a comment
        }

        [Fact]
        public void The_nuspec_carries_what_the_manifest_says()
        {
            var nuspec = XDocument.Parse(ModulePackager.Nuspec(Read(Write(UnusualManifest))));
            XNamespace ns = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
            var metadata = nuspec.Root!.Element(ns + "metadata")!;
            string? Field(string name) => (string?)metadata.Element(ns + name);

            Assert.Equal("Thing", Field("id"));
            Assert.Equal("2.3.4-beta1", Field("version"));
            Assert.Equal("Ann O'Brien", Field("authors"));
            Assert.Equal("Contoso", Field("owners"));
            Assert.Equal("https://example.test/project", Field("projectUrl"));
            Assert.Equal("It's new.", Field("releaseNotes"));
            Assert.Equal("Things PSEdition_Core PSModule PSIncludes_Cmdlet PSCmdlet_Get-Thing PSCommand_Get-Thing PSCmdlet_Set-Thing PSCommand_Set-Thing PSCmdlet_Remove-Thing PSCommand_Remove-Thing",
                Field("tags"));
        }

        [Fact]
        public void Package_writes_the_nupkg_and_the_Azure_Automation_zip_of_a_module_folder()
        {
            var module = Directory.CreateDirectory(Path.Combine(_dir, "module")).FullName;
            File.WriteAllText(Path.Combine(module, "Thing.psd1"), UnusualManifest);
            Directory.CreateDirectory(Path.Combine(module, "en-US"));
            File.WriteAllText(Path.Combine(module, "en-US", "Thing.dll-Help.xml"), "<helpItems />");
            var packages = Path.Combine(_dir, "packages");

            var output = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { "package", "--module-dir", module, "--out", packages }, output));

            using (var nupkg = ZipFile.OpenRead(Path.Combine(packages, "Thing.2.3.4-beta1.nupkg")))
            {
                var entries = nupkg.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("Thing.nuspec", entries);
                Assert.Contains("Thing.psd1", entries);
                Assert.Contains("en-US/Thing.dll-Help.xml", entries);
                Assert.Contains("[Content_Types].xml", entries);
                Assert.Contains("_rels/.rels", entries);
                Assert.Single(entries, e => e.EndsWith(".psmdcp", StringComparison.Ordinal));
            }
            using (var zip = ZipFile.OpenRead(Path.Combine(packages, "Thing-2.3.4-beta1-azure-automation.zip")))
                Assert.Equal(new[] { "Thing/Thing.psd1", "Thing/en-US/Thing.dll-Help.xml" }, zip.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal));
            Assert.DoesNotContain(Directory.GetFiles(packages), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        }

        [Fact]
        public void A_missing_required_key_is_an_error_at_the_hashtable_that_should_hold_it()
        {
            var text = UnusualManifest.Replace("            ReleaseNotes = 'It''s new.'\n", "");
            var error = ReadFails(Write(text));
            Assert.Equal(LineOf(text, "PSData = @{"), error.Line);
            Assert.Equal("PrivateData.PSData.ReleaseNotes is missing; the package needs it.", error.Message);
        }

        [Fact]
        public void A_value_that_is_not_a_constant_is_an_error_at_its_line()
        {
            var text = UnusualManifest.Replace("'Author' = \"Ann O'Brien\"", "'Author' = $env:USERNAME");
            var error = ReadFails(Write(text));
            Assert.Equal(LineOf(text, "'Author' ="), error.Line);
            Assert.StartsWith("Only constants are allowed in a data file", error.Message);
        }

        [Fact]
        public void A_value_of_the_wrong_type_is_an_error_at_its_line()
        {
            var text = UnusualManifest.Replace("CompanyName = 'Contoso'", "CompanyName = @('Contoso', 'Fabrikam')");
            var error = ReadFails(Write(text));
            Assert.Equal(LineOf(text, "CompanyName ="), error.Line);
            Assert.Equal("'CompanyName' must be a string, not an array.", error.Message);
        }

        [Fact]
        public void A_syntax_error_is_an_error_at_its_line()
        {
            var text = UnusualManifest.Replace("        'Remove-Thing'\n    )", "        'Remove-Thing'\n");
            var diagnostics = new DiagnosticBag();
            var path = Write(text);
            Assert.Null(ModuleManifest.Read(path, diagnostics));
            Assert.NotEmpty(diagnostics.Items);
            Assert.All(diagnostics.Items, d => Assert.StartsWith("Not a valid PowerShell data file: ", d.Message));
            Assert.All(diagnostics.Items, d => Assert.True(d.Line >= LineOf(text, "CmdletsToExport"), d.ToString()));
        }

        [Fact]
        public void Wildcards_in_CmdletsToExport_are_an_error()
        {
            var text = UnusualManifest.Replace("'Get-Thing',   # first", "'Get-*',   # first");
            var error = ReadFails(Write(text));
            Assert.Equal(LineOf(text, "CmdletsToExport ="), error.Line);
            Assert.StartsWith("CmdletsToExport must name each cmdlet", error.Message);
        }

        [Fact]
        public void The_repository_manifest_reads()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HeyMilo.sln"))) dir = dir.Parent;
            var manifest = Read(Path.Combine(dir!.FullName, "HeyMilo.psd1"));
            Assert.Equal("HeyMilo", manifest.Id);
            Assert.Contains("Get-MiloPosting", manifest.CmdletsToExport);
            Assert.Contains("PSEdition_Core", manifest.Tags);
        }
    }
}

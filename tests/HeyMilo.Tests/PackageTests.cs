using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The packages the build wrote (src/HeyMilo/Package.targets runs after every build of the module, and is
    /// the PackHeyMiloModule target CI and build.ps1 -Task Package call), opened as Install-PSResource and Azure
    /// Automation would: layout, nuspec against the manifest, and the packaged manifest through Test-ModuleManifest.
    /// Reading the build's output (instead of running MSBuild from a test) keeps the suite fast.
    /// </summary>
    public class PackageTests : MiloTestBase
    {
        private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";

        private static string Version => Path.GetFileName(RepoPaths.ModuleFolder);
        private static string PackageDir => Path.Combine(RepoPaths.Root, "out", "packages");
        private static string NupkgPath => Path.Combine(PackageDir, $"HeyMilo.{Version}.nupkg");
        private static string AzureZipPath => Path.Combine(PackageDir, $"HeyMilo-{Version}-azure-automation.zip");

        private static List<string> ModuleFiles() =>
            Directory.GetFiles(RepoPaths.ModuleFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.ModuleFolder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();

        private PSModuleInfo TestManifest(string path)
        {
            var result = Run($"Test-ModuleManifest -Path '{path}'").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            return (PSModuleInfo)result.Output.Single().BaseObject;
        }

        private string ExtractTo(ZipArchive zip, string prefix)
        {
            var folder = Path.Combine(Path.GetTempPath(), "heymilo-pkg-" + Guid.NewGuid().ToString("N"), "HeyMilo");
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && !e.FullName.EndsWith("/", StringComparison.Ordinal)))
            {
                var target = Path.Combine(folder, entry.FullName.Substring(prefix.Length));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
            }
            return folder;
        }

        private static void DeleteExtracted(string folder) => Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);

        [Fact]
        public void Manifest_has_the_gallery_metadata()
        {
            var info = TestManifest(RepoPaths.ModuleManifest); // the repository's HeyMilo.psd1 as the build copied it
            Assert.False(string.IsNullOrWhiteSpace(info.Author));
            Assert.False(string.IsNullOrWhiteSpace(info.CompanyName));
            Assert.False(string.IsNullOrWhiteSpace(info.Copyright));
            Assert.True(info.Description.Length > 40, info.Description);
            Assert.Contains("HeyMilo", info.Tags);
            Assert.Contains("PSEdition_Core", info.Tags);
            Assert.Contains("PSEdition_Desktop", info.Tags);
            Assert.DoesNotContain(info.Tags, t => t.Contains(' '));
            Assert.Equal(Uri.UriSchemeHttps, info.ProjectUri.Scheme);
            Assert.Equal(Uri.UriSchemeHttps, info.LicenseUri.Scheme);
            Assert.Contains(Version, info.ReleaseNotes);
        }

        [Fact]
        public void Nupkg_has_the_module_at_its_root_and_the_nuget_package_parts()
        {
            using var zip = ZipFile.OpenRead(NupkgPath);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Equal(entries.Count, entries.Distinct().Count());
            var parts = entries.Where(e => e == "HeyMilo.nuspec" || e == "[Content_Types].xml" || e == "_rels/.rels"
                                           || (e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.EndsWith(".psmdcp", StringComparison.Ordinal))).ToList();
            Assert.Equal(4, parts.Count);
            Assert.Equal(ModuleFiles(), entries.Except(parts).OrderBy(e => e, StringComparer.Ordinal).ToList());
            Assert.Contains("HeyMilo.psd1", entries);
            Assert.Contains("HeyMilo.dll", entries);
            Assert.Contains("HeyMilo.Format.ps1xml", entries);
            Assert.Contains("dependencies/System.Text.Json.dll", entries);
            Assert.DoesNotContain(entries, e => e.Contains('\\'));

            // The package is the current build's, not a stale one.
            using (var packaged = zip.GetEntry("HeyMilo.dll")!.Open())
            using (var copy = new MemoryStream())
            {
                packaged.CopyTo(copy);
                Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.ModuleFolder, "HeyMilo.dll")), copy.ToArray());
            }

            // Every extension has a content type; the relationships point at parts that exist.
            var types = XDocument.Load(zip.GetEntry("[Content_Types].xml")!.Open());
            var declared = types.Root!.Elements().Where(e => e.Name.LocalName == "Default").Select(e => (string)e.Attribute("Extension")!).ToList();
            foreach (var entry in entries.Where(e => e != "[Content_Types].xml"))
                Assert.Contains(Path.GetExtension(entry).TrimStart('.').ToLowerInvariant(), declared);
            var rels = XDocument.Load(zip.GetEntry("_rels/.rels")!.Open());
            var targets = rels.Root!.Elements().Select(e => ((string)e.Attribute("Target")!).TrimStart('/')).ToList();
            Assert.Contains("HeyMilo.nuspec", targets);
            Assert.All(targets, t => Assert.Contains(t, entries));
        }

        [Fact]
        public void Nuspec_carries_the_manifest_metadata_and_the_gallery_tags()
        {
            var info = TestManifest(RepoPaths.ModuleManifest);
            using var zip = ZipFile.OpenRead(NupkgPath);
            var metadata = XDocument.Load(zip.GetEntry("HeyMilo.nuspec")!.Open()).Root!.Element(Nuspec + "metadata")!;
            string Field(string name) => (string?)metadata.Element(Nuspec + name) ?? throw new Xunit.Sdk.XunitException("nuspec has no <" + name + ">");

            Assert.Equal("HeyMilo", Field("id"));
            Assert.Equal(info.Version.ToString(), Field("version"));
            Assert.Equal(info.Author, Field("authors"));
            Assert.Equal(info.CompanyName, Field("owners"));
            Assert.Equal(info.Description, Field("description"));
            Assert.Equal(info.ProjectUri.ToString(), Field("projectUrl"));
            Assert.Equal(info.LicenseUri.ToString(), Field("licenseUrl"));
            Assert.Equal(info.ReleaseNotes, Field("releaseNotes"));
            Assert.Equal(info.Copyright, Field("copyright"));

            var tags = Field("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            Assert.Subset(tags.ToHashSet(), info.Tags.ToHashSet());
            Assert.NotEmpty(info.ExportedCmdlets);
            foreach (var cmdlet in info.ExportedCmdlets.Keys)
            {
                Assert.Contains("PSCmdlet_" + cmdlet, tags);
                Assert.Contains("PSCommand_" + cmdlet, tags);
            }
            Assert.Equal(info.ExportedCmdlets.Count, tags.Count(t => t.StartsWith("PSCmdlet_", StringComparison.Ordinal)));
        }

        [Fact]
        public void Manifest_extracted_from_the_nupkg_passes_Test_ModuleManifest()
        {
            using var zip = ZipFile.OpenRead(NupkgPath);
            var folder = ExtractTo(zip, "");
            try
            {
                var info = TestManifest(Path.Combine(folder, "HeyMilo.psd1"));
                Assert.Equal(Version, info.Version.ToString());
                Assert.Contains("Get-MiloPosting", info.ExportedCmdlets.Keys);
            }
            finally
            {
                DeleteExtracted(folder);
            }
        }

        [Fact]
        public void Azure_Automation_zip_has_the_module_folder_HeyMilo_at_its_root()
        {
            using var zip = ZipFile.OpenRead(AzureZipPath);
            var entries = zip.Entries.Select(e => e.FullName).Where(e => !e.EndsWith("/", StringComparison.Ordinal)).ToList();
            Assert.All(entries, e => Assert.StartsWith("HeyMilo/", e));
            Assert.Equal(ModuleFiles(), entries.Select(e => e.Substring("HeyMilo/".Length)).OrderBy(e => e, StringComparer.Ordinal).ToList());
            Assert.DoesNotContain(entries, e => e.EndsWith(".nuspec", StringComparison.Ordinal) || e.Contains("[Content_Types]"));

            var folder = ExtractTo(zip, "HeyMilo/");
            try
            {
                var info = TestManifest(Path.Combine(folder, "HeyMilo.psd1"));
                Assert.Equal("HeyMilo", info.Name);
                Assert.Contains("Desktop", info.CompatiblePSEditions);
                Assert.Contains("Core", info.CompatiblePSEditions);
            }
            finally
            {
                DeleteExtracted(folder);
            }
        }

        [Fact]
        public void build_ps1_Package_task_runs_the_target_Package_targets_defines()
        {
            var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1"));
            var targets = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "HeyMilo", "Package.targets"));
            Assert.Contains("-t:PackHeyMiloModule", script);
            Assert.Contains(targets.Root!.Elements("Target"), t => (string?)t.Attribute("Name") == "PackHeyMiloModule");
            Assert.Contains(XDocument.Load(Path.Combine(RepoPaths.Root, "src", "HeyMilo", "HeyMilo.csproj")).Root!.Elements("Import"),
                i => (string?)i.Attribute("Project") == "Package.targets");
        }
    }
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using HeyMilo.BuildTool.Manifest;

namespace HeyMilo.BuildTool.Packaging
{
    /// <summary>
    /// Packages an assembled module folder in two forms:
    ///   &lt;Id&gt;.&lt;version&gt;.nupkg                    a PowerShell-Gallery-style package that Install-PSResource / Publish-PSResource
    ///                                            accept: the module files at the package root, &lt;Id&gt;.nuspec, [Content_Types].xml,
    ///                                            _rels/.rels and the core-properties part;
    ///   &lt;Id&gt;-&lt;version&gt;-azure-automation.zip     the module folder named &lt;Id&gt; at the zip root, as Azure Automation's
    ///                                            module import expects.
    /// Each is written to a temporary file and moved into place, so a failure never leaves a half-written package.
    /// </summary>
    internal static class ModulePackager
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        public static (string Nupkg, string AzureZip) Write(ModuleManifest manifest, string moduleDir, string packageDir)
        {
            var id = manifest.Id;
            var version = manifest.PackageVersion;
            moduleDir = Path.GetFullPath(moduleDir);
            var files = Directory.GetFiles(moduleDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(moduleDir, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();

            // A deterministic name for the core-properties part (NuGet uses a random one; any name will do).
            var psmdcp = "package/services/metadata/core-properties/"
                + Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(id + "/" + version))).ToLowerInvariant() + ".psmdcp";

            Directory.CreateDirectory(packageDir);
            var nupkg = Path.Combine(packageDir, id + "." + version + ".nupkg");
            var azureZip = Path.Combine(packageDir, id + "-" + version + "-azure-automation.zip");

            WriteZip(nupkg, zip =>
            {
                AddText(zip, "_rels/.rels", Relationships(id, psmdcp));
                AddText(zip, id + ".nuspec", Nuspec(manifest));
                foreach (var file in files) zip.CreateEntryFromFile(Path.Combine(moduleDir, file), file, CompressionLevel.Optimal);
                AddText(zip, psmdcp, CoreProperties(manifest));
                AddText(zip, "[Content_Types].xml", ContentTypes(files));
            });
            WriteZip(azureZip, zip =>
            {
                foreach (var file in files) zip.CreateEntryFromFile(Path.Combine(moduleDir, file), id + "/" + file, CompressionLevel.Optimal);
            });
            return (nupkg, azureZip);
        }

        internal static string Nuspec(ModuleManifest m)
        {
            var nuspec = new StringBuilder();
            nuspec.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            nuspec.Append("<package xmlns=\"http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd\">\n");
            nuspec.Append("  <metadata>\n");
            nuspec.Append("    <id>" + X(m.Id) + "</id>\n");
            nuspec.Append("    <version>" + X(m.PackageVersion) + "</version>\n");
            nuspec.Append("    <authors>" + X(m.Author) + "</authors>\n");
            nuspec.Append("    <owners>" + X(string.IsNullOrEmpty(m.CompanyName) ? m.Author : m.CompanyName) + "</owners>\n");
            nuspec.Append("    <requireLicenseAcceptance>false</requireLicenseAcceptance>\n");
            nuspec.Append("    <licenseUrl>" + X(m.LicenseUri) + "</licenseUrl>\n");
            nuspec.Append("    <projectUrl>" + X(m.ProjectUri) + "</projectUrl>\n");
            nuspec.Append("    <description>" + X(m.Description) + "</description>\n");
            nuspec.Append("    <releaseNotes>" + X(m.ReleaseNotes) + "</releaseNotes>\n");
            if (!string.IsNullOrEmpty(m.Copyright)) nuspec.Append("    <copyright>" + X(m.Copyright) + "</copyright>\n");
            nuspec.Append("    <tags>" + X(string.Join(" ", m.GalleryTags)) + "</tags>\n");
            nuspec.Append("  </metadata>\n");
            nuspec.Append("</package>\n");
            return nuspec.ToString();
        }

        private static string CoreProperties(ModuleManifest m) =>
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<coreProperties xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\">" +
            "<dc:creator>" + X(m.Author) + "</dc:creator><dc:description>" + X(m.Description) + "</dc:description><dc:identifier>" + X(m.Id) + "</dc:identifier>" +
            "<version>" + X(m.PackageVersion) + "</version><keywords>" + X(string.Join(" ", m.GalleryTags)) + "</keywords><lastModifiedBy>HeyMilo.BuildTool</lastModifiedBy></coreProperties>\n";

        private static string Relationships(string id, string psmdcp) =>
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Type=\"http://schemas.microsoft.com/packaging/2010/07/manifest\" Target=\"/" + X(id) + ".nuspec\" Id=\"R0\" />" +
            "<Relationship Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"/" + psmdcp + "\" Id=\"R1\" />" +
            "</Relationships>\n";

        private static string ContentTypes(System.Collections.Generic.IEnumerable<string> files)
        {
            var extensions = files.Select(f => Path.GetExtension(f).TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0)
                .Concat(new[] { "nuspec" }).Distinct().OrderBy(e => e, StringComparer.Ordinal);
            var types = new StringBuilder();
            types.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
            types.Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />");
            types.Append("<Default Extension=\"psmdcp\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" />");
            foreach (var extension in extensions) types.Append("<Default Extension=\"" + X(extension) + "\" ContentType=\"application/octet\" />");
            types.Append("</Types>\n");
            return types.ToString();
        }

        private static string X(string? s) => SecurityElement.Escape(s ?? string.Empty) ?? string.Empty;

        private static void AddText(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), Utf8);
            writer.Write(text);
        }

        private static void WriteZip(string path, Action<ZipArchive> fill)
        {
            var temp = path + ".tmp";
            try
            {
                using (var zip = new ZipArchive(File.Create(temp), ZipArchiveMode.Create)) fill(zip);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}

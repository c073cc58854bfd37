using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo.BuildTool.Manifest
{
    /// <summary>
    /// What a Gallery-style package says about a module, read from its manifest: the top-level keys and
    /// PrivateData.PSData, where Test-ModuleManifest and Publish-PSResource read Tags, ProjectUri, LicenseUri,
    /// ReleaseNotes and Prerelease.
    /// </summary>
    internal sealed record ModuleManifest(
        string Id,
        string ModuleVersion,
        string? Prerelease,
        string Description,
        string Author,
        string? CompanyName,
        string? Copyright,
        string ProjectUri,
        string LicenseUri,
        string ReleaseNotes,
        IReadOnlyList<string> Tags,
        IReadOnlyList<string> CmdletsToExport)
    {
        /// <summary>The NuGet version: ModuleVersion, with '-Prerelease' when PSData names one.</summary>
        public string PackageVersion => string.IsNullOrEmpty(Prerelease) ? ModuleVersion : ModuleVersion + "-" + Prerelease;

        /// <summary>The manifest's tags plus those PowerShellGet / PSResourceGet write, which the Gallery's search and Find-Command read.</summary>
        public IReadOnlyList<string> GalleryTags
        {
            get
            {
                var tags = new List<string>(Tags) { "PSModule", "PSIncludes_Cmdlet" };
                foreach (var cmdlet in CmdletsToExport) { tags.Add("PSCmdlet_" + cmdlet); tags.Add("PSCommand_" + cmdlet); }
                return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
        }

        /// <summary>Reads the manifest; null (with errors that name the file and line) when it cannot be read or lacks what the package needs.</summary>
        public static ModuleManifest? Read(string path, DiagnosticBag diagnostics)
        {
            var file = DataFile.Read(path, diagnostics);
            if (file == null) return null;
            var before = diagnostics.Items.Count;

            var psData = file.Table("PrivateData", diagnostics)?.Table("PSData", diagnostics);
            string Required(DataFile? table, string key, string where)
            {
                var value = table?.String(key, diagnostics); // reports a value that is not a string
                var wrongType = table?[key] != null && !(table[key] is string);
                if (!wrongType && string.IsNullOrWhiteSpace(value))
                    diagnostics.Add(path, table?.LineOf(key) ?? file.LineOf("PrivateData"), Codes.Manifest, where + key + " is missing; the package needs it.");
                return value ?? string.Empty;
            }

            var version = Required(file, "ModuleVersion", "");
            if (version.Length > 0 && !Version.TryParse(version, out _))
                diagnostics.Add(path, file.LineOf("ModuleVersion"), Codes.Manifest, "ModuleVersion '" + version + "' is not a version (such as 1.2.0).");
            var description = Required(file, "Description", "");
            var author = Required(file, "Author", "");
            var projectUri = Required(psData, "ProjectUri", "PrivateData.PSData.");
            var licenseUri = Required(psData, "LicenseUri", "PrivateData.PSData.");
            var releaseNotes = Required(psData, "ReleaseNotes", "PrivateData.PSData.");
            var cmdlets = file.Strings("CmdletsToExport", diagnostics);
            if (cmdlets.Count == 0)
                diagnostics.Add(path, file.LineOf("CmdletsToExport"), Codes.Manifest, "CmdletsToExport is empty; the package's PSCmdlet_ tags need the cmdlet names.");
            else if (cmdlets.Any(c => c.IndexOfAny(new[] { '*', '?', '[' }) >= 0))
                diagnostics.Add(path, file.LineOf("CmdletsToExport"), Codes.Manifest, "CmdletsToExport must name each cmdlet (no wildcards): the package tags each one.");
            var tags = psData?.Strings("Tags", diagnostics) ?? Array.Empty<string>();
            foreach (var tag in tags.Where(t => t.Any(char.IsWhiteSpace)))
                diagnostics.Add(path, psData!.LineOf("Tags"), Codes.Manifest, "The tag '" + tag + "' has a space; NuGet tags are separated by spaces.");

            var manifest = new ModuleManifest(
                System.IO.Path.GetFileNameWithoutExtension(path),
                version,
                psData?.String("Prerelease", diagnostics),
                description,
                author,
                file.String("CompanyName", diagnostics),
                file.String("Copyright", diagnostics),
                projectUri,
                licenseUri,
                releaseNotes,
                tags,
                cmdlets);
            return diagnostics.Items.Count > before ? null : manifest;
        }
    }
}

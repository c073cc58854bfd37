using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using HeyMilo.BuildTool.Help;
using HeyMilo.BuildTool.Manifest;
using HeyMilo.BuildTool.Packaging;

namespace HeyMilo.BuildTool
{
    /// <summary>
    /// dotnet HeyMilo.BuildTool.dll help --out &lt;HeyMilo.dll-Help.xml&gt; (--page-list &lt;file&gt; | &lt;page.md&gt;...)
    /// dotnet HeyMilo.BuildTool.dll manifest &lt;HeyMilo.psd1&gt;
    /// dotnet HeyMilo.BuildTool.dll package --module-dir &lt;out/HeyMilo/version&gt; --out &lt;out/packages&gt;
    ///
    /// Errors are printed as 'file(line): error HMnnnn: message', which MSBuild's Exec task reports as build
    /// errors. Exit code 0: done; 1: errors reported; 2: wrong arguments; 3: a bug (unexpected exception).
    /// </summary>
    public static class Program
    {
        private const string Usage =
            "usage: HeyMilo.BuildTool help --out <maml-file> (--page-list <file> | <page.md>...)\n" +
            "       HeyMilo.BuildTool manifest <manifest.psd1>\n" +
            "       HeyMilo.BuildTool package --module-dir <module-folder> --out <package-folder>";

        public static int Main(string[] args) => Run(args, Console.Out);

        public static int Run(string[] args, TextWriter output)
        {
            var diagnostics = new DiagnosticBag();
            try
            {
                var command = args.Length > 0 ? args[0] : string.Empty;
                var options = Options.Parse(args.Skip(1));
                switch (command)
                {
                    case "help": return Help(options, diagnostics, output);
                    case "manifest": return ManifestCommand(options, diagnostics, output);
                    case "package": return Package(options, diagnostics, output);
                    default:
                        output.WriteLine(new Diagnostic("HeyMilo.BuildTool", 0, Codes.Tool, (command.Length == 0 ? "no command" : "unknown command '" + command + "'") + ".\n" + Usage));
                        return 2;
                }
            }
            catch (UsageException e)
            {
                output.WriteLine(new Diagnostic("HeyMilo.BuildTool", 0, Codes.Tool, e.Message + "\n" + Usage));
                return 2;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                diagnostics.Add("HeyMilo.BuildTool", 0, Codes.Tool, e.Message);
                diagnostics.WriteTo(output);
                return 1;
            }
            catch (Exception e)
            {
                // A bug: still one error line MSBuild shows at any verbosity, then the stack for whoever fixes it.
                output.WriteLine(new Diagnostic("HeyMilo.BuildTool", 0, Codes.Tool, "unexpected " + e.GetType().Name + ": " + e.Message));
                output.WriteLine(e.StackTrace);
                return 3;
            }
        }

        private static int Help(Options options, DiagnosticBag diagnostics, TextWriter output)
        {
            var outFile = options.Required("--out");
            var pages = new List<string>(options.Positional);
            if (options.Named.TryGetValue("--page-list", out var list))
                pages.AddRange(File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0));
            if (pages.Count == 0) throw new UsageException("help: no pages given.");

            var document = new MamlCompiler(diagnostics, Path.GetFileName(outFile)).Compile(pages);
            if (document == null)
            {
                // Never leave the previous build's help in place, to be shipped as if it were this one's.
                if (File.Exists(outFile)) File.Delete(outFile);
                diagnostics.WriteTo(output);
                return 1;
            }
            MamlCompiler.Save(document, outFile);
            output.WriteLine("MAML help: " + pages.Count + " pages -> " + outFile);
            return 0;
        }

        private static int ManifestCommand(Options options, DiagnosticBag diagnostics, TextWriter output)
        {
            if (options.Positional.Count != 1) throw new UsageException("manifest: give one manifest path.");
            var manifest = ModuleManifest.Read(options.Positional[0], diagnostics);
            if (manifest == null)
            {
                diagnostics.WriteTo(output);
                return 1;
            }
            output.WriteLine(JsonSerializer.Serialize(new
            {
                manifest.Id, manifest.ModuleVersion, manifest.Prerelease, manifest.PackageVersion, manifest.Description, manifest.Author,
                manifest.CompanyName, manifest.Copyright, manifest.ProjectUri, manifest.LicenseUri, manifest.ReleaseNotes,
                manifest.Tags, manifest.CmdletsToExport, manifest.GalleryTags,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        private static int Package(Options options, DiagnosticBag diagnostics, TextWriter output)
        {
            var moduleDir = options.Required("--module-dir");
            var packageDir = options.Required("--out");
            var manifests = Directory.Exists(moduleDir) ? Directory.GetFiles(moduleDir, "*.psd1") : Array.Empty<string>();
            if (manifests.Length != 1)
            {
                diagnostics.Add(moduleDir, 0, Codes.Tool, manifests.Length == 0
                    ? "No assembled module (no .psd1) in this folder; run the build first."
                    : "More than one .psd1 in the module folder: " + string.Join(", ", manifests.Select(Path.GetFileName)) + ".");
                diagnostics.WriteTo(output);
                return 1;
            }
            var manifest = ModuleManifest.Read(manifests[0], diagnostics);
            if (manifest == null)
            {
                diagnostics.WriteTo(output);
                return 1;
            }
            var (nupkg, azureZip) = ModulePackager.Write(manifest, moduleDir, packageDir);
            output.WriteLine("HeyMilo packages: " + nupkg + ", " + azureZip);
            return 0;
        }

        private sealed class UsageException : Exception
        {
            public UsageException(string message) : base(message) { }
        }

        /// <summary>'--name value' pairs and positional arguments.</summary>
        private sealed class Options
        {
            public Dictionary<string, string> Named { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
            public List<string> Positional { get; } = new List<string>();

            public static Options Parse(IEnumerable<string> args)
            {
                var options = new Options();
                using var e = args.GetEnumerator();
                while (e.MoveNext())
                {
                    if (e.Current.StartsWith("--", StringComparison.Ordinal))
                    {
                        var name = e.Current;
                        if (!e.MoveNext()) throw new UsageException(name + " needs a value.");
                        options.Named[name] = e.Current;
                    }
                    else options.Positional.Add(e.Current);
                }
                return options;
            }

            public string Required(string name) =>
                Named.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new UsageException(name + " is required.");
        }
    }
}

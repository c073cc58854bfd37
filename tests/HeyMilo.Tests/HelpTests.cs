using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The help users get: Get-Help reads en-US/HeyMilo.dll-Help.xml from the built module folder, which the
    /// build compiles from docs/cmdlets/*.md (src/HeyMilo/Help.targets runs build/HeyMilo.BuildTool; its own
    /// checks and rendering have unit tests in tests/HeyMilo.BuildTool.Tests). Without that file Get-Help makes up a
    /// stub from the cmdlet metadata (synopsis = syntax, no description, no examples), which these tests reject.
    /// </summary>
    public class HelpTests : MiloTestBase
    {
        private List<string> ExportedCmdlets()
        {
            var names = Run("(Get-Command -Module HeyMilo -CommandType Cmdlet).Name").ThrowIfTerminating().Output.Select(o => o.ToString()).ToList();
            Assert.Equal(RepoPaths.ManifestCmdlets().OrderBy(n => n), names.OrderBy(n => n));
            return names;
        }

        private PSObject Help(string cmdlet)
        {
            Ps.Set("MiloHelpName", cmdlet);
            var result = Run("Get-Help -Name $MiloHelpName -Full").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            return Assert.Single(result.Output);
        }

        private static object? Prop(object? o, string name) => o is PSObject ps ? ps.Properties[name]?.Value : null;

        private static IEnumerable<object?> Items(object? o)
        {
            if (o is null) yield break;
            // One element comes as itself (a PSObject whose base is a PSCustomObject), several as an object[].
            if ((o is PSObject ps ? ps.BaseObject : o) is object[] array) { foreach (var item in array) yield return item; yield break; }
            yield return o;
        }

        /// <summary>The text of a MAML description (an array of para objects with a Text property), or a plain string.</summary>
        private static string Text(object? o)
        {
            if (o is PSObject ps && ps.BaseObject is string s) return s.Trim();
            if (o is string plain) return plain.Trim();
            return string.Join("\n", Items(o).Select(i => (Prop(i, "Text") ?? Prop(i, "text"))?.ToString() ?? string.Empty)).Trim();
        }

        private static string TypeName(object? item) => Prop(Prop(item, "type"), "name")?.ToString()?.Trim() ?? string.Empty;

        [Fact]
        public void Every_exported_cmdlet_has_a_synopsis_description_two_examples_inputs_and_outputs()
        {
            var failures = new List<string>();
            foreach (var name in ExportedCmdlets())
            {
                var help = Help(name);
                var synopsis = Text(Prop(help, "Synopsis"));
                // Without MAML, Get-Help's synopsis is the generated syntax line, which starts with the name.
                if (synopsis.Length < 20 || synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase)) failures.Add($"{name}: no synopsis ('{synopsis}')");
                if (Text(Prop(help, "description")).Length < 40) failures.Add($"{name}: no description");

                var examples = Items(Prop(Prop(help, "examples"), "example")).ToList();
                if (examples.Count < 2) failures.Add($"{name}: {examples.Count} examples, want at least 2");
                foreach (var example in examples)
                {
                    var code = Prop(example, "code")?.ToString() ?? string.Empty;
                    if (!code.Contains(name, StringComparison.Ordinal)) failures.Add($"{name}: example '{Prop(example, "title")}' does not run {name}");
                    if (Text(Prop(example, "remarks")).Length == 0) failures.Add($"{name}: example '{Prop(example, "title")}' has no explanation");
                }

                var inputs = Items(Prop(Prop(help, "inputTypes"), "inputType")).Select(TypeName).Where(t => t.Length > 0).ToList();
                if (inputs.Count == 0) failures.Add($"{name}: no INPUTS");
                var outputs = Items(Prop(Prop(help, "returnValues"), "returnValue")).Select(TypeName).Where(t => t.Length > 0).ToList();
                if (outputs.Count == 0) failures.Add($"{name}: no OUTPUTS");
            }
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        [Fact]
        public void Every_parameter_has_help_text_and_every_documented_parameter_exists()
        {
            var failures = new List<string>();
            foreach (var name in ExportedCmdlets())
            {
                var command = (CmdletInfo)Run($"Get-Command -Name {name} -CommandType Cmdlet").ThrowIfTerminating().Output.Single().BaseObject;
                var actual = command.Parameters.Values
                    .Where(p => !PSCmdlet.CommonParameters.Contains(p.Name))
                    .Where(p => !p.Attributes.OfType<ParameterAttribute>().Any(a => a.DontShow))
                    .Select(p => p.Name)
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);

                var documented = Items(Prop(Prop(Help(name), "parameters"), "parameter"))
                    .ToDictionary(p => Prop(p, "name")!.ToString()!, p => Text(Prop(p, "description")), StringComparer.OrdinalIgnoreCase);

                foreach (var parameter in actual)
                {
                    if (!documented.TryGetValue(parameter, out var text)) failures.Add($"{name} -{parameter}: not in the help");
                    else if (text.Length < 10) failures.Add($"{name} -{parameter}: no help text");
                }
                foreach (var parameter in documented.Keys.Where(p => !actual.Contains(p)))
                    failures.Add($"{name} -{parameter}: documented, but the cmdlet has no such parameter");
            }
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        [Fact]
        public void Parameter_help_says_what_the_cmdlet_metadata_says_required_position_pipeline_input_aliases()
        {
            var failures = new List<string>();
            foreach (var name in ExportedCmdlets())
            {
                var command = (CmdletInfo)Run($"Get-Command -Name {name} -CommandType Cmdlet").ThrowIfTerminating().Output.Single().BaseObject;
                var documented = Items(Prop(Prop(Help(name), "parameters"), "parameter"))
                    .ToDictionary(p => Prop(p, "name")!.ToString()!, p => p!, StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in command.Parameters.Values.Where(p => documented.ContainsKey(p.Name)))
                {
                    var help = documented[parameter.Name];
                    var sets = parameter.ParameterSets.Values.ToList();
                    void Check(string what, string? helpValue, string want)
                    {
                        if (!string.Equals(helpValue, want, StringComparison.OrdinalIgnoreCase))
                            failures.Add($"{name} -{parameter.Name}: help says {what} '{helpValue}', the cmdlet '{want}'");
                    }

                    Check("required", Prop(help, "required")?.ToString(), sets.Any(s => s.IsMandatory) ? "true" : "false");
                    var position = sets.Select(s => s.Position).FirstOrDefault(p => p != int.MinValue, int.MinValue);
                    Check("position", Prop(help, "position")?.ToString(), position == int.MinValue ? "named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var byValue = sets.Any(s => s.ValueFromPipeline);
                    var byName = sets.Any(s => s.ValueFromPipelineByPropertyName);
                    var pipeline = !byValue && !byName ? "False" : "True (" + string.Join(", ", new[] { byName ? "ByPropertyName" : null, byValue ? "ByValue" : null }.Where(x => x != null)) + ")";
                    Check("pipeline input", Prop(help, "pipelineInput")?.ToString(), pipeline);
                    var aliases = parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase));
                    var helpAliases = Prop(help, "aliases")?.ToString() ?? "none";
                    Check("aliases", string.Join(", ", helpAliases.Split(',').Select(a => a.Trim()).OrderBy(a => a, StringComparer.OrdinalIgnoreCase)), aliases);
                }
            }
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        [Fact]
        public void Parameter_help_carries_required_position_pipeline_input_and_aliases()
        {
            var parameters = Items(Prop(Prop(Help("Get-MiloPosting"), "parameters"), "parameter"))
                .ToDictionary(p => Prop(p, "name")!.ToString()!, p => p!, StringComparer.OrdinalIgnoreCase);
            var postingId = parameters["PostingId"];
            Assert.Equal("true", Prop(postingId, "required")?.ToString());
            Assert.Equal("0", Prop(postingId, "position")?.ToString());
            Assert.Equal("True (ByPropertyName, ByValue)", Prop(postingId, "pipelineInput")?.ToString());
            Assert.Equal("Id, posting_id", Prop(postingId, "aliases")?.ToString());
            Assert.Equal("named", Prop(parameters["Search"], "position")?.ToString());
            Assert.Equal("100", Prop(parameters["PageSize"], "defaultValue")?.ToString());

            var syntax = Items(Prop(Prop(Help("Connect-Milo"), "syntax"), "syntaxItem"))
                .Select(s => string.Join(",", Items(Prop(s, "parameter")).Select(p => Prop(p, "name")!.ToString()).OrderBy(n => n)))
                .ToList();
            Assert.Equal(3, syntax.Count);
            Assert.Single(syntax, s => s.Split(',').Contains("ApiKey"));
            Assert.Single(syntax, s => s.Split(',').Contains("Credential"));
        }

        [Fact]
        public void Every_help_page_in_docs_cmdlets_is_an_exported_cmdlet_and_vice_versa()
        {
            var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "cmdlets"), "*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n).ToList();
            Assert.Equal(ExportedCmdlets().OrderBy(n => n), pages);
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, "en-US", "HeyMilo.dll-Help.xml")));
        }

        [Fact]
        public void No_help_text_shows_markdown_backticks_emphasis_or_link_syntax()
        {
            // Get-Help prints MAML text as it is. Example code is code (a backtick there is PowerShell's escape).
            XNamespace dev = "http://schemas.microsoft.com/maml/dev/2004/10";
            var maml = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "en-US", "HeyMilo.dll-Help.xml"));
            var texts = maml.DescendantNodes().OfType<XText>().Where(t => t.Parent!.Name != dev + "code").ToList();
            Assert.True(texts.Count > 500, texts.Count + " texts");
            var markdown = new Regex(@"`|\[[^\]]*\]\([^)]*\)|(\*\*|__)\S.*?\S?(\*\*|__)|(?<![\w*])[*_][^\s*_][^*_]*[*_](?![\w*])");
            var failures = texts.Where(t => markdown.IsMatch(t.Value))
                .Select(t => t.Ancestors().FirstOrDefault(a => a.Name.LocalName == "command")?.Descendants().FirstOrDefault(d => d.Name.LocalName == "name")?.Value + ": " + t.Value)
                .ToList();
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

            // And as Get-Help gives it: code spans are their text, asterisks inside them kept.
            var description = Text(Prop(Help("Get-MiloSession"), "description"));
            Assert.Contains("KeyFingerprint (at most the last four characters of the key, for example ****0001)", description);
        }

        [Fact]
        public void Get_Help_finds_about_HeyMilo_with_every_topic()
        {
            var result = Run("Get-Help -Name about_HeyMilo").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            var text = string.Join("\n", result.Output.Select(o => o.ToString()));
            Assert.StartsWith("TOPIC", text.TrimStart(), StringComparison.Ordinal);
            foreach (var heading in new[] { "CONNECTING", "SESSIONS", "PAGING", "THE RATE LIMIT", "ERRORS", "RUNBOOKS" })
                Assert.Contains("\n" + heading + "\n", text.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, "en-US", "about_HeyMilo.help.txt")));
        }

        [Fact]
        public void Get_Help_Online_points_at_the_page_of_the_cmdlet()
        {
            var links = Items(Prop(Prop(Help("Export-MiloInterview"), "relatedLinks"), "navigationLink")).ToList();
            Assert.Equal("https://github.com/heymilo/heymilo-powershell/blob/main/docs/cmdlets/Export-MiloInterview.md", Prop(links[0], "uri")?.ToString());
            Assert.Contains(links, l => Prop(l, "linkText")?.ToString() == "about_HeyMilo");
        }
    }
}

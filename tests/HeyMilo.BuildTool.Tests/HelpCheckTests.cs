using System.IO;
using System.Linq;
using HeyMilo.BuildTool.Help;
using Xunit;
using static HeyMilo.BuildTool.Tests.Pages;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>
    /// Every check the help build makes: a page that breaks the schema is one error, HM0001, with the page's
    /// file and the line to fix, and no MAML.
    /// </summary>
    public class HelpCheckTests
    {
        private static void AssertFails(string page, int line, string message, string path = PagePath)
        {
            var (command, diagnostics) = Compile(page, path);
            Assert.Null(command);
            var error = Assert.Single(diagnostics.Items);
            Assert.Equal(path, error.File);
            Assert.Equal(line, error.Line);
            Assert.Equal("HM0001", error.Code);
            Assert.Equal(message, error.Message);
        }

        [Fact]
        public void The_error_is_in_MSBuild_format_with_file_and_line()
        {
            var (_, diagnostics) = Compile(Replace("## SYNOPSIS\nGets things.\n", "## SYNOPSIS\n\n"));
            Assert.Equal(PagePath + "(" + LineOf(WellFormed, "## SYNOPSIS") + "): error HM0001: Empty synopsis.", Assert.Single(diagnostics.Items).ToString());
        }

        [Fact]
        public void Missing_front_matter()
        {
            var page = WellFormed.Substring(WellFormed.IndexOf("# Get-Thing", System.StringComparison.Ordinal));
            AssertFails(page, 1, "Missing YAML front matter (external help file, Module Name, online version).");
        }

        [Fact]
        public void Front_matter_not_closed()
        {
            AssertFails(Replace("schema: 2.0.0\n---\n", "schema: 2.0.0\n"), 1, "YAML front matter is not closed with ---.");
        }

        [Fact]
        public void Front_matter_naming_another_help_file()
        {
            AssertFails(Replace("external help file: HeyMilo.dll-Help.xml", "external help file: Other.dll-Help.xml"), 1,
                "Front matter must say 'external help file: HeyMilo.dll-Help.xml'.");
        }

        [Fact]
        public void Missing_title()
        {
            AssertFails(Replace("# Get-Thing\n", "Get-Thing\n"), 1, "Missing '# <Cmdlet-Name>' title.");
        }

        [Fact]
        public void Title_that_is_not_the_file_name()
        {
            var page = Replace("# Get-Thing\n", "# Get-Things\n");
            AssertFails(page, LineOf(page, "# Get-Things"), "The title 'Get-Things' does not match the file name 'Get-Thing'.");
        }

        [Fact]
        public void Title_that_is_not_Verb_Noun()
        {
            var page = Replace("# Get-Thing\n", "# GetThing\n");
            AssertFails(page, LineOf(page, "# GetThing"), "'GetThing' is not a Verb-Noun name.", "/repo/docs/cmdlets/GetThing.md");
        }

        [Theory]
        [InlineData("SYNOPSIS")]
        [InlineData("SYNTAX")]
        [InlineData("DESCRIPTION")]
        [InlineData("EXAMPLES")]
        [InlineData("PARAMETERS")]
        [InlineData("INPUTS")]
        [InlineData("OUTPUTS")]
        [InlineData("NOTES")]
        [InlineData("RELATED LINKS")]
        public void Missing_section(string section)
        {
            Assert.Contains(section, MamlCompiler.RequiredSections);
            var page = Replace("## " + section + "\n", "## Renamed " + section + "\n");
            AssertFails(page, LineOf(page, "# Get-Thing"), "Missing section '## " + section + "'.");
        }

        [Fact]
        public void Empty_synopsis()
        {
            var page = Replace("## SYNOPSIS\nGets things.\n", "## SYNOPSIS\n\n");
            AssertFails(page, LineOf(page, "## SYNOPSIS"), "Empty synopsis.");
        }

        [Fact]
        public void Parameter_heading_without_the_dash()
        {
            var page = Replace("### -All\n", "### All\n");
            AssertFails(page, LineOf(page, "Gets all things.") - 1, "Parameter heading must be '### -Name', not 'All'.");
        }

        [Fact]
        public void Parameter_without_a_yaml_block()
        {
            var page = Replace("Gets all things.\n\n```yaml\n", "Gets all things.\n\n```text\n");
            AssertFails(page, LineOf(page, "### -All"), "Parameter -All has no ```yaml block.");
        }

        [Fact]
        public void Parameter_without_a_description()
        {
            var page = Replace("### -All\nGets all things.\n", "### -All\n");
            AssertFails(page, LineOf(page, "### -All"), "Parameter -All has no description.");
        }

        [Theory]
        [InlineData("Type", "Type: SwitchParameter\n")]
        [InlineData("Parameter Sets", "Parameter Sets: All\n")]
        [InlineData("Required", "Required: False\n")]
        [InlineData("Position", "Position: Named\n")]
        [InlineData("Accept pipeline input", "Accept pipeline input: False\n")]
        public void Yaml_block_without_a_required_key(string key, string line)
        {
            Assert.Contains(key, MamlCompiler.RequiredYamlKeys);
            var page = Replace(line, string.Empty); // from the yaml block of -All, the first one
            AssertFails(page, LineOf(page, "```yaml"), "Parameter -All: the yaml block has no '" + key + "'.");
        }

        [Fact]
        public void Inputs_without_a_type_heading()
        {
            var page = Replace("### System.String[]\nNames.\n", "Names.\n");
            AssertFails(page, LineOf(page, "## INPUTS"), "'## INPUTS' names no type ('### TypeName').");
        }

        [Fact]
        public void Outputs_without_a_type_heading()
        {
            var page = Replace("### Thing\nOne per thing.\n", "One per thing.\n");
            AssertFails(page, LineOf(page, "## OUTPUTS"), "'## OUTPUTS' names no type ('### TypeName').");
        }

        [Fact]
        public void Example_without_fenced_code()
        {
            var page = Replace("```powershell\nGet-Thing -Name a\n```\n", "Get-Thing -Name a\n");
            AssertFails(page, LineOf(page, "### Example 1"), "Example 'Example 1: Get one' has no fenced code block.");
        }

        [Fact]
        public void Example_without_an_explanation_after_its_code()
        {
            var page = Replace("Gets the thing named a.\n", "");
            AssertFails(page, LineOf(page, "### Example 1"), "Example 'Example 1: Get one' has no explanation after its code.");
        }

        [Fact]
        public void Raw_html_in_the_text()
        {
            var page = Replace("Second paragraph.\n", "<div>Second paragraph.</div>\n");
            AssertFails(page, LineOf(page, "<div>"), "Raw HTML has no equivalent in MAML help; write it as markdown text.");
        }

        [Fact]
        public void An_html_comment_is_not_an_error_and_not_help_text()
        {
            var paras = Description("First.\n\n<!-- a note for the writers -->\n\nSecond.");
            Assert.Equal(new[] { "First.", "Second." }, paras);
        }

        [Fact]
        public void Every_page_is_checked_even_after_one_failed()
        {
            var dir = Directory.CreateTempSubdirectory("heymilo-help-").FullName;
            try
            {
                File.WriteAllText(System.IO.Path.Combine(dir, "Get-Thing.md"), Replace("## SYNOPSIS\nGets things.\n", "## SYNOPSIS\n\n"));
                File.WriteAllText(System.IO.Path.Combine(dir, "Set-Thing.md"), Replace("# Get-Thing\n", "# Set-Thing\n", Replace("## NOTES\n", "## NOTE\n")));
                var diagnostics = new DiagnosticBag();
                var document = new MamlCompiler(diagnostics, "HeyMilo.dll-Help.xml").Compile(Directory.GetFiles(dir));
                Assert.Null(document);
                Assert.Equal(new[] { "Get-Thing.md: Empty synopsis.", "Set-Thing.md: Missing section '## NOTES'." },
                    diagnostics.Items.Select(d => System.IO.Path.GetFileName(d.File) + ": " + d.Message));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}

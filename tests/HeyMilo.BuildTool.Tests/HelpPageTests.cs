using System.Linq;
using System.Xml.Linq;
using Xunit;
using static HeyMilo.BuildTool.Tests.Pages;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>A well-formed page compiles to the MAML Get-Help reads, with every section where PlatyPS puts it.</summary>
    public class HelpPageTests
    {
        private static XElement WellFormedCommand()
        {
            var (command, diagnostics) = Compile(WellFormed);
            Assert.Empty(diagnostics.Items);
            return Assert.IsType<XElement>(command);
        }

        private static XElement Parameter(XElement parent, string name) =>
            parent.Elements(Command + "parameter").Single(p => (string?)p.Element(Maml + "name") == name);

        [Fact]
        public void Details_carry_the_name_verb_noun_and_synopsis()
        {
            var details = WellFormedCommand().Element(Command + "details")!;
            Assert.Equal("Get-Thing", (string?)details.Element(Command + "name"));
            Assert.Equal("Get", (string?)details.Element(Command + "verb"));
            Assert.Equal("Thing", (string?)details.Element(Command + "noun"));
            Assert.Equal("Gets things.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        }

        [Fact]
        public void Description_is_one_para_per_markdown_paragraph_with_lines_joined()
        {
            var paras = WellFormedCommand().Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value);
            Assert.Equal(new[] { "Get-Thing gets the things you name.", "Second paragraph." }, paras);
        }

        [Fact]
        public void Syntax_has_one_item_per_parameter_set_with_its_parameters_by_position()
        {
            var items = WellFormedCommand().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(2, items.Count);
            Assert.All(items, i => Assert.Equal("Get-Thing", (string?)i.Element(Maml + "name")));
            Assert.Equal(new[] { "Name" }, items[0].Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));
            Assert.Equal(new[] { "All" }, items[1].Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));
            // A switch shows no value in the syntax (PlatyPS: "[-All]", not "[-All <SwitchParameter>]").
            Assert.Null(items[1].Element(Command + "parameter")!.Element(Command + "parameterValue"));
        }

        [Fact]
        public void Parameters_carry_the_yaml_metadata_and_skip_CommonParameters()
        {
            var parameters = WellFormedCommand().Element(Command + "parameters")!;
            Assert.Equal(new[] { "All", "Name" }, parameters.Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));

            var name = Parameter(parameters, "Name");
            Assert.Equal("true", (string?)name.Attribute("required"));
            Assert.Equal("true", (string?)name.Attribute("variableLength"));
            Assert.Equal("true", (string?)name.Attribute("globbing"));
            Assert.Equal("True (ByValue)", (string?)name.Attribute("pipelineInput"));
            Assert.Equal("0", (string?)name.Attribute("position"));
            Assert.Equal("N, ThingName", (string?)name.Attribute("aliases"));
            Assert.Equal("The names.", name.Element(Maml + "description")!.Element(Maml + "para")!.Value);
            Assert.Equal("String[]", (string?)name.Element(Command + "parameterValue"));
            Assert.Equal("String[]", (string?)name.Element(Dev + "type")!.Element(Maml + "name"));
            Assert.Equal("None", (string?)name.Element(Dev + "defaultValue"));

            var all = Parameter(parameters, "All");
            Assert.Equal("named", (string?)all.Attribute("position"));
            Assert.Equal("none", (string?)all.Attribute("aliases"));
            Assert.Equal("False", (string?)all.Element(Dev + "defaultValue"));
            Assert.Equal("SwitchParameter", (string?)all.Element(Command + "parameterValue"));
        }

        [Fact]
        public void Inputs_outputs_and_notes_carry_their_types_and_text()
        {
            var command = WellFormedCommand();
            var input = command.Element(Command + "inputTypes")!.Element(Command + "inputType")!;
            Assert.Equal("System.String[]", (string?)input.Element(Dev + "type")!.Element(Maml + "name"));
            Assert.Equal("Names.", input.Element(Maml + "description")!.Value);
            var output = command.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
            Assert.Equal("Thing", (string?)output.Element(Dev + "type")!.Element(Maml + "name"));
            Assert.Equal("Nothing to note.", command.Element(Maml + "alertSet")!.Element(Maml + "alert")!.Value);
        }

        [Fact]
        public void Examples_carry_the_title_the_code_as_written_and_the_explanation()
        {
            var examples = WellFormedCommand().Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.Equal(2, examples.Count);
            Assert.Equal("-------------------------- Example 1: Get one --------------------------", (string?)examples[0].Element(Maml + "title"));
            Assert.Equal("Get-Thing -Name a", (string?)examples[0].Element(Dev + "code"));
            Assert.Equal("Gets the thing named a.", examples[0].Element(Dev + "remarks")!.Element(Maml + "para")!.Value);
            Assert.Equal("Get-Thing -All |\n    Select-Object -First 2", (string?)examples[1].Element(Dev + "code"));
        }

        [Fact]
        public void Related_links_start_with_the_online_version_and_keep_only_web_addresses()
        {
            var links = WellFormedCommand().Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink")
                .Select(l => ((string?)l.Element(Maml + "linkText"), (string?)l.Element(Maml + "uri"))).ToList();
            Assert.Equal(new (string?, string?)[]
            {
                ("Online Version:", "https://example.test/docs/Get-Thing.md"),
                ("Get-Other", "https://example.test/docs/Get-Other.md"),
                ("about_Things", ""),
            }, links);
        }

        [Fact]
        public void Related_links_written_as_a_list_are_links_too()
        {
            var page = Replace("[Get-Other](https://example.test/docs/Get-Other.md)\n\n[about_Things]()\n",
                "- [Get-Other](https://example.test/docs/Get-Other.md)\n- [Sessions](../sessions.md)\n\nabout_Things\n");
            var (command, diagnostics) = Compile(page);
            Assert.Empty(diagnostics.Items);
            var links = command!.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink")
                .Select(l => ((string?)l.Element(Maml + "linkText"), (string?)l.Element(Maml + "uri"))).Skip(1).ToList();
            Assert.Equal(new (string?, string?)[]
            {
                ("Get-Other", "https://example.test/docs/Get-Other.md"),
                ("Sessions", ""), // a relative link means nothing to Get-Help -Online
                ("about_Things", ""),
            }, links);
        }

        [Fact]
        public void A_page_without_parameter_sets_has_one_syntax_item_with_every_parameter()
        {
            var page = Replace("### ByName (Default)\n\n```\nGet-Thing [-Name] <String[]> [<CommonParameters>]\n```\n\n### All\n\n```\nGet-Thing -All [<CommonParameters>]\n```\n",
                "```\nGet-Thing [-Name] <String[]> [-All] [<CommonParameters>]\n```\n");
            var (command, diagnostics) = Compile(page);
            Assert.Empty(diagnostics.Items);
            var item = Assert.Single(command!.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
            Assert.Equal(new[] { "Name", "All" }, item.Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));
        }
    }
}

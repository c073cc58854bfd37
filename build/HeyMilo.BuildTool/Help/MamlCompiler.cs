using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeyMilo.BuildTool.Help
{
    /// <summary>
    /// Compiles PlatyPS-format cmdlet pages (schema 2.0.0: front matter, '# Verb-Noun', the '## SYNOPSIS' ...
    /// '## RELATED LINKS' sections) into one MAML file, the external help Get-Help reads. Markdown is parsed
    /// with Markdig (CommonMark plus YAML front matter); text is rendered by <see cref="MarkdownText"/>.
    /// A page that breaks the schema is reported with its file and line (<see cref="Codes.HelpPage"/>) and
    /// nothing is written.
    /// </summary>
    internal sealed class MamlCompiler
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        internal static readonly string[] RequiredSections =
            { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        internal static readonly string[] RequiredYamlKeys = { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input" };

        private readonly DiagnosticBag _diagnostics;
        private readonly string _helpFileName;

        /// <param name="helpFileName">The MAML file name the pages' front matter must name ('external help file: ...').</param>
        public MamlCompiler(DiagnosticBag diagnostics, string helpFileName)
        {
            _diagnostics = diagnostics;
            _helpFileName = helpFileName;
        }

        /// <summary>Compiles the pages (in ordinal order of their paths); null when any page failed a check.</summary>
        public XDocument? Compile(IEnumerable<string> pagePaths)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev), new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp));
            var before = _diagnostics.Items.Count;
            foreach (var path in pagePaths.Select(Path.GetFullPath).OrderBy(p => p, StringComparer.Ordinal))
            {
                var command = CompilePage(path, File.ReadAllText(path));
                if (command != null) root.Add(command);
            }
            return _diagnostics.Items.Count > before ? null : new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        public static void Save(XDocument document, string outputFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputFile))!);
            using var writer = new StreamWriter(outputFile, false, new UTF8Encoding(false));
            document.Save(writer);
        }

        private sealed class Section
        {
            public Section(string title, int line) { Title = title; Line = line; }
            public string Title { get; }
            public int Line { get; }
            public List<Block> Blocks { get; } = new List<Block>();
        }

        private sealed class Parameter
        {
            public Parameter(string name) { Name = name; }
            public string Name { get; }
            public List<string> Description { get; set; } = new List<string>();
            public Dictionary<string, string> Yaml { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>One page as a MAML command element, or null when a check failed in a way the rest depends on.</summary>
        /// <param name="path">The page's path, as errors name it; its file name must be the cmdlet name.</param>
        public XElement? CompilePage(string path, string markdown)
        {
            var failures = 0;
            void Fail(int line, string message)
            {
                failures++;
                _diagnostics.Add(path, line, Codes.HelpPage, message);
            }
            static int LineOf(Block block) => block.Line + 1;

            var document = Markdown.Parse(markdown, Pipeline);
            var blocks = document.ToList();

            // Front matter: PlatyPS reads the online version from it; the help file name tells Get-Help where to look.
            var online = string.Empty;
            var firstLine = markdown.Split('\n')[0].TrimEnd('\r', ' ', '\t');
            if (blocks.FirstOrDefault() is YamlFrontMatterBlock front)
            {
                blocks.RemoveAt(0);
                var lines = front.Lines.Lines.Take(front.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()).ToList();
                var onlineLine = lines.FirstOrDefault(l => l.StartsWith("online version:", StringComparison.Ordinal));
                online = onlineLine == null ? string.Empty : onlineLine.Substring("online version:".Length).Trim();
                if (!lines.Any(l => l.StartsWith("external help file: " + _helpFileName, StringComparison.Ordinal)))
                    Fail(1, "Front matter must say 'external help file: " + _helpFileName + "'.");
            }
            else if (firstLine == "---")
            {
                Fail(1, "YAML front matter is not closed with ---.");
                return null;
            }
            else Fail(1, "Missing YAML front matter (external help file, Module Name, online version).");

            if (!(blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is HeadingBlock title))
            {
                Fail(1, "Missing '# <Cmdlet-Name>' title.");
                return null;
            }
            var name = MarkdownText.SingleLine(title.Inline);
            var expected = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(name, expected, StringComparison.Ordinal))
                Fail(LineOf(title), "The title '" + name + "' does not match the file name '" + expected + "'.");
            var dash = name.IndexOf('-');
            if (dash <= 0)
            {
                Fail(LineOf(title), "'" + name + "' is not a Verb-Noun name.");
                return null;
            }

            var sections = Split(blocks, 2);
            Section Get(string key)
            {
                var section = sections.FirstOrDefault(s => string.Equals(s.Title, key, StringComparison.OrdinalIgnoreCase));
                if (section == null) Fail(LineOf(title), "Missing section '## " + key + "'.");
                return section!;
            }
            var synopsis = Get("SYNOPSIS"); var syntax = Get("SYNTAX"); var description = Get("DESCRIPTION");
            var examples = Get("EXAMPLES"); var parameters = Get("PARAMETERS"); var inputs = Get("INPUTS");
            var outputs = Get("OUTPUTS"); var notes = Get("NOTES"); var links = Get("RELATED LINKS");
            if (failures > 0) return null;

            List<string> Paragraphs(IEnumerable<Block> body) => MarkdownText.Paragraphs(body, (line, message) => Fail(line, message));

            var synopsisText = string.Join(" ", Paragraphs(synopsis.Blocks));
            if (synopsisText.Length == 0) Fail(synopsis.Line, "Empty synopsis.");

            var descriptionParas = Paragraphs(description.Blocks);
            var notesParas = Paragraphs(notes.Blocks);

            var setNames = Split(syntax.Blocks, 3).Select(s => Regex.Replace(s.Title, @"\s*\(Default\)\s*$", "")).ToList();

            var parms = new List<Parameter>();
            foreach (var ps in Split(parameters.Blocks, 3))
            {
                if (ps.Title == "CommonParameters") continue;
                if (!ps.Title.StartsWith("-", StringComparison.Ordinal))
                {
                    Fail(ps.Line, "Parameter heading must be '### -Name', not '" + ps.Title + "'.");
                    continue;
                }
                var p = new Parameter(ps.Title.Substring(1).Trim());
                var yamlAt = ps.Blocks.FindIndex(b => b is FencedCodeBlock f && string.Equals(f.Info, "yaml", StringComparison.OrdinalIgnoreCase));
                if (yamlAt < 0)
                {
                    Fail(ps.Line, "Parameter -" + p.Name + " has no ```yaml block.");
                    continue;
                }
                p.Description = Paragraphs(ps.Blocks.Take(yamlAt));
                if (p.Description.Count == 0) Fail(ps.Line, "Parameter -" + p.Name + " has no description.");
                var yaml = (FencedCodeBlock)ps.Blocks[yamlAt];
                foreach (var line in MarkdownText.CodeText(yaml).Split('\n'))
                {
                    var colon = line.IndexOf(':');
                    if (colon > 0) p.Yaml[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }
                foreach (var key in RequiredYamlKeys)
                    if (!p.Yaml.ContainsKey(key)) Fail(LineOf(yaml), "Parameter -" + p.Name + ": the yaml block has no '" + key + "'.");
                parms.Add(p);
            }

            var inputTypes = Types(inputs, Command + "inputType", Paragraphs, Fail);
            var returnValues = Types(outputs, Command + "returnValue", Paragraphs, Fail);

            var exampleElement = new XElement(Command + "examples");
            foreach (var ex in Split(examples.Blocks, 3))
            {
                var fence = ex.Blocks.FindIndex(b => b is FencedCodeBlock);
                if (fence < 0)
                {
                    Fail(ex.Line, "Example '" + ex.Title + "' has no fenced code block.");
                    continue;
                }
                var remarks = Paragraphs(ex.Blocks.Skip(fence + 1));
                if (remarks.Count == 0) Fail(ex.Line, "Example '" + ex.Title + "' has no explanation after its code.");
                // Text before the code (PlatyPS's introduction) is kept, ahead of the explanation.
                var introduction = Paragraphs(ex.Blocks.Take(fence));
                exampleElement.Add(new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + ex.Title + " --------------------------"),
                    new XElement(Dev + "code", MarkdownText.CodeText((FencedCodeBlock)ex.Blocks[fence])),
                    new XElement(Dev + "remarks", Paras(introduction.Concat(remarks)))));
            }

            var linkElement = new XElement(Maml + "relatedLinks");
            // Get-Help -Online opens the first link's uri: PlatyPS puts the page's online version first.
            if (online.Length > 0)
                linkElement.Add(NavigationLink("Online Version:", online));
            foreach (var (text, uri) in RelatedLinks(links.Blocks))
                linkElement.Add(NavigationLink(text, MarkdownText.IsWebAddress(uri) ? uri : string.Empty));

            if (failures > 0) return null;

            var command = new XElement(Command + "command",
                new XElement(Command + "details",
                    new XElement(Command + "name", name),
                    new XElement(Command + "verb", name.Substring(0, dash)),
                    new XElement(Command + "noun", name.Substring(dash + 1)),
                    new XElement(Maml + "description", new XElement(Maml + "para", synopsisText))),
                new XElement(Maml + "description", Paras(descriptionParas)));

            var syntaxElement = new XElement(Command + "syntax");
            foreach (var set in setNames.Count == 0 ? new List<string?> { null } : setNames.Cast<string?>().ToList())
            {
                var item = new XElement(Command + "syntaxItem", new XElement(Maml + "name", name));
                foreach (var p in parms.Where(p => InSet(p, set)).OrderBy(Position))
                    item.Add(ParameterElement(p, true));
                syntaxElement.Add(item);
            }
            command.Add(syntaxElement);
            command.Add(new XElement(Command + "parameters", parms.Select(p => ParameterElement(p, false))));
            command.Add(new XElement(Command + "inputTypes", inputTypes));
            command.Add(new XElement(Command + "returnValues", returnValues));
            command.Add(new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(notesParas))));
            command.Add(exampleElement);
            command.Add(linkElement);
            return command;
        }

        private static XElement NavigationLink(string text, string uri) =>
            new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

        /// <summary>
        /// The links of RELATED LINKS, one per markdown link (in paragraphs or list items); a paragraph without a
        /// link is a link with that text and no address, such as a bare about_ topic name.
        /// </summary>
        private static IEnumerable<(string Text, string Uri)> RelatedLinks(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                if (block is ParagraphBlock paragraph)
                {
                    var found = paragraph.Inline?.Descendants<LinkInline>().Where(l => !l.IsImage).ToList() ?? new List<LinkInline>();
                    if (found.Count == 0)
                    {
                        var text = MarkdownText.SingleLine(paragraph.Inline);
                        if (text.Length > 0) yield return (text, string.Empty);
                    }
                    foreach (var link in found) yield return (MarkdownText.LinkLabel(link), link.Url ?? string.Empty);
                }
                else if (block is ContainerBlock container)
                {
                    foreach (var link in RelatedLinks(container)) yield return link;
                }
            }
        }

        private static IEnumerable<XElement> Types(Section section, XName elementName, Func<IEnumerable<Block>, List<string>> paragraphs, Action<int, string> fail)
        {
            var types = Split(section.Blocks, 3);
            if (types.Count == 0) fail(section.Line, "'## " + section.Title + "' names no type ('### TypeName').");
            return types.Select(t => new XElement(elementName,
                new XElement(Dev + "type", new XElement(Maml + "name", t.Title), new XElement(Maml + "uri")),
                new XElement(Maml + "description", Paras(paragraphs(t.Blocks))))).ToList();
        }

        private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

        /// <summary>
        /// Splits blocks at headings of the given level: each heading starts a section holding the blocks up to
        /// the next heading of that level or higher. Blocks before the first such heading belong to none.
        /// </summary>
        private static List<Section> Split(IEnumerable<Block> blocks, int level)
        {
            var result = new List<Section>();
            Section? current = null;
            foreach (var block in blocks)
            {
                if (block is HeadingBlock heading && heading.Level <= level)
                {
                    current = heading.Level == level ? new Section(MarkdownText.SingleLine(heading.Inline), heading.Line + 1) : null;
                    if (current != null) result.Add(current);
                }
                else current?.Blocks.Add(block);
            }
            return result;
        }

        private static bool InSet(Parameter p, string? set)
        {
            var sets = p.Yaml["Parameter Sets"];
            if (set == null || sets == "(All)") return true;
            return sets.Split(',').Select(s => s.Trim()).Contains(set, StringComparer.OrdinalIgnoreCase);
        }

        private static int Position(Parameter p) => int.TryParse(p.Yaml["Position"], out var n) ? n : int.MaxValue;

        private static XElement ParameterElement(Parameter p, bool inSyntax)
        {
            var type = p.Yaml["Type"];
            var isSwitch = type == "SwitchParameter";
            var position = p.Yaml["Position"];
            var aliases = p.Yaml.TryGetValue("Aliases", out var value) && value.Length > 0 ? value : "none";
            var required = string.Equals(p.Yaml["Required"], "True", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            var wildcard = p.Yaml.TryGetValue("Accept wildcard characters", out value) && string.Equals(value, "True", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            var element = new XElement(Command + "parameter",
                new XAttribute("required", required),
                new XAttribute("variableLength", type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
                new XAttribute("globbing", wildcard),
                new XAttribute("pipelineInput", p.Yaml["Accept pipeline input"]),
                new XAttribute("position", string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : position),
                new XAttribute("aliases", aliases),
                new XElement(Maml + "name", p.Name),
                new XElement(Maml + "description", Paras(p.Description)));
            if (inSyntax && p.Yaml.TryGetValue("Accepted values", out var accepted) && accepted.Length > 0)
            {
                element.Add(new XElement(Command + "parameterValueGroup",
                    accepted.Split(',').Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v.Trim()))));
            }
            if (!isSwitch || !inSyntax)
                element.Add(new XElement(Command + "parameterValue", new XAttribute("required", isSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), type));
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")));
            element.Add(new XElement(Dev + "defaultValue", p.Yaml.TryGetValue("Default value", out value) && value.Length > 0 ? value : "None"));
            return element;
        }
    }
}

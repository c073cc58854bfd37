using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using static HeyMilo.BuildTool.Tests.Pages;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>
    /// Get-Help prints MAML text as it is, so markdown must be rendered, not copied: no backticks, emphasis
    /// asterisks or [text](url) may reach the help. Lists become one para per item, as PlatyPS writes them.
    /// </summary>
    public class HelpRenderingTests
    {
        [Theory]
        [InlineData("Use `Get-Thing -Name a`.", "Use Get-Thing -Name a.")]
        [InlineData("A fingerprint such as `****0001`.", "A fingerprint such as ****0001.")] // the old converter dropped every "**"
        [InlineData("``Code with a ` backtick``.", "Code with a ` backtick.")] // a backtick that is code is kept as code
        [InlineData("**Bold**, *italic*, _italic_ and __bold__.", "Bold, italic, italic and bold.")]
        [InlineData("A ***strong and emphasised*** word.", "A strong and emphasised word.")]
        [InlineData("See [the guide](https://example.test/guide) for more.", "See the guide (https://example.test/guide) for more.")]
        [InlineData("See [Sessions](../sessions.md) for more.", "See Sessions for more.")]
        [InlineData("See [`Connect-Milo`](Connect-Milo.md).", "See Connect-Milo.")]
        [InlineData("Open <https://example.test/x> now.", "Open https://example.test/x now.")]
        [InlineData("Read [https://example.test/x](https://example.test/x).", "Read https://example.test/x.")]
        [InlineData("An image: ![a diagram](diagram.png).", "An image: a diagram.")]
        [InlineData("Escaped \\*stars\\* and \\`ticks\\`.", "Escaped *stars* and `ticks`.")]
        [InlineData("Fish &amp; chips &lt;3.", "Fish & chips <3.")]
        [InlineData("Takes -Path <String> and writes <name>.tmp.", "Takes -Path <String> and writes <name>.tmp.")]
        [InlineData("Two lines\njoined by a space.", "Two lines joined by a space.")]
        [InlineData("snake_case_names stay as they are.", "snake_case_names stay as they are.")]
        public void Inline_markdown_becomes_plain_text(string markdown, string text)
        {
            Assert.Equal(new[] { text }, Description(markdown));
        }

        [Fact]
        public void A_bullet_list_is_one_para_per_item()
        {
            var paras = Description("Formats:\n\n- `Json`: one array\n- **Csv**: one row per interview\n* Jsonl, with the other bullet");
            Assert.Equal(new[] { "Formats:", "- Json: one array", "- Csv: one row per interview", "- Jsonl, with the other bullet" }, paras);
        }

        [Fact]
        public void A_list_right_after_a_line_of_text_is_still_a_list()
        {
            Assert.Equal(new[] { "Formats:", "- Json", "- Csv" }, Description("Formats:\n- Json\n- Csv"));
        }

        [Fact]
        public void An_ordered_list_keeps_its_numbers()
        {
            Assert.Equal(new[] { "3. connect", "4. list" }, Description("3. connect\n4. list"));
        }

        [Fact]
        public void Nested_lists_and_item_paragraphs_are_indented_under_their_item()
        {
            var paras = Description("- First\n  - inner *one*\n  - inner two\n- Second\n\n  more about the second\n- Third");
            Assert.Equal(new[] { "- First", "  - inner one", "  - inner two", "- Second", "  more about the second", "- Third" }, paras);
        }

        [Fact]
        public void A_hard_line_break_starts_a_new_para()
        {
            Assert.Equal(new[] { "Line one", "line two" }, Description("Line one  \nline two"));
            Assert.Equal(new[] { "Line one", "line two" }, Description("Line one\\\nline two"));
        }

        [Fact]
        public void Headings_quotes_and_code_blocks_in_a_description_are_their_text()
        {
            var paras = Description("#### Modes\n\n> A *quoted* note.\n\n```powershell\nGet-Thing |\n    Out-Host\n```\n\n---\n\nAfter the rule.");
            Assert.Equal(new[] { "Modes", "A quoted note.", "Get-Thing |\n    Out-Host", "After the rule." }, paras);
        }

        [Fact]
        public void No_markdown_syntax_reaches_any_text_of_a_page_full_of_it()
        {
            var page = WellFormed
                .Replace("Gets things.", "Gets `things` with **bold** and [a link](https://example.test/a).")
                .Replace("The names.", "The names (`Name`, *or* [Alias](Alias.md)):\n\n- `a`\n- **b**")
                .Replace("Names.", "Names, as `String` values.")
                .Replace("Gets the thing named a.", "Gets the thing named `a`; see [about_Things](about_Things.md).")
                .Replace("Nothing to note.", "- `one`\n- _two_");
            var (command, diagnostics) = Compile(page);
            Assert.Empty(diagnostics.Items);
            var texts = command!.DescendantNodes().OfType<System.Xml.Linq.XText>()
                .Where(t => t.Parent!.Name != Dev + "code")
                .Select(t => t.Value).ToList();
            Assert.NotEmpty(texts);
            Assert.DoesNotContain(texts, t => t.Contains('`'));
            Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"\[[^\]]*\]\([^)]*\)"));
            Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"(\*\*|__)\S"));
            Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"(?<![\w*])[*_]\w[^*_]*[*_](?![\w*])"));
        }
    }
}

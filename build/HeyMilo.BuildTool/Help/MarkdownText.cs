using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeyMilo.BuildTool.Help
{
    /// <summary>
    /// Markdown blocks as MAML paragraphs of plain text, the way PlatyPS writes them: Get-Help prints text, so no
    /// markdown syntax may survive. Inline code is its text, emphasis its text, a link its text followed by the
    /// address in parentheses when that is an absolute http(s) URL (PlatyPS's form; a relative link, such as
    /// another docs page, means nothing in a console and keeps only its text), an image its alternative text.
    /// Each paragraph, and each list item (as "- item" or "1. item", nested items indented), is one MAML para;
    /// a hard line break starts a new one. Code blocks keep their lines as they are.
    /// </summary>
    internal static class MarkdownText
    {
        /// <summary>Called for a block MAML has no equivalent for (raw HTML): the line (1-based) and a message.</summary>
        public delegate void UnsupportedBlock(int line, string message);

        public static List<string> Paragraphs(IEnumerable<Block> blocks, UnsupportedBlock? unsupported = null)
        {
            var result = new List<string>();
            foreach (var block in blocks) Render(block, result, unsupported);
            return result.Where(p => p.Trim().Length > 0).ToList();
        }

        /// <summary>The text of a heading or a paragraph on one line (hard breaks become spaces).</summary>
        public static string SingleLine(ContainerInline? inline)
        {
            var builder = new StringBuilder();
            AppendInline(inline, builder, null);
            return builder.ToString().Trim();
        }

        /// <summary>The text of a link (or an image's alternative text), without its address.</summary>
        public static string LinkLabel(LinkInline link)
        {
            var builder = new StringBuilder();
            foreach (var child in link) AppendInline(child, builder, null);
            return builder.ToString().Trim();
        }

        /// <summary>The lines of a code block as written, trailing spaces removed.</summary>
        public static string CodeText(LeafBlock block)
        {
            var lines = new List<string>();
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count)) lines.Add(line.Slice.ToString().TrimEnd());
            return string.Join("\n", lines);
        }

        private static void Render(Block block, List<string> output, UnsupportedBlock? unsupported)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    output.AddRange(InlineParagraphs(paragraph.Inline));
                    break;
                case HeadingBlock heading:
                    output.Add(SingleLine(heading.Inline));
                    break;
                case CodeBlock code: // fenced or indented
                    output.Add(CodeText(code));
                    break;
                case ListBlock list:
                    var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? number.ToString(CultureInfo.InvariantCulture) + list.OrderedDelimiter + " " : "- ";
                        number++;
                        var inner = Paragraphs(item, unsupported);
                        if (inner.Count == 0) inner.Add(string.Empty);
                        var indent = new string(' ', marker.Length);
                        for (var i = 0; i < inner.Count; i++) output.Add(Prefix(inner[i], i == 0 ? marker : indent, indent));
                    }
                    break;
                case QuoteBlock quote:
                    output.AddRange(Paragraphs(quote, unsupported));
                    break;
                case HtmlBlock html:
                    if (html.Type != HtmlBlockType.Comment)
                        unsupported?.Invoke(html.Line + 1, "Raw HTML has no equivalent in MAML help; write it as markdown text.");
                    break;
                case ContainerBlock container:
                    output.AddRange(Paragraphs(container, unsupported));
                    break;
                // Thematic breaks, link reference definitions and blank lines carry no text.
            }
        }

        /// <summary>Prefixes the first line of a paragraph with <paramref name="first"/> and its other lines with <paramref name="rest"/>.</summary>
        private static string Prefix(string paragraph, string first, string rest)
        {
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++) lines[i] = (i == 0 ? first : rest) + lines[i];
            return string.Join("\n", lines).TrimEnd();
        }

        private static List<string> InlineParagraphs(ContainerInline? inline)
        {
            var paragraphs = new List<string>();
            var builder = new StringBuilder();
            AppendInline(inline, builder, () =>
            {
                paragraphs.Add(builder.ToString().Trim());
                builder.Clear();
            });
            paragraphs.Add(builder.ToString().Trim());
            return paragraphs.Where(p => p.Length > 0).ToList();
        }

        /// <param name="hardBreak">What a hard line break does; null: it is a space.</param>
        private static void AppendInline(Inline? inline, StringBuilder builder, Action? hardBreak)
        {
            switch (inline)
            {
                case null:
                    return;
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    return;
                case CodeInline code:
                    builder.Append(code.Content);
                    return;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard && hardBreak != null) hardBreak();
                    else builder.Append(' ');
                    return;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    return;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    return;
                case HtmlInline html:
                    // Text such as <String> or <name> outside code is parsed as an HTML tag; the reader meant the text.
                    builder.Append(html.Tag);
                    return;
                case LinkInline link:
                    var label = LinkLabel(link);
                    builder.Append(label);
                    if (!link.IsImage && IsWebAddress(link.Url) && !string.Equals(label, link.Url, StringComparison.Ordinal))
                        builder.Append(label.Length > 0 ? " (" + link.Url + ")" : link.Url);
                    return;
                case ContainerInline container: // emphasis, and any other container: its text
                    foreach (var child in container) AppendInline(child, builder, hardBreak);
                    return;
                default:
                    builder.Append(inline.ToString());
                    return;
            }
        }

        public static bool IsWebAddress(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}

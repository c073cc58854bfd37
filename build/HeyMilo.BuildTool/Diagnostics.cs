using System.Collections.Generic;
using System.IO;

namespace HeyMilo.BuildTool
{
    /// <summary>
    /// One build error in MSBuild's canonical format, <c>file(line): error CODE: message</c>, which MSBuild's Exec
    /// task turns into a real build error with that file and line (and editors link to it).
    /// </summary>
    internal sealed record Diagnostic(string File, int Line, string Code, string Message)
    {
        public override string ToString() =>
            Line > 0 ? $"{File}({Line}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
    }

    /// <summary>Error codes the tool reports.</summary>
    internal static class Codes
    {
        /// <summary>The tool itself: bad arguments, unreadable input, an unexpected exception.</summary>
        public const string Tool = "HM0000";

        /// <summary>A help page (docs/cmdlets/*.md) that does not follow the PlatyPS schema the compiler reads.</summary>
        public const string HelpPage = "HM0001";

        /// <summary>A module manifest (.psd1) that cannot be read, or lacks what the package needs.</summary>
        public const string Manifest = "HM0002";
    }

    internal sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();

        public IReadOnlyList<Diagnostic> Items => _items;

        public bool HasErrors => _items.Count > 0;

        public void Add(string file, int line, string code, string message) => _items.Add(new Diagnostic(file, line, code, message));

        public void WriteTo(TextWriter writer)
        {
            foreach (var item in _items) writer.WriteLine(item.ToString());
        }
    }
}

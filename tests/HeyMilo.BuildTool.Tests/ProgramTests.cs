using System.IO;
using System.Xml.Linq;
using Xunit;
using static HeyMilo.BuildTool.Tests.Pages;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>The command line MSBuild runs: output file, exit code, and errors in the format Exec reports.</summary>
    public sealed class ProgramTests : System.IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("heymilo-tool-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static (int Exit, string Output) Run(params string[] args)
        {
            var output = new StringWriter();
            var exit = Program.Run(args, output);
            return (exit, output.ToString());
        }

        [Fact]
        public void Help_writes_the_MAML_of_the_pages_in_the_list()
        {
            var page = Write("Get-Thing.md", WellFormed);
            var list = Write("pages.txt", page + "\n");
            var maml = System.IO.Path.Combine(_dir, "en-US", "HeyMilo.dll-Help.xml");

            var (exit, output) = Run("help", "--out", maml, "--page-list", list);

            Assert.Equal(0, exit);
            Assert.Contains("1 pages", output);
            var root = XDocument.Load(maml).Root!;
            Assert.Equal("helpItems", root.Name.LocalName);
            Assert.Single(root.Elements(Command + "command"));
        }

        [Fact]
        public void Help_prints_each_error_as_file_line_error_code_and_writes_no_MAML()
        {
            var page = Write("Get-Thing.md", Replace("### -All\nGets all things.\n", "### -All\n"));
            var maml = Write("HeyMilo.dll-Help.xml", "<stale />");

            var (exit, output) = Run("help", "--out", maml, page);

            Assert.Equal(1, exit);
            Assert.Equal(page + "(" + LineOf(WellFormed, "### -All") + "): error HM0001: Parameter -All has no description.", output.Trim());
            Assert.False(File.Exists(maml)); // the previous build's help is not left to be shipped
        }

        [Fact]
        public void Wrong_arguments_are_an_error_and_exit_code_2()
        {
            var (exit, output) = Run("help", "--out");
            Assert.Equal(2, exit);
            Assert.StartsWith("HeyMilo.BuildTool: error HM0000: --out needs a value.", output);
            Assert.Equal(2, Run("compile").Exit);
        }
    }
}

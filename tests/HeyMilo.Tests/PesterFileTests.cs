using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Static checks of tests/Pester against the built module. The Pester suite runs in real pwsh
    /// (build.ps1 -Task Test); these catch early the mistakes that would only show up there: a parameter a
    /// cmdlet does not have, an error id or type name the module never produces, set-up that is not the
    /// shared one, a case that is skipped.
    /// </summary>
    public sealed class PesterFileTests : IDisposable
    {
        private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Pester");
        private static readonly Regex ErrorId = new Regex(@"^(?<reason>[A-Za-z]+(\.[A-Za-z]+)?),HeyMilo\.Commands\.(?<class>\w+)$");
        private static readonly Regex TypeName = new Regex(@"^HeyMilo\.[A-Z][A-Za-z]+$");

        private readonly PsHost _ps = new PsHost();
        private readonly Dictionary<string, CmdletInfo> _cmdlets;

        public PesterFileTests()
        {
            _cmdlets = _ps.Invoke("Get-Command -Module HeyMilo").ThrowIfTerminating().Output
                .Select(o => (CmdletInfo)o.BaseObject)
                .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        }

        public void Dispose() => _ps.Dispose();

        public static IEnumerable<object[]> PesterFiles() =>
            Directory.EnumerateFiles(Folder, "*.ps*1").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(PesterFiles))]
        public void Milo_cmdlets_are_called_only_with_parameters_they_have(string file)
        {
            var problems = new List<string>();
            foreach (var command in Parse(file).FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                var name = command.GetCommandName();
                if (name is null || !_cmdlets.TryGetValue(name, out var cmdlet)) continue;
                var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in cmdlet.Parameters.Values)
                {
                    known.Add(parameter.Name);
                    foreach (var alias in parameter.Aliases) known.Add(alias);
                }
                foreach (var used in command.CommandElements.OfType<CommandParameterAst>())
                    if (!known.Contains(used.ParameterName))
                        problems.Add($"line {used.Extent.StartLineNumber}: {name} has no parameter -{used.ParameterName}");
            }
            Assert.True(problems.Count == 0, file + ": " + string.Join("; ", problems));
        }

        [Theory]
        [MemberData(nameof(PesterFiles))]
        public void Error_ids_and_type_names_are_ones_the_module_produces(string file)
        {
            var assembly = _cmdlets.Values.First().ImplementingType.Assembly;
            var reasons = SourceStrings();
            var problems = new List<string>();
            foreach (var text in Parse(file).FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
            {
                var value = text.Value;
                var line = text.Extent.StartLineNumber;
                var id = ErrorId.Match(value);
                if (id.Success)
                {
                    var type = assembly.GetType("HeyMilo.Commands." + id.Groups["class"].Value);
                    if (type is null || !_cmdlets.Values.Any(c => c.ImplementingType == type))
                        problems.Add($"line {line}: '{value}' names no cmdlet class");
                    var reason = id.Groups["reason"].Value;
                    if (reason.StartsWith("HeyMilo.", StringComparison.Ordinal))
                    {
                        if (!reasons.Contains(reason.Substring("HeyMilo.".Length)))
                            problems.Add($"line {line}: '{value}': the module never creates the reason {reason}");
                    }
                    else if (reason != "ParameterArgumentValidationError" && reason != "ParameterArgumentTransformationError"
                             && reason != "NamedParameterNotFound" && reason != "ParameterBindingFailed" && reason != "MissingMandatoryParameter")
                    {
                        problems.Add($"line {line}: '{value}' is neither a HeyMilo error id nor a parameter binding one");
                    }
                }
                else if (TypeName.IsMatch(value) && assembly.GetType(value) is null && ModuleInternals.EngineAssembly.GetType(value) is null)
                {
                    problems.Add($"line {line}: the module has no type {value}");
                }
            }
            Assert.True(problems.Count == 0, file + ": " + string.Join("; ", problems));
        }

        public static IEnumerable<object[]> TestFiles() =>
            Directory.EnumerateFiles(Folder, "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void The_suite_has_test_files()
        {
            Assert.NotEmpty(TestFiles());
        }

        /// <summary>
        /// The shared set-up lives once, in TestHelpers.psm1: each file's own BeforeAll calls Start-MiloTestSession
        /// and its AfterAll Stop-MiloTestSession, and no file starts a simulator, imports the module or connects
        /// in its set-up by itself.
        /// </summary>
        [Theory]
        [MemberData(nameof(TestFiles))]
        public void Test_files_set_up_and_tear_down_through_TestHelpers(string file)
        {
            var ast = Parse(file);
            var topLevel = ((ScriptBlockAst)ast).EndBlock.Statements
                .OfType<PipelineAst>()
                .Select(p => p.PipelineElements.Count == 1 ? p.PipelineElements[0] as CommandAst : null)
                .Where(c => c is not null)
                .Select(c => c!)
                .ToList();
            var problems = new List<string>();

            var beforeAll = topLevel.Where(c => Is(c, "BeforeAll")).ToList();
            var afterAll = topLevel.Where(c => Is(c, "AfterAll")).ToList();
            if (beforeAll.Count != 1) problems.Add($"{beforeAll.Count} file-level BeforeAll blocks, not 1");
            if (afterAll.Count != 1) problems.Add($"{afterAll.Count} file-level AfterAll blocks, not 1");
            if (beforeAll.Count == 1)
            {
                var calls = Calls(beforeAll[0]).ToList();
                if (calls.Count(c => Is(c, "Start-MiloTestSession")) != 1) problems.Add("the file-level BeforeAll does not call Start-MiloTestSession once");
                var imports = calls.Where(c => Is(c, "Import-Module")).ToList();
                if (imports.Count != 1 || !imports[0].Extent.Text.Contains("TestHelpers.psm1", StringComparison.Ordinal))
                    problems.Add("the file-level BeforeAll imports something besides TestHelpers.psm1");
                foreach (var name in new[] { "Start-MiloSimulator", "Get-MiloModuleManifest", "Connect-Milo" })
                    if (calls.Any(c => Is(c, name))) problems.Add($"the file-level BeforeAll calls {name} itself");
            }
            if (afterAll.Count == 1 && Calls(afterAll[0]).Count(c => Is(c, "Stop-MiloTestSession")) != 1)
                problems.Add("the file-level AfterAll does not call Stop-MiloTestSession once");
            foreach (var call in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
                if (Is(call, "Start-MiloSimulator") || Is(call, "Stop-MiloSimulator"))
                    problems.Add($"line {call.Extent.StartLineNumber}: starts or stops a simulator outside Start-/Stop-MiloTestSession");

            Assert.True(problems.Count == 0, file + ": " + string.Join("; ", problems));
        }

        /// <summary>
        /// Every case runs, or fails: no -Skip or -Pending, no Set-ItResult, and no It that returns early (a
        /// return in an It passes whatever is left unchecked).
        /// </summary>
        [Theory]
        [MemberData(nameof(TestFiles))]
        public void Test_files_never_skip_a_case(string file)
        {
            var ast = Parse(file);
            var problems = new List<string>();
            foreach (var command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                var line = command.Extent.StartLineNumber;
                if (Is(command, "Set-ItResult")) problems.Add($"line {line}: Set-ItResult");
                if (!(Is(command, "It") || Is(command, "Describe") || Is(command, "Context"))) continue;
                foreach (var parameter in command.CommandElements.OfType<CommandParameterAst>())
                    if (parameter.ParameterName.Equals("Skip", StringComparison.OrdinalIgnoreCase)
                        || parameter.ParameterName.Equals("Pending", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"line {line}: {command.GetCommandName()} -{parameter.ParameterName}");
                if (!Is(command, "It")) continue;
                foreach (var body in command.CommandElements.OfType<ScriptBlockExpressionAst>())
                    foreach (var ret in body.ScriptBlock.FindAll(a => a is ReturnStatementAst, true))
                        if (NearestScriptBlock(ret) == body.ScriptBlock)
                            problems.Add($"line {ret.Extent.StartLineNumber}: return in an It");
            }
            Assert.True(problems.Count == 0, file + ": " + string.Join("; ", problems));
        }

        private static bool Is(CommandAst command, string name) =>
            string.Equals(command.GetCommandName(), name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The commands a block such as BeforeAll { ... } runs, at any depth.</summary>
        private static IEnumerable<CommandAst> Calls(CommandAst block) =>
            block.CommandElements.OfType<ScriptBlockExpressionAst>()
                .SelectMany(b => b.ScriptBlock.FindAll(a => a is CommandAst, true).Cast<CommandAst>());

        private static ScriptBlockAst? NearestScriptBlock(Ast ast)
        {
            for (var parent = ast.Parent; parent is not null; parent = parent.Parent)
                if (parent is ScriptBlockAst block) return block;
            return null;
        }

        private static Ast Parse(string file)
        {
            var ast = Parser.ParseFile(Path.Combine(Folder, file), out _, out var errors);
            Assert.True(errors.Length == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"))}");
            return ast;
        }

        /// <summary>Every string literal of the module's source: error reasons are among them (MiloErrors prefixes "HeyMilo.").</summary>
        private static HashSet<string> SourceStrings()
        {
            var strings = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
                foreach (Match m in Regex.Matches(File.ReadAllText(source), "\"([A-Za-z]+)\""))
                    strings.Add(m.Groups[1].Value);
            return strings;
        }
    }
}

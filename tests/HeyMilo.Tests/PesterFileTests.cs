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
    /// Static checks of tests/Pester against the built module. The Pester suite needs pwsh and Pester,
    /// which the xunit run may not have; these catch the mistakes that would only show up there: a
    /// parameter a cmdlet does not have, an error id or type name the module never produces.
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

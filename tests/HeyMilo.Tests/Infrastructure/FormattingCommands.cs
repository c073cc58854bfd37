using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using Microsoft.PowerShell.Commands.Internal.Format;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// Format-Table, Format-List and Out-String for the hosted engine. PowerShell ships them in
    /// Microsoft.PowerShell.Commands.Utility, which is not on the package feed with the engine; the formatting
    /// engine itself (view selection from the loaded *.Format.ps1xml, layout, rendering) is in
    /// System.Management.Automation. These are PowerShell's own cmdlets line for line: each sets the engine's
    /// implementation object in its constructor, which is internal, hence the reflection. Import them into a
    /// runspace with <see cref="ImportInto"/>.
    /// </summary>
    internal static class FormattingCommands
    {
        private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private static readonly Assembly Engine = typeof(PSCmdlet).Assembly;

        public static void ImportInto(PsHost ps)
        {
            ps.Set("MiloFormattingAssembly", typeof(FormattingCommands).Assembly);
            ps.Invoke("Import-Module -Assembly $MiloFormattingAssembly -Cmdlet Format-Table, Format-List, Out-String").ThrowIfTerminating();
        }

        private static Type EngineType(string name) => Engine.GetType("Microsoft.PowerShell.Commands.Internal.Format." + name, throwOnError: true)!;

        private static object Create(string type, params object[] args) =>
            Activator.CreateInstance(EngineType(type), Any, null, args, null)!;

        internal static void SetImplementation(FrontEndCommandBase command, object implementation) =>
            typeof(FrontEndCommandBase).GetField("implementation", Any)!.SetValue(command, implementation);

        internal static object GetImplementation(FrontEndCommandBase command) =>
            typeof(FrontEndCommandBase).GetField("implementation", Any)!.GetValue(command)!;

        /// <summary>new InnerFormatShapeCommand(FormatShape.Table | List), as FormatTableCommand / FormatListCommand do.</summary>
        internal static object ShapeCommand(string shape) =>
            Create("InnerFormatShapeCommand", Enum.Parse(EngineType("FormatShape"), shape));

        internal static object OutputManager() => Create("OutputManagerInner");

        internal static void WriteTo(object outputManager, TextWriter writer, int width) =>
            EngineType("OutputManagerInner").GetProperty("LineOutput", Any)!.SetValue(outputManager, Create("TextWriterLineOutput", writer, width));
    }

    [Cmdlet(VerbsCommon.Format, "Table")]
    public sealed class TestFormatTableCommand : OuterFormatTableBase
    {
        public TestFormatTableCommand() => FormattingCommands.SetImplementation(this, FormattingCommands.ShapeCommand("Table"));
    }

    [Cmdlet(VerbsCommon.Format, "List")]
    public sealed class TestFormatListCommand : OuterFormatTableAndListBase
    {
        public TestFormatListCommand() => FormattingCommands.SetImplementation(this, FormattingCommands.ShapeCommand("List"));
    }

    /// <summary>Out-String: default views for raw objects, or the output of Format-Table / Format-List.</summary>
    [Cmdlet(VerbsData.Out, "String")]
    public sealed class TestOutStringCommand : FrontEndCommandBase
    {
        private readonly StringWriter _writer = new StringWriter();

        public TestOutStringCommand() => FormattingCommands.SetImplementation(this, FormattingCommands.OutputManager());

        [Parameter]
        [ValidateRange(20, 1000)]
        public int Width { get; set; } = 250;

        protected override void BeginProcessing()
        {
            FormattingCommands.WriteTo(FormattingCommands.GetImplementation(this), _writer, Width);
            base.BeginProcessing();
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            WriteObject(_writer.ToString());
        }
    }
}

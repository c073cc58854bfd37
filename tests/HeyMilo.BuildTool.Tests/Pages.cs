using System;
using System.Linq;
using System.Xml.Linq;
using HeyMilo.BuildTool.Help;

namespace HeyMilo.BuildTool.Tests
{
    /// <summary>A well-formed PlatyPS page, and the helpers the help tests break it with.</summary>
    internal static class Pages
    {
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public const string PagePath = "/repo/docs/cmdlets/Get-Thing.md";

        // Line endings as LF whatever the checkout does, so the pieces the tests replace match.
        public static readonly string WellFormed = @"---
external help file: HeyMilo.dll-Help.xml
Module Name: HeyMilo
online version: https://example.test/docs/Get-Thing.md
schema: 2.0.0
---

# Get-Thing

## SYNOPSIS
Gets things.

## SYNTAX

### ByName (Default)

```
Get-Thing [-Name] <String[]> [<CommonParameters>]
```

### All

```
Get-Thing -All [<CommonParameters>]
```

## DESCRIPTION
`Get-Thing` gets the things
you name.

Second paragraph.

## EXAMPLES

### Example 1: Get one
```powershell
Get-Thing -Name a
```

Gets the thing named a.

### Example 2: Get all
```powershell
Get-Thing -All |
    Select-Object -First 2
```

Gets two things.

## PARAMETERS

### -All
Gets all things.

```yaml
Type: SwitchParameter
Parameter Sets: All
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Name
The names.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases: N, ThingName

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: True
```

### CommonParameters
This cmdlet supports the common parameters. For more information, see
[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).

## INPUTS

### System.String[]
Names.

## OUTPUTS

### Thing
One per thing.

## NOTES
Nothing to note.

## RELATED LINKS

[Get-Other](https://example.test/docs/Get-Other.md)

[about_Things]()
".Replace("\r\n", "\n");

        /// <summary>The page with one exact piece of text replaced (which must occur exactly once).</summary>
        public static string Replace(string oldText, string newText, string? page = null)
        {
            page ??= WellFormed;
            var at = page.IndexOf(oldText, StringComparison.Ordinal);
            if (at < 0 || page.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
                throw new ArgumentException("Not exactly once in the page: " + oldText);
            return page.Substring(0, at) + newText + page.Substring(at + oldText.Length);
        }

        /// <summary>The 1-based line of the first line of the page that starts with the text.</summary>
        public static int LineOf(string page, string lineStart)
        {
            var lines = page.Replace("\r\n", "\n").Split('\n');
            var index = Array.FindIndex(lines, l => l.StartsWith(lineStart, StringComparison.Ordinal));
            if (index < 0) throw new ArgumentException("No line starts with: " + lineStart);
            return index + 1;
        }

        public static (XElement? Command, DiagnosticBag Diagnostics) Compile(string page, string path = PagePath)
        {
            var diagnostics = new DiagnosticBag();
            var command = new MamlCompiler(diagnostics, "HeyMilo.dll-Help.xml").CompilePage(path, page);
            return (command, diagnostics);
        }

        /// <summary>The MAML paras of the page's DESCRIPTION when it is replaced by the markdown given.</summary>
        public static string[] Description(string markdown)
        {
            var page = Replace("`Get-Thing` gets the things\nyou name.\n\nSecond paragraph.\n", markdown.Replace("\r\n", "\n") + "\n");
            var (command, diagnostics) = Compile(page);
            if (command == null) throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
            return command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value).ToArray();
        }
    }
}

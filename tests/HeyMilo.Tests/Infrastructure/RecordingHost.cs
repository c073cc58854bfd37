using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// A host that answers confirmation prompts (ShouldProcess under ConfirmImpact ≥ $ConfirmPreference, or
    /// -Confirm) with a chosen answer and records each one, and records what -WhatIf writes ("What if: …"), for
    /// tests of how many times a bulk cmdlet asks and what it says it will do. Give it to <see cref="PsHost(PSHost)"/>.
    /// </summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface _ui = new RecordingUserInterface();

        /// <summary>The label of the choice every prompt gets (the labels are "&amp;Yes", "Yes to &amp;All", "&amp;No", …; match without '&amp;').</summary>
        public string Answer
        {
            get => _ui.Answer;
            set => _ui.Answer = value;
        }

        /// <summary>Each prompt's caption and message, in order.</summary>
        public List<string> Prompts => _ui.Prompts;

        /// <summary>Lines written to the host (WhatIf messages among them).</summary>
        public List<string> Lines => _ui.Lines;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "HeyMilo.Tests.RecordingHost";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new Version(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class RecordingUserInterface : PSHostUserInterface
        {
            public string Answer = "Yes";
            public readonly List<string> Prompts = new List<string>();
            public readonly List<string> Lines = new List<string>();

            public override PSHostRawUserInterface? RawUI => null;

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                Prompts.Add(caption + ": " + message);
                for (var i = 0; i < choices.Count; i++)
                    if (string.Equals(choices[i].Label.Replace("&", string.Empty), Answer, StringComparison.OrdinalIgnoreCase)) return i;
                throw new InvalidOperationException($"No choice '{Answer}' in the prompt '{message}'.");
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new InvalidOperationException("Unexpected prompt for input: " + message);

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new InvalidOperationException("Unexpected credential prompt.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new InvalidOperationException("Unexpected credential prompt.");

            public override string ReadLine() => throw new InvalidOperationException("Unexpected ReadLine.");
            public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected ReadLine.");

            public override void Write(string value) => Lines.Add(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
            public override void WriteLine(string value) => Lines.Add(value);
            public override void WriteErrorLine(string value) => Lines.Add(value);
            public override void WriteDebugLine(string message) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
        }
    }
}

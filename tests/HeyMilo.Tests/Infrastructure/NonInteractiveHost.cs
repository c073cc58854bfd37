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
    /// A host with a UI that cannot prompt, as pwsh -NonInteractive: any prompt (an Inquire preference)
    /// throws. A runspace without a host turns Inquire into Continue, which would hide -Debug prompts.
    /// </summary>
    public sealed class NonInteractiveHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();
        public override string Name => "HeyMilo.Tests.NonInteractive";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI { get; } = new NoPromptUI();
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public List<string> Prompts => ((NoPromptUI)UI).Prompts;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }

        private sealed class NoPromptUI : PSHostUserInterface
        {
            public List<string> Prompts { get; } = new List<string>();
            public override PSHostRawUserInterface? RawUI => null;
            private Exception Refuse(string what)
            {
                lock (Prompts) Prompts.Add(what);
                return new PSInvalidOperationException("The host is non-interactive: it cannot " + what + ".");
            }
            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw Refuse("prompt: " + message);
            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw Refuse("ask: " + message);
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw Refuse("ask for a credential");
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw Refuse("ask for a credential");
            public override string ReadLine() => throw Refuse("read a line");
            public override SecureString ReadLineAsSecureString() => throw Refuse("read a line");
            public override void Write(string value) { }
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
            public override void WriteLine(string value) { }
            public override void WriteErrorLine(string value) { }
            public override void WriteDebugLine(string message) { }
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
        }
    }
}

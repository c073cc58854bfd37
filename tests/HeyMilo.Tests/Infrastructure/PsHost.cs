using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>What one script run produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Information { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        /// <summary>The terminating error, if the script threw.</summary>
        public ErrorRecord? Terminating { get; set; }

        public IEnumerable<ErrorRecord> AllErrors => Terminating is null ? Errors : Errors.Append(Terminating);

        public IEnumerable<string> AllText() =>
            Output.Select(o => o?.ToString() ?? string.Empty)
                .Concat(AllErrors.SelectMany(ErrorText))
                .Concat(Verbose).Concat(Debug).Concat(Warnings).Concat(Information)
                .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation));

        public static IEnumerable<string> ErrorText(ErrorRecord e)
        {
            yield return e.ToString();
            yield return e.Exception?.ToString() ?? string.Empty;
            yield return e.ErrorDetails?.Message ?? string.Empty;
            yield return e.ErrorDetails?.RecommendedAction ?? string.Empty;
            yield return e.TargetObject?.ToString() ?? string.Empty;
            yield return e.ScriptStackTrace ?? string.Empty;
        }

        public PsResult ThrowIfTerminating()
        {
            if (Terminating != null) throw new InvalidOperationException("Script failed: " + Terminating + Environment.NewLine + Terminating.ScriptStackTrace);
            return this;
        }
    }

    /// <summary>
    /// A PowerShell runspace in this process that imports the built module folder, as a user would,
    /// and runs real pipelines.
    /// </summary>
    public sealed class PsHost : IDisposable
    {
        private const string TerminatingVariable = "__MiloTestTerminatingError";
        private readonly Runspace _runspace;

        public PsHost()
            : this(null)
        {
        }

        /// <summary>A runspace with <paramref name="host"/> as its host (prompts, WhatIf lines), e.g. a <see cref="RecordingHost"/>.</summary>
        public PsHost(System.Management.Automation.Host.PSHost? host)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            _runspace.Open();
            Invoke($"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop").ThrowIfTerminating();
            ModuleInternals.EnsureInitialized();
        }

        public Runspace Runspace => _runspace;

        public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public PsResult Invoke(string script, IDictionary<string, object?>? variables = null)
        {
            if (variables != null) foreach (var v in variables) Set(v.Key, v.Value);
            // A cmdlet's terminating error only ends its statement in a script run through the API (it
            // lands in the error stream and the next statement runs). Wrapped in try/catch, as Pester's
            // Should -Throw does, it ends the script and is reported as Terminating.
            Set(TerminatingVariable, null);
            using var ps = Create("try {\n" + script + "\n} catch { $" + TerminatingVariable + " = $_ }");
            var result = new PsResult();
            try
            {
                var output = ps.Invoke();
                result.Output.AddRange(output);
            }
            catch (RuntimeException ex)
            {
                result.Terminating = ex.ErrorRecord;
            }
            Collect(ps, result);
            result.Terminating ??= _runspace.SessionStateProxy.GetVariable(TerminatingVariable) as ErrorRecord
                ?? (_runspace.SessionStateProxy.GetVariable(TerminatingVariable) as PSObject)?.BaseObject as ErrorRecord;
            return result;
        }

        public PowerShell Create(string script)
        {
            var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            return ps;
        }

        public static void Collect(PowerShell ps, PsResult result)
        {
            result.Errors.AddRange(ps.Streams.Error);
            result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            result.Debug.AddRange(ps.Streams.Debug.Select(d => d.Message));
            result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
            result.Information.AddRange(ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty));
            result.Progress.AddRange(ps.Streams.Progress);
        }

        public void Dispose() => _runspace.Dispose();
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Threading.Tasks;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// What a long-lived session does to a module: re-imports, removal, import by name, several runspaces.
    /// The hosted engine shares one process across tests, so these complement tests/Pester/Lifecycle.Tests.ps1,
    /// which runs the same scenarios in real pwsh.
    /// </summary>
    public sealed class LifecycleTests : MiloTestBase
    {
        private int CommandCount() => (int)Run("@(Get-Command -Module HeyMilo).Count").ThrowIfTerminating().Output.Single().BaseObject;

        private string FirstPostingId() => Run("(Get-MiloPosting -First 1).Id").ThrowIfTerminating().Output.Single().ToString();

        [Fact]
        public void Import_Module_Force_twice_keeps_every_command_working()
        {
            var expected = CommandCount();
            Assert.True(expected >= 12, $"only {expected} commands after the first import");
            for (var i = 0; i < 2; i++)
            {
                Run($"Import-Module '{RepoPaths.ModuleManifest}' -Force -ErrorAction Stop").ThrowIfTerminating();
                Assert.Equal(expected, CommandCount());
                Connect();
                Assert.StartsWith("pst_", FirstPostingId());
            }
        }

        [Fact]
        public void Remove_Module_then_Import_Module_gives_a_working_module()
        {
            var expected = CommandCount();
            Run("Remove-Module HeyMilo -ErrorAction Stop").ThrowIfTerminating();
            Assert.Equal(0, CommandCount());
            Run($"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop").ThrowIfTerminating();
            Assert.Equal(expected, CommandCount());
            Connect();
            Assert.StartsWith("pst_", FirstPostingId());
        }

        [Fact]
        public void A_session_from_before_a_Force_re_import_is_still_usable()
        {
            Connect();
            Run("$before = Get-MiloSession").ThrowIfTerminating();
            Run($"Import-Module '{RepoPaths.ModuleManifest}' -Force -ErrorAction Stop").ThrowIfTerminating();
            var viaOld = Run("(Get-MiloPosting -Session $before -First 1).Id").ThrowIfTerminating();
            Assert.StartsWith("pst_", viaOld.Output.Single().ToString());
            // The current session survives too: the re-import loads no second copy of the module's state.
            Assert.StartsWith("pst_", FirstPostingId());
            Assert.True((bool)Run("[object]::ReferenceEquals($before, (Get-MiloSession))").ThrowIfTerminating().Output.Single().BaseObject);
        }

        [Fact]
        public void Import_by_name_from_PSModulePath_lists_commands_without_loading_and_satisfies_Requires()
        {
            var root = Path.Combine(Path.GetTempPath(), "heymilo-psmodulepath-" + Guid.NewGuid().ToString("N"));
            var target = Path.Combine(root, "HeyMilo", Path.GetFileName(RepoPaths.ModuleFolder));
            CopyFolder(RepoPaths.ModuleFolder, target);
            var previous = Environment.GetEnvironmentVariable("PSModulePath");
            try
            {
                using var fresh = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                fresh.Open();
                using var ps = PowerShell.Create();
                ps.Runspace = fresh;
                ps.AddScript($"$env:PSModulePath = '{root}' + [IO.Path]::PathSeparator + $env:PSModulePath; " +
                             "$listed = Get-Module HeyMilo -ListAvailable | Where-Object ModuleBase -like '" + root + "*'; " +
                             "[pscustomobject]@{ Commands = @($listed.ExportedCommands.Keys); Loaded = @(Get-Module HeyMilo).Count }");
                var listing = ps.Invoke().Single();
                var listedCommands = ((object[])listing.Properties["Commands"].Value).Select(o => o.ToString()!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                var declared = Run($"(Test-ModuleManifest -Path '{RepoPaths.ModuleManifest}').ExportedCmdlets.Keys").ThrowIfTerminating()
                    .Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                Assert.Equal(declared, listedCommands);
                Assert.Equal(0, (int)listing.Properties["Loaded"].Value);

                var script = Path.Combine(root, "needs-heymilo.ps1");
                File.WriteAllText(script, "#Requires -Modules HeyMilo\n(Get-Module HeyMilo).ModuleBase\n@(Get-Command -Module HeyMilo).Count\n");
                ps.Commands.Clear();
                ps.AddScript($"& '{script}'");
                var output = ps.Invoke().Select(o => o.ToString()).ToArray();
                Assert.Empty(ps.Streams.Error);
                Assert.StartsWith(root, output[0]);
                Assert.Equal(declared.Length.ToString(), output[1]);
            }
            finally
            {
                Environment.SetEnvironmentVariable("PSModulePath", previous);
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        [Fact]
        public async Task Four_runspaces_importing_at_once_share_one_rate_budget_per_key()
        {
            var hosts = new PsHost[4];
            try
            {
                await Task.WhenAll(Enumerable.Range(0, hosts.Length).Select(i => Task.Run(() => hosts[i] = new PsHost())));
                Ps.Set("MiloTestKey", Secure(Key));
                var results = await Task.WhenAll(hosts.Select(host => Task.Run(() =>
                {
                    host.Set("MiloTestKey", Secure(Key));
                    host.Invoke($"Connect-Milo -ApiKey $MiloTestKey -BaseUri '{BaseUri}' -LegacyBaseUri '{BaseUri}'").ThrowIfTerminating();
                    return host.Invoke("(Get-MiloPosting -First 1).Id; (Get-MiloSession)").ThrowIfTerminating();
                })));
                foreach (var result in results) Assert.StartsWith("pst_", result.Output[0].ToString());
                var gates = results.Select(r => Gate(r.Output[1].BaseObject)).ToArray();
                Assert.All(gates, g => Assert.Same(gates[0], g));
            }
            finally
            {
                foreach (var host in hosts) host?.Dispose();
            }
        }

        [Fact]
        public void A_runspace_that_never_connected_uses_the_session_the_process_connected()
        {
            Connect();
            using var other = new PsHost();
            Assert.StartsWith("pst_", other.Invoke("(Get-MiloPosting -First 1).Id").ThrowIfTerminating().Output.Single().ToString());
            Assert.True((bool)other.Invoke("$null -ne (Get-MiloSession)").ThrowIfTerminating().Output.Single().BaseObject);

            Run("Disconnect-Milo").ThrowIfTerminating();
            var after = other.Invoke("Get-MiloPosting -First 1");
            Assert.Equal("HeyMilo.NotConnected,HeyMilo.Commands.GetMiloPostingCommand", after.Terminating?.FullyQualifiedErrorId);
        }

        /// <summary>The session's per-key rate-limit gate (MiloSession.Transport.Gate, internal to the engine).</summary>
        private static object Gate(object session)
        {
            var transport = session.GetType().GetProperty("Transport", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(session)!;
            return transport.GetType().GetProperty("Gate", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(transport)!;
        }

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

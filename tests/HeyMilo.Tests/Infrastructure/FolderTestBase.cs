using System;
using System.IO;
using System.Threading.Tasks;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>
    /// A <see cref="MiloTestBase"/> connected (no retries) and standing in a fresh temporary folder, deleted
    /// afterwards: relative -Path values resolve against the PowerShell location, not the process directory.
    /// </summary>
    public abstract class FolderTestBase : MiloTestBase
    {
        protected FolderTestBase(string prefix) =>
            Folder = Path.Combine(Path.GetTempPath(), "heymilo-" + prefix + "-" + Guid.NewGuid().ToString("N"));

        /// <summary>The test's folder, the runspace's location.</summary>
        protected string Folder { get; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Directory.CreateDirectory(Folder);
            Connect("-MaxRetries 0");
            Run($"$ExecutionContext.SessionState.Path.SetLocation('{Folder}') | Out-Null").ThrowIfTerminating();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

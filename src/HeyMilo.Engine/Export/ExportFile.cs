using System;
using System.IO;
using System.Text.RegularExpressions;
using HeyMilo.Diagnostics;
using HeyMilo.Transport;

namespace HeyMilo.Export
{
    /// <summary>
    /// The file an export writes, made to appear only when complete: the bytes go to a hidden temp file
    /// <c>.&lt;name&gt;.&lt;random&gt;.tmp</c> in the target's folder (so the final move is a rename on the same
    /// volume), <see cref="Commit"/> moves it into place, and disposing without a commit deletes it.
    /// </summary>
    internal sealed class ExportFile : IDisposable
    {
        private readonly string _target;
        private string? _temp;

        private ExportFile(string target, string temp, FileStream stream)
        {
            _target = target;
            _temp = temp;
            Stream = stream;
        }

        /// <summary>The open temp file (exclusive while the export runs).</summary>
        public FileStream Stream { get; private set; }

        public string? TempPath => _temp;

        /// <summary>Checks what can be checked before any request: a file name in an existing folder, not an existing file unless replacing.</summary>
        public static void CheckTarget(string target, bool replace)
        {
            if (Directory.Exists(target))
                throw new ExportException("PathIsFolder", ExportFailureCategory.InvalidArgument, $"'{target}' is a folder.", "Give a file name, e.g. -Path interviews.json.", target);
            if (!replace && File.Exists(target))
                throw new ExportException("FileExists", ExportFailureCategory.ResourceExists, $"The file '{target}' already exists.", "Use -Force to replace it, or choose another -Path.", target);
            var folder = Path.GetDirectoryName(target);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                throw new ExportException("FolderNotFound", ExportFailureCategory.ObjectNotFound, $"The folder '{folder}' does not exist.", "Create the folder first, or choose another -Path.", target);
        }

        /// <summary>Temp files of an export to the same file that a killed process left are deleted when older than this.</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

        /// <summary>Opens a new temp file beside <paramref name="target"/>, first deleting stale temp files of earlier exports to it.</summary>
        public static ExportFile Create(string target)
        {
            var folder = Path.GetDirectoryName(target)!;
            CleanStale(target);
            var random = Path.GetRandomFileName().Replace(".", string.Empty);
            var temp = Path.Combine(folder, "." + Path.GetFileName(target) + "." + random + ".tmp");
            try
            {
                return new ExportFile(target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw ExportException.WriteFailed(ex, target, "Check that the folder exists and is writable.");
            }
        }

        /// <summary>
        /// Deletes what a killed export to <paramref name="target"/> left: files named exactly like this class's
        /// temp files for that name (<c>.&lt;name&gt;.&lt;11 letters or digits&gt;.tmp</c>), last written more than
        /// <see cref="StaleAfter"/> ago (real file times) and not open elsewhere (a running export holds its
        /// temp file exclusively). Nothing else in the folder is touched; a file that cannot be deleted stays.
        /// </summary>
        internal static int CleanStale(string target)
        {
            var folder = Path.GetDirectoryName(target)!;
            var pattern = new Regex("^" + Regex.Escape("." + Path.GetFileName(target) + ".") + "[a-z0-9]{11}" + Regex.Escape(".tmp") + "$", RegexOptions.CultureInvariant);
            var removed = 0;
            string[] candidates;
            try
            {
                candidates = Directory.GetFiles(folder, "." + Path.GetFileName(target) + ".*.tmp");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return 0;
            }
            foreach (var path in candidates)
            {
                if (!pattern.IsMatch(Path.GetFileName(path))) continue;
                try
                {
                    if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < StaleAfter) continue;
                    using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }
                    File.Delete(path);
                    removed++;
                    OperationLog.Verbose($"Deleted '{path}', a temp file an interrupted export to '{target}' left behind.");
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Open elsewhere (a running export) or not ours to delete: leave it.
                }
            }
            return removed;
        }

        /// <summary>Flushes, closes and moves the temp file into place (replacing the target only when <paramref name="replace"/>).</summary>
        public void Commit(bool replace)
        {
            var temp = _temp ?? throw new InvalidOperationException("The export file was already committed or discarded.");
            try
            {
                Stream.Flush(flushToDisk: true);
                Stream.Dispose();
            }
            catch (IOException ex)
            {
                throw ExportException.WriteFailed(ex, _target);
            }
            try
            {
                if (File.Exists(_target))
                {
                    if (!replace)
                        throw new ExportException("FileExists", ExportFailureCategory.ResourceExists, $"The file '{_target}' appeared while it was being written.", "Use -Force to replace it, or choose another -Path.", _target);
                    File.Replace(temp, _target, null);
                }
                else
                {
                    File.Move(temp, _target);
                }
                _temp = null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ExportException(File.Exists(_target) && !replace ? "FileExists" : "WriteFailed", ExportFailureCategory.WriteError, ex.Message,
                    "Check permissions of the folder and that the file is not open elsewhere.", _target, ex);
            }
        }

        /// <summary>Closes the temp file and, unless committed, deletes it.</summary>
        public void Dispose()
        {
            try
            {
                Stream.Dispose();
            }
            catch (IOException)
            {
            }
            var temp = _temp;
            _temp = null;
            if (temp is null) return;
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }
}

using System;
using System.IO;

namespace HeyMilo.Module
{
    /// <summary>
    /// A file that appears only when it is complete: written to a hidden temp file in the target's folder
    /// (same volume, so the final step is a rename) and moved into place by <see cref="Commit"/>. Disposing
    /// without committing — a failure, Ctrl+C, a stopped pipeline — deletes the temp file, and the target
    /// is never touched. The target is replaced only when the caller allows it.
    /// </summary>
    internal sealed class AtomicFile : IDisposable
    {
        private readonly string _target;
        private string? _temp;
        private FileStream? _stream;

        private AtomicFile(string target, string temp, FileStream stream)
        {
            _target = target;
            _temp = temp;
            _stream = stream;
        }

        public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));

        public string TempPath => _temp ?? string.Empty;

        /// <summary>Creates the temp file beside <paramref name="target"/> (IOException / UnauthorizedAccessException when the folder refuses).</summary>
        public static AtomicFile Create(string target)
        {
            var folder = Path.GetDirectoryName(target);
            if (string.IsNullOrEmpty(folder)) folder = ".";
            var random = Path.GetRandomFileName().Replace(".", string.Empty);
            var temp = Path.Combine(folder, "." + Path.GetFileName(target) + "." + random + ".tmp");
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            return new AtomicFile(target, temp, stream);
        }

        /// <summary>
        /// Flushes to disk and moves the temp file into place. A target that exists (or appeared meanwhile)
        /// is replaced only with <paramref name="overwrite"/>; otherwise an IOException and the temp file goes.
        /// </summary>
        public void Commit(bool overwrite)
        {
            var temp = _temp ?? throw new ObjectDisposedException(nameof(AtomicFile));
            _stream!.Flush(flushToDisk: true);
            _stream.Dispose();
            _stream = null;
            if (File.Exists(_target))
            {
                if (!overwrite) throw new TargetExistsException(_target);
                File.Replace(temp, _target, null);
            }
            else
            {
                File.Move(temp, _target);
            }
            _temp = null;
        }

        public void Dispose()
        {
            try
            {
                _stream?.Dispose();
            }
            catch (IOException)
            {
            }
            _stream = null;
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

        /// <summary>The target exists and may not be replaced.</summary>
        internal sealed class TargetExistsException : IOException
        {
            public TargetExistsException(string path) : base($"The file '{path}' already exists.") => FilePath = path;

            public string FilePath { get; }
        }
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Export
{
    /// <summary>
    /// A voice's audio preview saved to a file (Save-MiloVoicePreview): downloaded into an <see cref="ExportFile"/>,
    /// so the file appears only complete and as long as announced, and a failure or Ctrl+C leaves what was there.
    /// </summary>
    internal static class VoicePreviewFile
    {
        /// <summary>&lt;VoiceId&gt;.mp3 in <paramref name="folder"/>, with characters no file name may hold as '_'.</summary>
        public static string InFolder(string folder, string voiceId)
        {
            var chars = voiceId.ToCharArray();
            var invalid = Path.GetInvalidFileNameChars();
            for (var i = 0; i < chars.Length; i++)
                if (Array.IndexOf(invalid, chars[i]) >= 0) chars[i] = '_';
            return Path.Combine(folder, new string(chars) + ".mp3");
        }

        /// <summary>
        /// Downloads the preview to <paramref name="target"/> (an existing file only with <paramref name="replace"/>);
        /// returns the bytes written. Throws ExportException (the file), MiloApiException (the API) or an IOException (the disk).
        /// </summary>
        public static async Task<long> SaveAsync(HeyMiloClient client, string voiceId, string target, bool replace, CancellationToken ct)
        {
            using var file = ExportFile.Create(target);
            var bytes = await client.DownloadVoicePreviewAsync(voiceId, file.Stream, ct).ConfigureAwait(false);
            file.Commit(replace);
            return bytes;
        }
    }
}

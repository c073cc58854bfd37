using System;
using System.IO;
using System.Management.Automation;
using HeyMilo.Export;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Downloads a voice's audio preview (GET /api/v2/voices/{voice_id}/preview, audio/mpeg) to a file.
    /// The file appears only when the download is complete and as long as announced: it is written to a
    /// hidden temp file in the same folder and moved into place; a failure or Ctrl+C deletes the temp file
    /// and leaves an existing file as it was. An existing file is replaced only with -Force. -Path may be a
    /// folder: each voice is then saved there as &lt;VoiceId&gt;.mp3.
    /// </summary>
    [Cmdlet(VerbsData.Save, "MiloVoicePreview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveMiloVoicePreviewCommand : MiloCmdlet
    {
        private string _path = string.Empty;
        private bool _intoFolder;

        /// <summary>The voices whose preview to save (also bound from Get-MiloVoice's objects).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.Voice, IdOf = MiloObjects.Voice)]
        [Alias("Id", "voice_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VoiceIdCompleter))]
        public string[] VoiceId { get; set; } = Array.Empty<string>();

        /// <summary>The file to write, or an existing folder to write &lt;VoiceId&gt;.mp3 files into.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write each saved file as Get-Item does.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _path = GetUnresolvedProviderPathFromPSPath(Path);
            _intoFolder = Directory.Exists(_path);
            if (_intoFolder) return;
            var folder = System.IO.Path.GetDirectoryName(_path);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                ThrowTerminatingError(MiloErrors.Create(new DirectoryNotFoundException($"The folder '{folder}' does not exist."), "FolderNotFound", ErrorCategory.ObjectNotFound, _path,
                    "Create the folder first, or choose another -Path."));
        }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            foreach (var id in VoiceId)
            {
                var target = _intoFolder ? VoicePreviewFile.InFolder(_path, id) : _path;
                if (!Force && File.Exists(target))
                {
                    WriteError(MiloErrors.Create(new IOException($"The file '{target}' already exists."), "FileExists", ErrorCategory.ResourceExists, target,
                        "Use -Force to replace it, or choose another -Path."));
                    continue;
                }
                if (!ShouldProcess(target, $"Save the audio preview of voice {id}")) continue;
                if (Save(session, id, target) && PassThru)
                {
                    foreach (var item in InvokeProvider.Item.Get(new[] { target }, false, true)) WriteObject(item);
                }
            }
        }

        /// <summary>Downloads one preview into place; false (and a non-terminating error) when it failed.</summary>
        private bool Save(MiloSession session, string id, string target)
        {
            long bytes;
            try
            {
                bytes = Run(ct => VoicePreviewFile.SaveAsync(session.Client, id, target, Force, ct));
            }
            catch (ExportException ex)
            {
                WriteError(MiloErrors.FromException(ex, target));
                return false;
            }
            catch (MiloApiException ex)
            {
                var record = MiloErrors.FromException(ex, id);
                if (ex.StatusCode == 404 && record.ErrorDetails != null)
                    record.ErrorDetails.RecommendedAction = "Check the id: Get-MiloVoice lists the voices of this workspace.";
                if (MiloErrors.IsFatal(ex)) ThrowTerminatingError(record);
                WriteError(record);
                return false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(MiloErrors.Create(ex, "WriteFailed", ErrorCategory.WriteError, target, "Check free space and permissions of the folder, then run the command again."));
                return false;
            }
            WriteVerbose($"Saved the preview of voice {id} ({bytes} bytes) to {target}.");
            return true;
        }
    }
}

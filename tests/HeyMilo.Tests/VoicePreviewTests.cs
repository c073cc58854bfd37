using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>Save-MiloVoicePreview: the bytes the API sends, a file that appears only when complete, and the -Force rules.</summary>
    public class VoicePreviewTests : MiloTestBase
    {
        private string _folder = string.Empty;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Connect();
            _folder = Path.Combine(Path.GetTempPath(), "heymilo-preview-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            Ps.Set("folder", _folder);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        private string Voice(int i = 0) => Sim.Data.Catalog.VoiceIds[i];

        /// <summary>The clip as the simulator serves it, fetched directly (not through the module).</summary>
        private async Task<byte[]> Clip(string voice)
        {
            using var http = new HttpClient { BaseAddress = Sim.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2/voices/{voice}/preview");
            request.Headers.Add("X-API-KEY", Key);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync();
        }

        private string[] FilesInFolder() => Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        private int PreviewRequests() => Sim.Requests.Snapshot().Count(r => r.Path.EndsWith("/preview", StringComparison.Ordinal));

        [Fact]
        public async Task Saves_the_bytes_the_API_sends_and_leaves_nothing_else_in_the_folder()
        {
            var target = Path.Combine(_folder, "milo.mp3");
            var clip = await Clip(Voice());
            Sim.Requests.Clear();
            var result = Run($"Save-MiloVoicePreview -VoiceId {Voice()} -Path '{Path.Combine(_folder, "milo.mp3")}'").ThrowIfTerminating();

            Assert.Empty(result.Output);
            Assert.Empty(result.Errors);
            Assert.Equal(clip, File.ReadAllBytes(target));
            Assert.Equal(new[] { "milo.mp3" }, FilesInFolder());
            Assert.Equal(1, PreviewRequests());
        }

        [Fact]
        public async Task Voices_from_the_pipeline_into_a_folder_become_VoiceId_mp3_files_and_PassThru_returns_what_Get_Item_returns()
        {
            var output = Run("Get-MiloVoice -First 2 | Save-MiloVoicePreview -Path $folder -PassThru").ThrowIfTerminating().Output;

            Assert.Equal(new[] { Voice(0) + ".mp3", Voice(1) + ".mp3" }, FilesInFolder());
            Assert.Equal(2, output.Count);
            Assert.All(output, o => Assert.IsType<FileInfo>(o.BaseObject));
            Assert.All(output, o => Assert.NotNull(o.Properties["PSPath"])); // the provider's properties, as Get-Item adds them
            Assert.Equal(Path.Combine(_folder, Voice(0) + ".mp3"), ((FileInfo)output[0].BaseObject).FullName);
            Assert.Equal(await Clip(Voice(1)), File.ReadAllBytes(Path.Combine(_folder, Voice(1) + ".mp3")));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(_folder, Voice(0) + ".mp3")), File.ReadAllBytes(Path.Combine(_folder, Voice(1) + ".mp3")));
        }

        [Fact]
        public void An_existing_file_is_kept_and_not_even_requested_without_Force()
        {
            var target = Path.Combine(_folder, "taken.mp3");
            File.WriteAllText(target, "keep me");

            var result = Run($"Save-MiloVoicePreview {Voice()} '{Path.Combine(_folder, "taken.mp3")}'");

            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.FileExists,HeyMilo.Commands.SaveMiloVoicePreviewCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(target, error.TargetObject);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
            Assert.Equal("keep me", File.ReadAllText(target));
            Assert.Equal(0, PreviewRequests());
        }

        [Fact]
        public async Task Force_replaces_an_existing_file()
        {
            var target = Path.Combine(_folder, "taken.mp3");
            File.WriteAllText(target, "old");

            Run($"Save-MiloVoicePreview {Voice(2)} '{Path.Combine(_folder, "taken.mp3")}' -Force").ThrowIfTerminating();

            Assert.Equal(await Clip(Voice(2)), File.ReadAllBytes(target));
            Assert.Equal(new[] { "taken.mp3" }, FilesInFolder());
        }

        [Fact]
        public void An_unknown_voice_is_a_non_terminating_NotFound_and_leaves_no_file()
        {
            Ps.Set("ids", new[] { "wrv-nosuch", Voice() });
            var result = Run("$ids | Save-MiloVoicePreview -Path $folder");

            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.SaveMiloVoicePreviewCommand", error.FullyQualifiedErrorId);
            Assert.Equal("wrv-nosuch", error.TargetObject);
            Assert.Contains("Get-MiloVoice", error.ErrorDetails.RecommendedAction);
            Assert.Equal(new[] { Voice() + ".mp3" }, FilesInFolder());
        }

        [Fact]
        public void A_download_cut_short_leaves_neither_a_file_nor_a_temp_file_and_an_existing_file_untouched()
        {
            Sim.Faults.Add("GET", "/api/v2/voices/*/preview", new Fault { TruncatedJson = true }, times: 50);
            File.WriteAllText(Path.Combine(_folder, "kept.mp3"), "previous download");

            var result = Run($"Save-MiloVoicePreview {Voice()} '{Path.Combine(_folder, "new.mp3")}'; Save-MiloVoicePreview {Voice()} '{Path.Combine(_folder, "kept.mp3")}' -Force");

            Assert.Null(result.Terminating);
            Assert.True(2 == result.Errors.Count, string.Join("; ", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            // Cut while the body is read: InvalidResponse; cut before the transport let go of the response: NetworkError after its retries.
            Assert.All(result.Errors, e => Assert.Contains(e.FullyQualifiedErrorId, new[] { "HeyMilo.InvalidResponse,HeyMilo.Commands.SaveMiloVoicePreviewCommand", "HeyMilo.NetworkError,HeyMilo.Commands.SaveMiloVoicePreviewCommand" }));
            Assert.All(result.Errors, e => Assert.Equal(Voice(), e.TargetObject));
            Assert.Equal(new[] { "kept.mp3" }, FilesInFolder());
            Assert.Equal("previous download", File.ReadAllText(Path.Combine(_folder, "kept.mp3")));
        }

        [Fact]
        public async Task Stopping_during_the_download_deletes_the_temp_file_and_leaves_an_existing_file_as_it_was()
        {
            var target = Path.Combine(_folder, "kept.mp3");
            File.WriteAllText(target, "previous download");
            var asked = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            Sim.Requests.Recorded += r =>
            {
                if (r.Path.EndsWith("/preview", StringComparison.Ordinal)) asked.TrySetResult(r);
            };
            Sim.Faults.Add("GET", "/api/v2/voices/*/preview", new Fault { Hang = true });

            using var ps = Ps.Create($"Save-MiloVoicePreview {Voice()} '{target}' -Force");
            var invocation = ps.BeginInvoke();
            await asked.Task.WaitAsync(TimeSpan.FromSeconds(60)); // guard only: the event fires when the request arrives
            Assert.Equal(2, FilesInFolder().Length); // kept.mp3 and the temp file being written

            ps.Stop();

            Assert.True(invocation.IsCompleted);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Equal(new[] { "kept.mp3" }, FilesInFolder());
            Assert.Equal("previous download", File.ReadAllText(target));
        }

        [Fact]
        public void A_JSON_answer_instead_of_audio_is_an_InvalidResponse_and_no_file()
        {
            Sim.Faults.Add("GET", "/api/v2/voices/*/preview", new Fault { Status = 200, Body = "{\"data\":{\"url\":\"https://cdn.example/x.mp3\"}}" });

            var result = Run($"Save-MiloVoicePreview {Voice()} -Path $folder");

            Assert.Equal("HeyMilo.InvalidResponse,HeyMilo.Commands.SaveMiloVoicePreviewCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(FilesInFolder());
        }

        [Fact]
        public void WhatIf_sends_nothing_and_writes_nothing()
        {
            var result = Run($"Save-MiloVoicePreview {Voice()} -Path $folder -WhatIf").ThrowIfTerminating();
            Assert.Empty(result.Errors);
            Assert.Empty(FilesInFolder());
            Assert.Equal(0, PreviewRequests());
        }

        [Fact]
        public void A_folder_that_does_not_exist_stops_before_any_request()
        {
            var result = Run($"Save-MiloVoicePreview {Voice()} -Path '{Path.Combine(_folder, "missing/milo.mp3")}'");
            Assert.Equal("HeyMilo.FolderNotFound,HeyMilo.Commands.SaveMiloVoicePreviewCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(Sim.Requests.Snapshot());
        }
    }
}

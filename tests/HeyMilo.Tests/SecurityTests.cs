using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// The key and secrets the API echoes stay out of everything a user or a log can see; TLS
    /// certificate validation is never switched off. (http:// to a non-loopback host: ConnectionTests.)
    /// </summary>
    public class SecurityTests : MiloTestBase
    {
        private const string SecretKey = "hm_live_TOPSECRET_9f8e7d6c5b4a3210";

        protected override void Configure(SimulatorOptions options)
        {
            options.ApiKeys = new[] { SecretKey };
            options.Postings = 3;
            options.BusyPostingCandidates = 5;
        }

        /// <summary>Every string reachable from a value: ToString and public properties, recursively (what Format-List * and Out-String would show, and more).</summary>
        private static IEnumerable<string> Walk(object? value, int depth = 0, HashSet<object>? seen = null)
        {
            seen ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
            if (value is null || depth > 5) yield break;
            if (value is string s)
            {
                yield return s;
                yield break;
            }
            if (value.GetType().IsPrimitive || value is Enum || value is DateTimeOffset || value is DateTime || value is TimeSpan || value is Uri || value is System.Security.SecureString)
            {
                yield return value.ToString() ?? string.Empty;
                yield break;
            }
            if (!seen.Add(value)) yield break;
            string? text = null;
            try
            {
                text = value.ToString();
            }
            catch (Exception)
            {
            }
            if (text != null) yield return text;

            if (value is PSObject pso)
            {
                foreach (var property in pso.Properties)
                {
                    object? v;
                    try
                    {
                        v = property.Value;
                    }
                    catch (Exception)
                    {
                        continue;
                    }
                    yield return property.Name;
                    foreach (var inner in Walk(v, depth + 1, seen)) yield return inner;
                }
                if (!(pso.BaseObject is PSCustomObject)) foreach (var inner in Walk(pso.BaseObject, depth + 1, seen)) yield return inner;
                yield break;
            }
            if (value is IEnumerable sequence && !(value is IDictionary))
            {
                foreach (var item in sequence.Cast<object?>().Take(50))
                    foreach (var inner in Walk(item, depth + 1, seen)) yield return inner;
                yield break;
            }
            if (value is Exception exception) yield return exception.ToString();
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name == "TargetSite") continue;
                object? v;
                try
                {
                    v = property.GetValue(value);
                }
                catch (Exception)
                {
                    continue;
                }
                foreach (var inner in Walk(v, depth + 1, seen)) yield return inner;
            }
        }

        private static IEnumerable<string> Everything(PsResult result) =>
            result.AllText()
                .Concat(result.Output.SelectMany(o => Walk(o)))
                .Concat(result.AllErrors.SelectMany(e => Walk(e)));

        [Fact]
        public void The_key_is_in_no_stream_object_error_or_session_view_across_every_kind_of_call()
        {
            Sim.Faults.Add("GET", "/api/v2/postings/pst_fail", new Fault { Status = 500 }, times: 10);
            Sim.Faults.Add("POST", "/api/v2/webhooks", new Fault { Status = 400 });
            Ps.Set("rows", new object[]
            {
                new Hashtable { ["Name"] = "Ada", ["Email"] = "ada@example.com" },
                new Hashtable { ["Name"] = "", ["Email"] = "bad" },
            });
            Ps.Set("p", Sim.Data.PostingIds[0]);
            var results = new List<PsResult>
            {
                Connect("-Verbose -Debug -PassThru", key: SecretKey),
                Run("Get-MiloPosting -Verbose -Debug"),
                Run("Get-MiloPosting -PostingId pst_fail -Verbose -Debug"),
                Run("$rows | Import-MiloCandidate -PostingId $p -Summary -Verbose -Debug"),
                Run("Get-MiloInterview -PostingId $p -Detailed -Verbose -Debug"),
                Run("New-MiloWebhook -PostingId $p -Url 'https://hooks.example/x' -EventType interview_started -Verbose -Debug"),
                Run("Test-MiloConnection -Verbose -Debug"),
                Run("Get-MiloSession"),
                Run("Get-MiloSession -Verbose -Debug | ForEach-Object { $_; $_.RateLimit; $_.PSObject.Properties | ForEach-Object { $_.Name; $_.Value } }"),
                Run("$Error"),
                Run("$Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails; $_.InvocationInfo; $_.ScriptStackTrace; $_.CategoryInfo.ToString() }"),
            };
            // A transcript: Out-String / Format-List where the host has them (the bare engine may not).
            if (Run("Get-Command Out-String, Format-List -ErrorAction SilentlyContinue").Output.Count == 2)
                results.Add(Run("Get-MiloSession | Format-List * | Out-String; $Error | Out-String"));

            Assert.NotEmpty(results[1].Output);
            Assert.Contains(results[3].Output, o => o.Properties["InterviewId"] != null);
            Assert.NotEmpty(results[9].Output); // the errors are there to be searched
            Assert.Contains(results.SelectMany(r => r.Debug), d => d.Contains("request body"));
            var everything = results.SelectMany(Everything).ToList();
            Assert.Contains(everything, t => t.Contains("****3210")); // the fingerprint is shown...
            foreach (var text in everything) Assert.DoesNotContain(SecretKey, text); // ...the key never
            // Nor a recognisable part of it.
            foreach (var text in everything) Assert.DoesNotContain("TOPSECRET", text);
        }

        [Fact]
        public void Only_the_X_API_KEY_header_carries_the_key_in_any_request_the_module_sends()
        {
            Connect(key: SecretKey);
            Ps.Set("p", Sim.Data.PostingIds[0]);
            Ps.Set("rows", new object[] { new Hashtable { ["Name"] = "Ada", ["Email"] = "ada@example.com", ["Note"] = "x" } });
            var folder = Path.Combine(Path.GetTempPath(), "heymilo-sec-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                Run("Get-MiloPosting; Get-MiloPosting -PostingId pst_missing; Test-MiloConnection").ThrowIfTerminating();
                Run("$rows | Import-MiloCandidate -PostingId $p -MetadataProperty Note").ThrowIfTerminating();
                Run("Get-MiloInterview -PostingId $p -Detailed").ThrowIfTerminating();
                Run("New-MiloWebhook -PostingId $p -Url 'https://hooks.example/x' -EventType interview_started | Disable-MiloWebhook -Confirm:$false").ThrowIfTerminating();
                Run($"Export-MiloInterview -PostingId $p -Server -Path '{Path.Combine(folder, "x.json")}'").ThrowIfTerminating();
                Run($"Import-MiloCandidate -IngestionKey '{Sim.Data.IngestionKeyOf(Sim.Data.PostingIds[1])}' -InputObject $rows").ThrowIfTerminating();
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            var requests = Sim.Requests.Snapshot();
            Assert.Contains(requests, r => r.Method == "POST" && r.Body.Length > 0);
            Assert.Contains(requests, r => r.Path.StartsWith("/files/", StringComparison.Ordinal));
            Assert.Contains(requests, r => r.Path.StartsWith("/ingest/", StringComparison.Ordinal));
            foreach (var r in requests)
            {
                Assert.DoesNotContain(SecretKey, r.Path + r.Query + r.Body + r.Host);
                Assert.DoesNotContain(r.Headers, h => !h.Key.Equals("X-API-KEY", StringComparison.OrdinalIgnoreCase) && h.Value.Contains(SecretKey));
                Assert.DoesNotContain(r.Headers, h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase));
                // The download host is not the API: no key at all.
                if (r.Path.StartsWith("/files/", StringComparison.Ordinal)) Assert.Null(r.ApiKey);
                else if (r.Path != "/health") Assert.Equal(SecretKey, r.ApiKey);
            }
        }

        [Theory]
        [InlineData(400)]
        [InlineData(422)]
        [InlineData(500)]
        public void Secrets_echoed_in_a_response_body_are_redacted_in_debug_verbose_and_errors(int status)
        {
            Connect("-MaxRetries 1", key: SecretKey);
            const string body = "{\"error\":{\"type\":\"api_error\",\"code\":\"leak\",\"message\":\"rejected Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-LEAK1 for key " + SecretKey + "\"},"
                + "\"api_key\":\"sk_other_LEAK2\",\"apiKey\":\"sk_other_LEAK3\",\"password\":\"pw LEAK4\",\"client_secret\":\"LEAK5\","
                + "\"headers\":{\"Authorization\":\"Bearer LEAK6\",\"X-API-KEY\":\"LEAK7\"},\"access_token\":\"LEAK8\",\"refresh_token\":\"LEAK9\","
                + "\"detail\":[{\"loc\":[\"body\",\"password\"],\"msg\":\"password 'LEAKA' is weak; token=LEAKB\",\"type\":\"value_error\"}]}";
            Sim.Faults.Add("GET", "/api/v2/postings", new Fault { Status = status, Body = body }, times: 5);

            var result = Run("Get-MiloPosting -First 1 -Verbose -Debug");

            Assert.NotEmpty(result.AllErrors);
            Assert.Contains(result.Debug, d => d.Contains("response body") && d.Contains("***"));
            var everything = Everything(result).ToList();
            foreach (var text in everything)
            {
                Assert.DoesNotContain(SecretKey, text);
                foreach (var leak in new[] { "LEAK1", "LEAK2", "LEAK3", "LEAK4", "LEAK5", "LEAK6", "LEAK7", "LEAK8", "LEAK9", "LEAKB", "eyJhbGciOiJIUzI1NiJ9" })
                    Assert.False(text.Contains(leak, StringComparison.Ordinal), $"'{leak}' reached the output: {text}");
            }
        }

        // ---- TLS ---------------------------------------------------------------------------------

        [Fact]
        public void The_module_source_never_switches_off_certificate_validation()
        {
            var src = Path.Combine(RepoPaths.Root, "src");
            var files = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith("MiloTransport.cs", StringComparison.Ordinal)); // the scan does see the transport
            var forbidden = new[]
            {
                "ServerCertificateCustomValidationCallback", "DangerousAcceptAnyServerCertificateValidator",
                "RemoteCertificateValidationCallback", "ServerCertificateValidationCallback", "SslOptions",
                "CheckCertificateRevocationList", "SslPolicyErrors", "CertificateValidation",
            };
            var hits = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
                .Where(x => forbidden.Any(word => x.line.Contains(word, StringComparison.Ordinal)))
                .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}")
                .ToList();
            Assert.True(hits.Count == 0, "certificate validation is touched:\n" + string.Join("\n", hits));
        }

        [Fact]
        public async Task An_https_server_with_an_untrusted_certificate_is_refused_before_the_key_is_sent()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);

            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var handshakes = 0;
            var received = new List<byte>();
            var server = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await listener.AcceptTcpClientAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }
                    using (client)
                    using (var tls = new SslStream(client.GetStream()))
                    {
                        System.Threading.Interlocked.Increment(ref handshakes);
                        try
                        {
                            await tls.AuthenticateAsServerAsync(certificate);
                            var buffer = new byte[4096];
                            var n = await tls.ReadAsync(buffer);
                            lock (received) received.AddRange(buffer.Take(n));
                        }
                        catch (Exception)
                        {
                            // the client refused the certificate: expected
                        }
                    }
                }
            });

            try
            {
                Ps.Set("k", Secure(SecretKey));
                var uri = $"https://127.0.0.1:{port}/";
                Run($"Connect-Milo -ApiKey $k -BaseUri '{uri}' -LegacyBaseUri '{uri}' -MaxRetries 0").ThrowIfTerminating();
                var result = Run("Get-MiloPosting -First 1");

                var error = Assert.Single(result.AllErrors);
                Assert.Equal("HeyMilo.NetworkError,HeyMilo.Commands.GetMiloPostingCommand", error.FullyQualifiedErrorId);
                Assert.True(handshakes >= 1, "the client never reached the TLS server");
                lock (received) Assert.Empty(received); // no HTTP request, so no X-API-KEY, went over the untrusted channel
            }
            finally
            {
                listener.Stop();
                await server.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
    }
}

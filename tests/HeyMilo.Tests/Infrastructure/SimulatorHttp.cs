using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>One request to the simulator over plain HTTP, as the contract tests send it: the key header and a JSON body.</summary>
    internal static class SimulatorHttp
    {
        /// <summary>Sends <paramref name="method"/> <paramref name="path"/> (relative to the client's base address) and returns the status and the answer's text.</summary>
        public static async Task<(int Status, string Text)> SendAsync(HttpClient http, string method, string path, string? body = null, string? key = MiloTestBase.Key)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (key != null) request.Headers.Add("X-API-KEY", key);
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}

using System.Net;
using System.Text;

namespace Tailpaste.TestKit;

/// <summary>Writing and reading pastes on a running sample service, as its users do.</summary>
public static class PasteServiceClient
{
    /// <summary>Posts <paramref name="content"/> as a new paste; its id. Fails the test on any answer but success.</summary>
    public static async Task<string> PostAsync(Uri service, string content, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) } : null;
        using var body = new StringContent(content, Encoding.UTF8, "text/plain");
        using var response = await (client ?? own!).PostAsync(service, body);
        response.EnsureSuccessStatusCode();
        var link = (await response.Content.ReadAsStringAsync()).Trim();
        return link[(link.LastIndexOf('/') + 1)..];
    }

    /// <summary>The paste's content, or null when the service answers 404.</summary>
    public static async Task<string?> GetAsync(Uri service, string id)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(service, id));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}

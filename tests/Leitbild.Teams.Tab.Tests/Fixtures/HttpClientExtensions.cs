using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Leitbild.Teams.Tab.Tests.Fixtures;

public static class HttpClientExtensions
{
    /// <summary>Signs in through the development sign-in API, as the sign-in page does, and returns the token.</summary>
    public static async Task<string> DevSignInAsync(this HttpClient client, string personId)
    {
        var response = await client.PostAsJsonAsync("/api/tab/dev-signin", new { personId });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? token, object? body = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

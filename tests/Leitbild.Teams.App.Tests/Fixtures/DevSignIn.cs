using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Leitbild.Teams.App.Tests.Fixtures;

/// <summary>Signs a test client in through the local development sign-in, as the tab does; the API's policies then apply.</summary>
internal static class DevSignIn
{
    /// <summary>Emil Exempel, StA 61: organizer and reviewer.</summary>
    public const string Organizer = "0374d0fd-4d54-5dd6-9642-c253379975a1";
    /// <summary>Moderation Erfundenhaus (extern): a guest organizer.</summary>
    public const string GuestOrganizer = "5fc7a9bd-383f-5151-97f7-6746dba5e07b";

    public static async Task<string> TokenAsync(this HttpClient client, string personId)
    {
        var response = await client.PostAsJsonAsync("/api/tab/dev-signin", new { personId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Every later request of this client carries the person's development token.</summary>
    public static async Task SignInAsync(this HttpClient client, string personId) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(personId));
}

using System.Net;
using System.Text.Json;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Microsoft365;

/// <summary>
/// The real app in Microsoft 365 mode against the world of <see cref="Microsoft365World"/>: only its settings point
/// it there; nothing of the app is replaced.
/// </summary>
public sealed class Microsoft365EndToEndTests : IAsyncLifetime
{
    private Microsoft365World _world = null!;

    public async Task InitializeAsync() => _world = await Microsoft365World.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AnOrganizerByEntraRoleAloneMayStartAPollFromTheBotAndSomeoneWithoutTheRoleMayNot()
    {
        _world.AddStaff(1, 10, "Planungsamt");
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        // Neither person is in the template's organisation file; only Entra knows them.
        var template = await app.Services.GetRequiredService<Process.SeededDirectory>().GetOrganisationAsync(CancellationToken.None);
        Assert.DoesNotContain(template.People, p => p.Id.StartsWith("e0000000-", StringComparison.Ordinal));

        var organizer = Microsoft365World.PersonId(1);
        var staff = Microsoft365World.PersonId(2);
        Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, _world.PersonalActivity(organizer, "message") with { Text = "umfrage" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, _world.PersonalActivity(staff, "message") with { Text = "umfrage" })).StatusCode);

        await WaitUntilAsync(() => _world.CardsSentTo("a:" + organizer).Count > 0);
        var refusal = Texts.Get("poll.create.onlyOrganizers", "de");
        await WaitUntilAsync(() => BodiesTo("a:" + staff).Any(b => b.Contains(JsonEncodedText.Encode(refusal).ToString(), StringComparison.Ordinal)));
        Assert.Empty(_world.CardsSentTo("a:" + staff));
        // The replies went out with an app token from the tenant's authority.
        Assert.Contains("https://api.botframework.com/.default", _world.Entra.TokenRequests);
    }

    private IEnumerable<string> BodiesTo(string conversationId) =>
        _world.Connector.Calls.Where(c => c.ConversationId == conversationId && c.Body is not null).Select(c => c.Body!);

    private static async Task WaitForSyncAsync(HttpClient client)
    {
        await WaitUntilAsync(async () =>
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
            return health.RootElement.GetProperty("directory").GetProperty("lastSync").ValueKind == JsonValueKind.String;
        });
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not become true within 60 s.");
    }
}

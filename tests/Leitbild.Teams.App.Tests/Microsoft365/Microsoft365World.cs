using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Bot;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.ConnectorSimulator;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Calendars;
using Leitbild.Teams.GraphSimulator.Directory;
using Leitbild.Teams.GraphSimulator.Lists;
using Leitbild.Teams.GraphSimulator.Teams;
using Leitbild.Teams.IdentitySimulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Microsoft365;

/// <summary>
/// Everything the app meets in a tenant, in-process on 127.0.0.1: Entra (https: metadata, keys, app tokens), the Bot
/// Framework's OpenID metadata, Graph (directory, Teams app catalogue and installs, SharePoint lists, calendars) and
/// the Bot Connector. The app itself is the real one in Microsoft 365 mode, configured only through its settings.
/// </summary>
/// <summary>
/// Test classes that start a world run one after another: each world trusts its Entra stand-in's certificate in the
/// user's store and takes it out again when it stops, which would pull the trust from under a world running beside it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class Microsoft365WorldCollection
{
    public const string Name = "Microsoft 365 world";
}

public sealed class Microsoft365World : IAsyncDisposable
{
    public const string TenantId = "7d1c8a50-5b6e-4f0a-9d3c-1b2a3c4d5e6f";
    public const string ClientId = "3f2e1d0c-9b8a-4765-a432-10fedcba9876";
    public const string ClientSecret = "test-only-secret";
    /// <summary>The planning office's Entra group, the only reader of the raw answers list.</summary>
    public static readonly Guid PlanningOfficeGroup = new("aaaaaaaa-1111-2222-3333-444444444444");

    private Microsoft365World() { }

    public EntraStandIn Entra { get; private set; } = null!;
    public LocalOpenIdEndpoint BotFramework { get; private set; } = null!;
    public TestSigningKey TeamsKey { get; } = LocalOpenIdEndpoint.NewKey("teams-key-1", "msteams");
    public DirectoryFeature Directory { get; } = new() { AppId = ClientId };
    public TeamsAppsFeature TeamsApps { get; } = new() { ExternalId = ClientId };
    public ListsFeature Lists { get; } = new();
    public CalendarsFeature Calendars { get; } = new();
    public SimSite Site { get; private set; } = null!;
    public GraphSimulatorHost Graph { get; private set; } = null!;
    public ConnectorSimulatorHost Connector { get; private set; } = null!;

    public static async Task<Microsoft365World> StartAsync()
    {
        var world = new Microsoft365World();
        world.Entra = await EntraStandIn.StartAsync(TenantId, ClientId, ClientSecret);
        world.BotFramework = await LocalOpenIdEndpoint.StartAsync(world.TeamsKey);
        world.Site = world.Lists.AddSite(ListsSimulator.HostName, ListsSimulator.SitePath, "Leitbild");
        world.Graph = await GraphSimulatorHost.StartAsync(world.Directory, world.TeamsApps, world.Lists, world.Calendars);
        world.Lists.BatchStepFaults = world.Graph.Faults;
        world.Graph.Faults.RetryAfterSeconds = 0;
        world.Connector = await ConnectorSimulatorHost.StartAsync(TimeProvider.System);
        world.Connector.IsInstalledFor = world.TeamsApps.IsInstalled;
        // The admin's one-time step before the first start (provision-sharepoint): the results lists on the site.
        var admin = LeitbildGraphClient.Create(
            new GraphClientSettings { BaseUrl = world.Graph.BaseUrl, OrganisationName = "Stadt Bergkamen", AppVersion = "test" },
            new StaticAccessTokenProvider("admin"), TimeProvider.System, NullLoggerFactory.Instance);
        var rest = new HttpClient();
        await new SharePointProvisioner(admin, world.Graph.BaseUrl,
                siteUrl => new SharePointRestClient(rest, new Uri(new Uri(world.Graph.BaseUrl.GetLeftPart(UriPartial.Authority)), siteUrl.AbsolutePath), new StaticAccessTokenProvider("admin")))
            .ProvisionAsync(new SiteReference(world.Site.Id, null, null), new RawAnswersAccess([PlanningOfficeGroup]), CancellationToken.None);
        return world;
    }

    /// <summary>The app with every Microsoft 365 setting given and the endpoints pointed at this world.</summary>
    public LocalAppFactory App() => new(
        ("Leitbild:Mode", "Microsoft365"),
        ("Leitbild:Microsoft365:TenantId", TenantId),
        ("Leitbild:Microsoft365:ClientId", ClientId),
        ("Leitbild:Microsoft365:ClientSecret", ClientSecret),
        ("Leitbild:Microsoft365:SharePointSiteId", Site.Id),
        ("Leitbild:Microsoft365:GraphBaseUrl", Graph.BaseUrl.ToString()),
        ("Leitbild:Microsoft365:Instance", Entra.Instance),
        ("Leitbild:Microsoft365:InstallsPerSecond", "50"),
        ("Leitbild:Bot:OpenIdMetadataUrl", BotFramework.MetadataUrl),
        ("Leitbild:Bot:ServiceUrl", Connector.ServiceUrl),
        ("Leitbild:AnonymousKey", new string('k', 40)),
        ("Leitbild:PublicBaseUrl", "https://leitbild.bergkamen.example"));

    public static string PersonId(int i) => $"e0000000-0000-0000-0000-{i:D12}";

    public void AddStaff(int from, int to, string? department)
    {
        for (var i = from; i <= to; i++)
        {
            Directory.AddUser(new SimulatedUser
            {
                Id = PersonId(i),
                DisplayName = $"Mitarbeitende {i}",
                Mail = $"m{i}@bergkamen.example",
                UserPrincipalName = $"m{i}@bergkamen.example",
                Department = department,
            });
        }
    }

    public static async Task<HttpResponseMessage> TabAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await client.SendAsync(request);
    }

    /// <summary>An activity from Teams, signed as the Bot Connector signs it.</summary>
    public async Task<HttpResponseMessage> FromTeamsAsync(HttpClient client, Activity activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: BotJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LocalOpenIdEndpoint.BotToken(TeamsKey, ClientId, Connector.ServiceUrl));
        return await client.SendAsync(request);
    }

    public Activity PersonalActivity(string personId, string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString(),
        ChannelId = "msteams",
        ServiceUrl = Connector.ServiceUrl,
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "de-DE",
        From = new ChannelAccount { Id = "29:" + personId, AadObjectId = personId },
        Recipient = new ChannelAccount { Id = "28:" + ClientId },
        Conversation = new ConversationAccount { Id = "a:" + personId, ConversationType = "personal", TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
    };

    /// <summary>
    /// Person <paramref name="i"/> answering page 1 of a poll card in their 1:1 chat (a signed adaptiveCard/action
    /// invoke, as Teams sends it): the given inputs plus the poll, page and verb the card carries.
    /// </summary>
    public Activity PollAnswer(int i, string pollId, IEnumerable<KeyValuePair<string, string>> inputs) => PersonalActivity(PersonId(i), "invoke") with
    {
        Name = "adaptiveCard/action",
        ReplyToId = "card-" + i,
        Value = JsonSerializer.SerializeToElement(new
        {
            action = new
            {
                type = "Action.Execute",
                verb = "poll.answer",
                data = inputs.Append(new("pollId", pollId)).Append(new("page", "1")).Append(new("verb", "poll.answer")).ToDictionary(),
            },
            trigger = "manual",
        }),
    };

    /// <summary>The cards posted (sent or replied) to one conversation, newest last.</summary>
    public IReadOnlyList<JsonElement> CardsSentTo(string conversationId) =>
        [.. Connector.Calls
            .Where(c => c.ConversationId == conversationId && c.Method == "POST" && c.Status == 201 && c.Path.Contains("/activities", StringComparison.Ordinal) && c.Body is not null)
            .Select(c => JsonDocument.Parse(c.Body!).RootElement)
            .Where(a => a.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0)
            .Select(a => a.GetProperty("attachments")[0].GetProperty("content").Clone())];

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
        await BotFramework.DisposeAsync();
        await Entra.DisposeAsync();
    }
}

namespace Leitbild.Teams.App.Hosting;

public enum AppMode
{
    /// <summary>Everything embedded: SQLite, seeded directory and calendars, a local Teams client.</summary>
    Local,
    /// <summary>Graph, SharePoint and the Bot Connector of a real tenant.</summary>
    Microsoft365,
}

public enum SqliteJournal
{
    Wal,
    Delete,
}

/// <summary>Configuration section <c>Leitbild</c>. Local mode needs none of it.</summary>
public sealed class LeitbildOptions
{
    public const string Section = "Leitbild";

    public AppMode Mode { get; set; } = AppMode.Local;

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string DatabasePath { get; set; } = "leitbild.db";

    /// <summary>
    /// SQLite journal: WAL (default) on a local disk; Delete where the file lives on a network share such as
    /// App Service's /home, because WAL needs shared memory that SMB cannot give.
    /// </summary>
    public SqliteJournal SqliteJournal { get; set; } = SqliteJournal.Wal;

    /// <summary>Folder with process.json, goals.json and organisation.json; default: the shipped Bergkamen template.</summary>
    public string? TemplatePath { get; set; }

    /// <summary>Secret key for anonymous respondent keys (at least 32 characters). Local mode makes one and keeps it in <see cref="AnonymousKeyPath"/>.</summary>
    public string? AnonymousKey { get; set; }

    /// <summary>Local mode's key file (never inside the database); default: the database path + ".anonymity-key".</summary>
    public string? AnonymousKeyPath { get; set; }

    /// <summary>Public https address of the app (tab, bot endpoint, manifest); required in Microsoft 365 mode.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Shown in the User-Agent Graph asks for (NONISV|organisation|Leitbild.Teams/version).</summary>
    public string OrganisationName { get; set; } = "Stadt Bergkamen";

    /// <summary>Largest accepted request body at /api/messages, in bytes; larger ones get 413.</summary>
    public long BotMaxRequestBytes { get; set; } = 512 * 1024;

    /// <summary>Seconds one fetch of the Bot Framework's OpenID metadata or signing keys may take (Teams waits 15 s).</summary>
    public int BotKeyFetchTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Days after an event's end during which the signed .ics link of a chat card still opens (local mode); later the
    /// link answers 410 Gone.
    /// </summary>
    public int IcsLinkValidDays { get; set; } = 14;

    public RequestLimitsOptions Limits { get; set; } = new();

    /// <summary>
    /// The fewest different people whose answers are shown together, in every result (the 5-person rule); may be
    /// raised, never set below 3.
    /// </summary>
    public int MinimumGroupSize { get; set; } = Core.Results.MinimumGroupSize.Default;

    public Microsoft365Options Microsoft365 { get; set; } = new();

    public BotOptions Bot { get; set; } = new();
}

public sealed class BotOptions
{
    /// <summary>Where the Bot Framework's signing keys are announced; other values only for sovereign clouds and tests.</summary>
    public string OpenIdMetadataUrl { get; set; } = Leitbild.Teams.Bot.Authentication.BotAuthenticationOptions.BotFrameworkOpenIdMetadata;

    /// <summary>
    /// Where 1:1 chats are opened before anyone has written to the bot (after that, the service URL Teams sent is
    /// used). The public cloud's proactive endpoint; sovereign clouds have their own (TeamsProactiveServiceEndpoints,
    /// https://learn.microsoft.com/dotnet/api/microsoft.agents.extensions.teams.teamsproactiveserviceendpoints).
    /// </summary>
    public string ServiceUrl { get; set; } = DefaultServiceUrl;

    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";
}

public sealed class Microsoft365Options
{
    public string? TenantId { get; set; }
    /// <summary>The Entra app registration used by the bot, the tab (SSO) and Graph (app-only).</summary>
    public string? ClientId { get; set; }
    /// <summary>From Key Vault in production; never in a file in the repository.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>SharePoint site id (host,siteCollectionId,webId) holding the results lists.</summary>
    public string? SharePointSiteId { get; set; }
    /// <summary>Graph's base address; only for national clouds. Default https://graph.microsoft.com/v1.0/.</summary>
    public string? GraphBaseUrl { get; set; }
    /// <summary>The same site's https address (https://contoso.sharepoint.com/sites/leitbild): the results page links to its lists.</summary>
    public string? SharePointSiteUrl { get; set; }
    /// <summary>The Entra authority host for app tokens; other values only for sovereign clouds and tests.</summary>
    public string Instance { get; set; } = DefaultInstance;
    /// <summary>Minutes between two directory syncs from Entra ID (the first runs at start).</summary>
    public int DirectorySyncMinutes { get; set; } = 60;
    /// <summary>Pace of proactive app installs during a broadcast (Graph's Teams limits are per app and tenant).</summary>
    public int InstallsPerSecond { get; set; } = 20;

    public const string DefaultInstance = "https://login.microsoftonline.com/";
}

/// <summary>
/// Section <c>Leitbild:Limits</c>: what one caller may send. The bot endpoint has its own size limit
/// (<see cref="LeitbildOptions.BotMaxRequestBytes"/>) and no rate limit: Teams retries and authenticates it.
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Requests per minute of one signed-in person (token bucket: a minute's worth at once, then steady).</summary>
    public int PermitsPerMinutePerPerson { get; set; } = 600;

    /// <summary>
    /// Requests per minute from one address without a sign-in (pages, texts, the start page). Higher than per person,
    /// because a city's staff often share one outgoing address.
    /// </summary>
    public int PermitsPerMinutePerAddress { get; set; } = 1200;

    /// <summary>Largest JSON body of the APIs, in bytes; larger ones get 413.</summary>
    public long ApiMaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest poll draft (create, preview): 5,000 named people and 10 questions of the longest texts take about 300 KB
    /// when a client escapes every umlaut as <c>\u00e4</c>.
    /// </summary>
    public long PollDraftMaxRequestBytes { get; set; } = 512 * 1024;
}

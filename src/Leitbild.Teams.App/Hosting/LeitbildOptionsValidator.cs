using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

/// <summary>Collects every missing or invalid setting, so one start attempt names them all.</summary>
public sealed class LeitbildOptionsValidator : IValidateOptions<LeitbildOptions>
{
    public ValidateOptionsResult Validate(string? name, LeitbildOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("Leitbild:DatabasePath: Pfad zur SQLite-Datei fehlt / path of the SQLite file is missing");
        }
        if (options.AnonymousKey is { Length: > 0 and < 32 })
        {
            failures.Add("Leitbild:AnonymousKey: mindestens 32 Zeichen / at least 32 characters");
        }
        if (options.BotMaxRequestBytes < 16 * 1024)
        {
            failures.Add("Leitbild:BotMaxRequestBytes: mindestens 16384 Bytes / at least 16384 bytes");
        }
        if (options.BotKeyFetchTimeoutSeconds is < 1 or > 10)
        {
            failures.Add("Leitbild:BotKeyFetchTimeoutSeconds: 1 bis 10 Sekunden / 1 to 10 seconds");
        }
        if (options.IcsLinkValidDays is < 1 or > 365)
        {
            failures.Add("Leitbild:IcsLinkValidDays: 1 bis 365 Tage / 1 to 365 days");
        }
        var limits = options.Limits;
        if (limits.PermitsPerMinutePerPerson is < 10 or > 100_000)
        {
            failures.Add("Leitbild:Limits:PermitsPerMinutePerPerson: 10 bis 100000 / 10 to 100000");
        }
        if (limits.PermitsPerMinutePerAddress is < 10 or > 100_000)
        {
            failures.Add("Leitbild:Limits:PermitsPerMinutePerAddress: 10 bis 100000 / 10 to 100000");
        }
        if (limits.ApiMaxRequestBytes is < 4 * 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("Leitbild:Limits:ApiMaxRequestBytes: 4096 bis 16777216 Bytes / 4096 to 16777216 bytes");
        }
        if (limits.PollDraftMaxRequestBytes < limits.ApiMaxRequestBytes || limits.PollDraftMaxRequestBytes > 16 * 1024 * 1024)
        {
            failures.Add("Leitbild:Limits:PollDraftMaxRequestBytes: mindestens ApiMaxRequestBytes, höchstens 16777216 Bytes / at least ApiMaxRequestBytes, at most 16777216 bytes");
        }
        if (options.MinimumGroupSize is < Core.Results.MinimumGroupSize.Lowest or > 100)
        {
            failures.Add("Leitbild:MinimumGroupSize: 3 bis 100 Personen / 3 to 100 people");
        }
        if (options.Mode == AppMode.Microsoft365)
        {
            var m365 = options.Microsoft365;
            RequireGuid(failures, "Leitbild:Microsoft365:TenantId", m365.TenantId);
            RequireGuid(failures, "Leitbild:Microsoft365:ClientId", m365.ClientId);
            Require(failures, "Leitbild:Microsoft365:ClientSecret", m365.ClientSecret);
            Require(failures, "Leitbild:Microsoft365:SharePointSiteId", m365.SharePointSiteId);
            Require(failures, "Leitbild:AnonymousKey", options.AnonymousKey);
            if (m365.GraphBaseUrl is { Length: > 0 } graph && (!Uri.TryCreate(graph, UriKind.Absolute, out var graphUrl) || (graphUrl.Scheme != Uri.UriSchemeHttps && !graphUrl.IsLoopback)))
            {
                failures.Add("Leitbild:Microsoft365:GraphBaseUrl: keine https-Adresse (http nur für 127.0.0.1) / not an https address (http only for 127.0.0.1)");
            }
            if (!IsHttpsOrLoopback(m365.Instance))
            {
                failures.Add("Leitbild:Microsoft365:Instance: keine https-Adresse (http nur für 127.0.0.1) / not an https address (http only for 127.0.0.1)");
            }
            if (!IsHttpsOrLoopback(options.Bot.OpenIdMetadataUrl))
            {
                failures.Add("Leitbild:Bot:OpenIdMetadataUrl: keine https-Adresse (http nur für 127.0.0.1) / not an https address (http only for 127.0.0.1)");
            }
            if (!IsHttpsOrLoopback(options.Bot.ServiceUrl))
            {
                failures.Add("Leitbild:Bot:ServiceUrl: keine https-Adresse (http nur für 127.0.0.1) / not an https address (http only for 127.0.0.1)");
            }
            if (m365.InstallsPerSecond is < 1 or > 100)
            {
                failures.Add("Leitbild:Microsoft365:InstallsPerSecond: 1 bis 100 / 1 to 100");
            }
            if (m365.DirectorySyncMinutes is < 5 or > 1440)
            {
                failures.Add("Leitbild:Microsoft365:DirectorySyncMinutes: 5 bis 1440 Minuten / 5 to 1440 minutes");
            }
            if (!string.IsNullOrWhiteSpace(m365.SharePointSiteUrl)
                && (!Uri.TryCreate(m365.SharePointSiteUrl, UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add("Leitbild:Microsoft365:SharePointSiteUrl: keine https-Adresse / not an https address");
            }
            if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Leitbild:PublicBaseUrl: fehlt oder ist keine https-Adresse / missing or not an https address");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpsOrLoopback(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    private static void Require(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key}: fehlt / missing");
        }
    }

    private static void RequireGuid(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key}: fehlt / missing");
        }
        else if (!Guid.TryParse(value, out _))
        {
            failures.Add($"{key}: '{value}' ist keine GUID / is not a GUID");
        }
    }
}

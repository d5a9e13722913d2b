using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Abstractions;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// <c>provision-sharepoint --site &lt;id or URL&gt;</c>: creates or completes the results lists on the site, their views,
/// and the raw answers list's own permissions (read for the groups in <c>Leitbild:Microsoft365:RawAnswersReaderGroups</c>
/// only). Reads the Microsoft 365 settings like the app does (appsettings.json, environment, command line). Views and
/// permissions go through SharePoint's REST API, which takes app-only tokens from a certificate only
/// (<c>Leitbild:Microsoft365:ClientCertificatePath</c>). <c>--graph-base-url</c> and <c>--sharepoint-base-url</c> (not in
/// the help) point it at a simulator on this machine for tests.
/// </summary>
public static class ProvisionSharePointVerb
{
    public const string Help = "Legt die SharePoint-Listen für Rückmeldungen an oder ergänzt sie, mit Ansichten und Rohdaten nur für das Planungsamt / creates or completes the SharePoint results lists, their views and the planning office's raw answers list: --site <id oder/or https-URL>";

    public const string RawAnswersReaderGroupsKey = "Leitbild:Microsoft365:RawAnswersReaderGroups";
    public const string CertificatePathKey = "Leitbild:Microsoft365:ClientCertificatePath";
    public const string CertificatePasswordKey = "Leitbild:Microsoft365:ClientCertificatePassword";

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Length % 2 != 0 || arguments.Where((a, i) => i % 2 == 0 && !a.StartsWith("--", StringComparison.Ordinal)).Any())
        {
            await error.WriteLineAsync("Aufruf / usage: provision-sharepoint --site <Website-ID oder https-Adresse / site id or https address>");
            return 2;
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(arguments)
            .Build();
        var options = configuration.GetSection(LeitbildOptions.Section).Get<LeitbildOptions>() ?? new LeitbildOptions();
        var siteText = configuration["site"] ?? options.Microsoft365.SharePointSiteId;
        var problems = new List<string>();
        if (!SiteReference.TryParse(siteText, out var site))
        {
            problems.Add("--site: fehlt oder ist weder Website-ID (host,GUID,GUID) noch https-Adresse / missing, or neither a site id (host,GUID,GUID) nor an https address");
        }
        var m365 = options.Microsoft365;
        if (!Guid.TryParse(m365.TenantId, out _))
        {
            problems.Add("Leitbild:Microsoft365:TenantId: fehlt oder ist keine GUID / missing or not a GUID");
        }
        if (!Guid.TryParse(m365.ClientId, out _))
        {
            problems.Add("Leitbild:Microsoft365:ClientId: fehlt oder ist keine GUID / missing or not a GUID");
        }
        if (string.IsNullOrWhiteSpace(m365.ClientSecret))
        {
            problems.Add("Leitbild:Microsoft365:ClientSecret: fehlt / missing");
        }
        var readerGroups = new List<Guid>();
        foreach (var text in (configuration[RawAnswersReaderGroupsKey] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParse(text, out var group))
            {
                readerGroups.Add(group);
            }
            else
            {
                problems.Add($"{RawAnswersReaderGroupsKey}: „{text}“ ist keine Gruppen-ID (GUID) / is not a group object id (GUID)");
            }
        }
        if (readerGroups.Count == 0 && !problems.Any(p => p.StartsWith(RawAnswersReaderGroupsKey, StringComparison.Ordinal)))
        {
            problems.Add($"{RawAnswersReaderGroupsKey}: fehlt – die Entra-Gruppen des Planungsamts, die die Rohdaten lesen dürfen / missing – the planning office's Entra groups that may read the raw answers");
        }
        Uri? sharePointBaseUrl = null;
        if (configuration["sharepoint-base-url"] is { } sharePointText && !Uri.TryCreate(sharePointText, UriKind.Absolute, out sharePointBaseUrl))
        {
            problems.Add("--sharepoint-base-url: keine gültige Adresse / not a valid address");
        }
        var certificatePath = configuration[CertificatePathKey];
        if (sharePointBaseUrl is not { IsLoopback: true } && (string.IsNullOrWhiteSpace(certificatePath) || !File.Exists(certificatePath)))
        {
            problems.Add($"{CertificatePathKey}: fehlt oder die Datei gibt es nicht – SharePoint-REST (Ansichten, Berechtigungen) nimmt App-Tokens nur mit Zertifikat an / missing or no such file – SharePoint REST (views, permissions) accepts app-only tokens from a certificate only");
        }
        Uri? graphBaseUrl = null;
        if (configuration["graph-base-url"] is { } graphText && !Uri.TryCreate(graphText, UriKind.Absolute, out graphBaseUrl))
        {
            problems.Add("--graph-base-url: keine gültige Adresse / not a valid address");
        }
        if (problems.Count > 0)
        {
            await error.WriteLineAsync("provision-sharepoint braucht die Microsoft-365-Einstellungen / needs the Microsoft 365 settings:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("  " + problem);
            }
            return 2;
        }

        var client = GraphClientFactory.CreateClient(options, graphBaseUrl, TimeProvider.System, NullLoggerFactory.Instance);
        var settings = new GraphClientSettings { OrganisationName = options.OrganisationName, AppVersion = GraphClientFactory.AppVersion };
        var http = SharePointRestClient.CreateHttpClient(settings, TimeProvider.System, NullLoggerFactory.Instance);
        SharePointRestClient RestFor(Uri siteUrl)
        {
            if (sharePointBaseUrl is { IsLoopback: true } local)
            {
                // Only a simulator on this machine gets a fixed token: the site's path under its address.
                return new SharePointRestClient(http, new Uri(local, siteUrl.AbsolutePath), new StaticAccessTokenProvider("simulator"));
            }
            var acquirer = GraphClientFactory.CreateTokenAcquirer(m365, new CredentialDescription
            {
                SourceType = CredentialSource.Path,
                CertificateDiskPath = certificatePath,
                CertificatePassword = configuration[CertificatePasswordKey],
            });
            var restUrl = sharePointBaseUrl is null ? siteUrl : new Uri(sharePointBaseUrl, siteUrl.AbsolutePath);
            return new SharePointRestClient(http, restUrl, new SharePointAccessTokenProvider(acquirer, restUrl));
        }
        var provisioner = new SharePointProvisioner(client, graphBaseUrl ?? GraphClientSettings.GraphV1, RestFor);
        try
        {
            var report = await provisioner.ProvisionAsync(site!, new RawAnswersAccess(readerGroups), cancellationToken);
            foreach (var action in report.Actions)
            {
                await output.WriteLineAsync(action);
            }
            foreach (var warning in report.Warnings)
            {
                await error.WriteLineAsync("Warnung / warning: " + warning);
            }
            if (!report.ChangedSomething)
            {
                await output.WriteLineAsync("Alles vorhanden, nichts geändert / everything in place, nothing changed.");
            }
            await output.WriteLineAsync($"Leitbild:Microsoft365:SharePointSiteId = {report.SiteId}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ODataError or HttpRequestException or SharePointRestException)
        {
            await error.WriteLineAsync("Einrichtung fehlgeschlagen / provisioning failed: " + (e is ODataError o ? $"{o.ResponseStatusCode} {o.Error?.Message}" : e.Message));
            return 1;
        }
        finally
        {
            http.Dispose();
        }
    }
}

namespace Leitbild.Teams.Graph.Client;

/// <summary>
/// Identifies our traffic as SharePoint asks ISVs and organisations to: "NONISV|Organisation|App/Version"
/// (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online#how-to-decorate-your-http-traffic).
/// Sits last in the pipeline so nothing appends to it.
/// </summary>
public sealed class UserAgentHandler(string userAgent) : DelegatingHandler
{
    public static string For(string organisation, string version) => $"NONISV|{organisation}|Leitbild.Teams/{version}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>Starts a simulator that serves SharePoint lists, with one site ready and step faults wired to the host's injector.</summary>
public static class ListsSimulator
{
    public const string HostName = "bergkamen.sharepoint.com";
    public const string SitePath = "/sites/leitbild";

    public static async Task<(GraphSimulatorHost Host, ListsFeature Lists, SimSite Site)> StartAsync()
    {
        var lists = new ListsFeature();
        var site = lists.AddSite(HostName, SitePath, "Leitbild");
        var host = await GraphSimulatorHost.StartAsync(lists);
        lists.BatchStepFaults = host.Faults;
        return (host, lists, site);
    }
}

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// The app on Kestrel, then the Agents Playground pointed at it (the bot must run first: the Playground polls it
/// for about 15 s at start), then a client on the Playground's API. Both stop when the tests of the collection end.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public LocalApp App { get; } = new();

    public PlaygroundProcess Playground { get; private set; } = null!;

    public PlaygroundClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.Start();
        Playground = await PlaygroundProcess.StartAsync($"{App.BaseUrl}/api/messages", TimeSpan.FromSeconds(60));
        Client = await PlaygroundClient.ConnectAsync(Playground.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }
        await App.DisposeAsync();
        App.DeleteDatabase();
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}

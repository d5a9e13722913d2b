namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>One app in local mode shared by the tests of a class (xunit class fixture); disposed after the last one.</summary>
public sealed class LocalApp : IAsyncLifetime
{
    public TabAppFactory Factory { get; } = TabAppFactory.Local();

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

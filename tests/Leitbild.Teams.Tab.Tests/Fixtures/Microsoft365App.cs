namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>One app in Microsoft 365 mode whose Entra scheme trusts <see cref="Tokens"/>; shared by a test class.</summary>
public sealed class Microsoft365App : IAsyncLifetime
{
    public EntraTokens Tokens { get; } = new();

    public TabAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = TabAppFactory.Microsoft365(Tokens);
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Tokens.Dispose();
    }
}

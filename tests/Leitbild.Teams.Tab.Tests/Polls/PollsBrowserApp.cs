using Leitbild.Teams.Tab.Tests.Fakes;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>
/// The shared browser fixture's Chromium with a second app of our own: local mode with the hand-made poll delivery,
/// so the polls page can send without a Teams client.
/// </summary>
public sealed class PollsBrowserApp : IAsyncLifetime
{
    public BrowserApp Browser { get; } = new();

    public Fixtures.TabAppFactory Factory { get; } = PollsApp.Create();

    public string BaseUrl { get; private set; } = null!;

    public FakePollDelivery Delivery => Factory.Services.GetRequiredService<FakePollDelivery>();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        BaseUrl = BrowserApp.StartOnKestrel(Factory);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Browser.DisposeAsync();
    }
}

using Leitbild.Teams.Tab.Tests.Fakes;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>
/// A second app on Kestrel for the polls page: local mode with the hand-made poll delivery, so the page can send without
/// a Teams client. The browser is the browser collection's one Chromium (the tests run in that collection, one at a time).
/// </summary>
public sealed class PollsBrowserApp : IAsyncLifetime
{
    public TabAppFactory Factory { get; } = PollsApp.Create();

    public string BaseUrl { get; private set; } = null!;

    public FakePollDelivery Delivery => Factory.Services.GetRequiredService<FakePollDelivery>();

    public Task InitializeAsync()
    {
        BaseUrl = BrowserApp.StartOnKestrel(Factory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

using Leitbild.Teams.App.Polls;
using Leitbild.Teams.Tab.Tests.Fakes;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>The app in local mode with the hand-made poll delivery in place of the bot's.</summary>
public static class PollsApp
{
    public static TabAppFactory Create() => new([("Leitbild:Mode", "Local")], services =>
    {
        services.AddSingleton<FakePollDelivery>();
        services.Replace(ServiceDescriptor.Singleton<IPollDelivery>(sp => sp.GetRequiredService<FakePollDelivery>()));
    });
}

/// <summary>One such app per test class; disposed after the last test.</summary>
public sealed class PollsApiApp : IAsyncLifetime
{
    public TabAppFactory Factory { get; } = PollsApp.Create();

    public HttpClient Client { get; private set; } = null!;

    public FakePollDelivery Delivery => Factory.Services.GetRequiredService<FakePollDelivery>();

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

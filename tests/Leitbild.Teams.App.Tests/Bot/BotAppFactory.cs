using System.Net;
using System.Net.Http.Json;
using Leitbild.Teams.Bot.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Bot;

/// <summary>
/// The app in local mode on a temp SQLite file of its own. TestServer has no network, so a test header stands in
/// for the caller's address (loopback unless a test says otherwise).
/// </summary>
public sealed class BotAppFactory : WebApplicationFactory<Program>
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private readonly Dictionary<string, string?> _settings;

    public BotAppFactory(string? databasePath = null, IDictionary<string, string?>? settings = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"leitbild-bot-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Leitbild:DatabasePath"] = DatabasePath,
        };
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // First of all filters: it plays the socket, so the app's own first step must already see the address.
        builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, RemoteAddressFilter>()));
    }

    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address)
                    ? IPAddress.Parse(address.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Activities as the Agents Playground and Teams send them, pointed at a connector simulator.</summary>
public static class Activities
{
    public const string Tenant = "5f0c2a59-8f4e-4a7e-9b1c-0d7e6f5a4b3c";
    public const string PersonId = "b1f3c1a0-1111-4c2d-8e3f-000000000001";

    public static Activity Base(string serviceUrl, string type, string locale = "de-DE", string conversationId = "a:personal-1") => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString(),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Timestamp = DateTimeOffset.UtcNow,
        Locale = locale,
        From = new ChannelAccount { Id = "29:person-1", Name = "Erika Mustermann", AadObjectId = PersonId },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Leitbild" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = Tenant },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = Tenant } },
    };

    public static Activity Install(string serviceUrl, string locale = "de-DE") => Base(serviceUrl, "installationUpdate", locale) with { Action = "add" };

    public static Activity Text(string serviceUrl, string text, string locale = "de-DE") => Base(serviceUrl, "message", locale) with { Text = text, TextFormat = "plain" };

    public static Activity Execute(string serviceUrl, string verb, string locale = "de-DE", string replyToId = "card-1") =>
        Base(serviceUrl, "invoke", locale) with
        {
            Name = "adaptiveCard/action",
            ReplyToId = replyToId,
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data = new { verb } }, trigger = "manual" }),
        };

    public static Activity Submit(string serviceUrl, string verb, string locale = "de-DE", string replyToId = "card-1") =>
        Base(serviceUrl, "message", locale) with { ReplyToId = replyToId, Value = System.Text.Json.JsonSerializer.SerializeToElement(new { verb }) };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, Activity activity) =>
        client.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
}

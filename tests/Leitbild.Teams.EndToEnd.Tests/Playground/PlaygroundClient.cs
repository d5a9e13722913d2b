using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>One chat message as the Playground's web page receives it over its websocket.</summary>
public sealed record PlaygroundEvent(string Action, string ConversationId, JsonElement Message)
{
    public string MessageId => Message.GetProperty("messageId").GetString()!;

    public JsonElement? Card => Message.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0
        && a[0].GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive"
            ? a[0].GetProperty("content")
            : null;

    public string? CardTitle => Card?.GetProperty("body")[0].GetProperty("text").GetString();
}

/// <summary>
/// Drives the Agents Playground through the HTTP API and websocket its own web page uses (version 0.2.28):
/// GET /_internal/v1/config, POST /_debug/conversation/{id}/installation, POST /_conversation/v1/conversations/{id}/messages,
/// POST /_conversation/v1/invoke, POST /_conversation/v1/submit, and /_ws_conversation/v1/conversations/stream.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<PlaygroundEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Task _receiving = Task.CompletedTask;

    private PlaygroundClient(string baseUrl) => _http = new HttpClient { BaseAddress = new Uri(baseUrl) };

    public string PersonalChatId { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public string UserObjectId { get; private set; } = "";

    public string TenantId { get; private set; } = "";

    /// <summary>The Playground's group chat, with the current user and every configured user as members.</summary>
    public string GroupChatId { get; private set; } = "";

    /// <summary>The bot as the Playground knows it (to @mention it in group chats).</summary>
    public string BotId { get; private set; } = "";

    public string BotName { get; private set; } = "";

    /// <summary>The configured users other than the current one (their Playground ids, "user-id-1" …).</summary>
    public IReadOnlyList<string> OtherUserIds { get; private set; } = [];

    public static async Task<PlaygroundClient> ConnectAsync(string baseUrl)
    {
        var client = new PlaygroundClient(baseUrl);
        var config = await client._http.GetFromJsonAsync<JsonElement>("/_internal/v1/config");
        var c = config.GetProperty("config");
        client.PersonalChatId = c.GetProperty("personalChat").GetProperty("id").GetString()!;
        client.UserId = c.GetProperty("currentUser").GetProperty("id").GetString()!;
        client.UserObjectId = c.GetProperty("currentUser").GetProperty("aadObjectId").GetString()!;
        client.TenantId = c.GetProperty("tenantId").GetString()!;
        client.BotId = c.GetProperty("bot").GetProperty("id").GetString()!;
        client.BotName = c.GetProperty("bot").TryGetProperty("name", out var botName) ? botName.GetString()! : "Bot";
        client.GroupChatId = c.TryGetProperty("groupChats", out var chats) && chats.GetArrayLength() > 0 ? chats[0].GetProperty("id").GetString()! : "";
        client.OtherUserIds = c.TryGetProperty("users", out var users) ? [.. users.EnumerateArray().Select(u => u.GetProperty("id").GetString()!)] : [];
        await client._socket.ConnectAsync(new Uri(baseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        client._receiving = client.ReceiveAsync();
        return client;
    }

    /// <summary>What the "Install application" button does: the Playground sends installationUpdate and conversationUpdate.</summary>
    public async Task InstallAsync()
    {
        using var response = await _http.PostAsJsonAsync($"/_debug/conversation/{PersonalChatId}/installation", new { });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Installs the app in another conversation (e.g. the group chat).</summary>
    public async Task InstallInAsync(string conversationId)
    {
        using var response = await _http.PostAsJsonAsync($"/_debug/conversation/{conversationId}/installation", new { });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Someone @mentioning the bot in a group conversation (as in Teams, the bot hears nothing else there).</summary>
    public async Task SayInAsync(string conversationId, string userId, string text)
    {
        var at = $"<at>{BotName}</at>";
        using var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{conversationId}/messages", new
        {
            from = new { id = userId },
            text = $"{at} {text}",
            textFormat = "plain",
            mentions = new[] { new { mentioned = new { id = BotId, name = BotName }, text = at } },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Someone pressing an Action.Execute in a conversation, with what they entered in the card's inputs.</summary>
    public async Task<JsonElement> ExecuteInAsync(string conversationId, string userId, string replyToId, JsonElement action, IReadOnlyDictionary<string, string>? inputs = null)
    {
        // Teams merges the card's input values into the action's data; the Playground's page does the same.
        var data = new Dictionary<string, JsonElement>();
        if (action.TryGetProperty("data", out var existing) && existing.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in existing.EnumerateObject())
            {
                data[property.Name] = property.Value.Clone();
            }
        }
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = JsonSerializer.SerializeToElement(value);
        }
        var withInputs = new { type = "Action.Execute", verb = action.GetProperty("verb").GetString(), data };
        using var response = await _http.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action = withInputs, trigger = "manual" },
            from = new { id = userId },
            conversation = new { id = conversationId },
            replyToId,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"invoke failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A person typing a message in the personal chat.</summary>
    public async Task SayAsync(string text)
    {
        using var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{PersonalChatId}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Pressing an Action.Execute: the Playground sends the invoke and returns the bot's invoke response body.</summary>
    public async Task<JsonElement> ExecuteAsync(string replyToId, JsonElement action)
    {
        using var response = await _http.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action, trigger = "manual" },
            from = new { id = UserId },
            conversation = new { id = PersonalChatId },
            replyToId,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"invoke failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Pressing an Action.Submit: the Playground posts a message whose value is the action's data.</summary>
    public async Task SubmitAsync(string replyToId, JsonElement data)
    {
        using var response = await _http.PostAsJsonAsync("/_conversation/v1/submit", new
        {
            value = data,
            from = new { id = UserId },
            conversation = new { id = PersonalChatId },
            replyToId,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many events arrived so far; pass it to <see cref="WaitForAsync"/> to look only at later ones.</summary>
    public int Mark() => _events.Count;

    /// <summary>Waits for an event after <paramref name="after"/> that matches the condition.</summary>
    public async Task<PlaygroundEvent> WaitForAsync(int after, Func<PlaygroundEvent, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var e in _events.Skip(after))
            {
                if (match(e))
                {
                    return e;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No Playground event: {what}. Seen: {string.Join(" | ", _events.Select(e => $"{e.Action} {e.CardTitle ?? e.Message.ToString()}"))}");
            }
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
                message.SetLength(0);
                if (json.TryGetProperty("message", out var body) && json.TryGetProperty("action", out var action))
                {
                    _events.Enqueue(new PlaygroundEvent(action.GetString()!, json.GetProperty("actionConversationId").GetString()!, body));
                    _arrived.Release();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }
}

using System.Text.Json;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>
/// Switches on the activity type, then on the invoke name, then on the command word or verb. The one place where
/// <see cref="InvokeResponseException"/> turns into an invoke response (501 unknown, 400 malformed).
/// </summary>
public sealed class ActivityDispatcher(BotRoutes routes)
{
    public BotRoutes Routes => routes;

    /// <summary>Runs the turn. Returns the invoke response for invokes, null for every other activity type.</summary>
    public async Task<InvokeResponse?> DispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var routed = activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Invoke)
            || activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate);
        if (!routed)
        {
            // Unknown types are accepted and ignored: Teams adds new events at any time.
            return null;
        }

        foreach (var handler in routes.EveryActivity)
        {
            await handler(turn, cancellationToken);
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            try
            {
                return await DispatchInvokeAsync(turn, cancellationToken);
            }
            catch (InvokeResponseException e)
            {
                return e.Response;
            }
        }
        if (activity.IsType(ActivityTypes.Message))
        {
            await DispatchMessageAsync(turn, cancellationToken);
        }
        else
        {
            var handlers = activity.IsType(ActivityTypes.ConversationUpdate) ? routes.ConversationUpdates : routes.InstallationUpdates;
            foreach (var handler in handlers)
            {
                await handler(turn, cancellationToken);
            }
        }
        return null;
    }

    private async Task DispatchMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            // Action.Submit: Teams posts the card's data as the message value.
            if (ReadVerb(value) is { } verb && routes.FindSubmit(verb) is { } submit)
            {
                await submit(turn, value, cancellationToken);
            }
            return;
        }

        var text = activity.TextWithoutMentions();
        if (text.Length == 0)
        {
            return;
        }
        var split = text.IndexOfAny([' ', '\t', '\n', '\r']);
        var word = (split < 0 ? text : text[..split]).TrimEnd('.', '!', '?');
        var arguments = split < 0 ? string.Empty : text[(split + 1)..].Trim();
        if (routes.FindCommand(word) is { } command)
        {
            await command.Handler(turn, arguments, cancellationToken);
        }
        else if (routes.UnknownCommand is { } unknown)
        {
            await unknown(turn, text, cancellationToken);
        }
    }

    private async Task<InvokeResponse> DispatchInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Name)
        {
            case InvokeNames.AdaptiveCardAction:
            {
                var value = ReadValue<AdaptiveCardInvokeValue>(activity);
                var action = value.Action;
                if (action is null || string.IsNullOrWhiteSpace(action.Verb))
                {
                    throw InvokeResponseException.BadRequest("The adaptiveCard/action invoke has no action verb.");
                }
                var handler = routes.FindCardAction(action.Verb) ?? throw InvokeResponseException.NotImplemented($"card action '{action.Verb}'");
                return await handler(turn, action, cancellationToken);
            }
            case InvokeNames.TaskFetch:
            case InvokeNames.TaskSubmit:
            {
                var request = ReadValue<TaskModuleRequest>(activity);
                var verb = request.Data is { ValueKind: JsonValueKind.Object } data ? ReadVerb(data) : null;
                if (verb is null)
                {
                    throw InvokeResponseException.BadRequest($"The {activity.Name} invoke has no data.{RouteKeys.Verb}.");
                }
                var handler = (activity.Name == InvokeNames.TaskFetch ? routes.FindTaskFetch(verb) : routes.FindTaskSubmit(verb))
                    ?? throw InvokeResponseException.NotImplemented($"{activity.Name} '{verb}'");
                return InvokeResponse.Ok(await handler(turn, request, cancellationToken));
            }
            default:
                throw InvokeResponseException.NotImplemented($"invoke '{activity.Name}'");
        }
    }

    private static T ReadValue<T>(Activity activity) where T : class
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            throw InvokeResponseException.BadRequest($"The {activity.Name} invoke has no value object.");
        }
        try
        {
            return value.Deserialize<T>(BotJson.Options) ?? throw InvokeResponseException.BadRequest($"The {activity.Name} value is empty.");
        }
        catch (JsonException e)
        {
            throw InvokeResponseException.BadRequest($"The {activity.Name} value is malformed: {e.Message}");
        }
    }

    private static string? ReadVerb(JsonElement data) =>
        data.TryGetProperty(RouteKeys.Verb, out var verb) && verb.ValueKind == JsonValueKind.String && verb.GetString() is { Length: > 0 } text
            ? text
            : null;
}

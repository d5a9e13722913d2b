using System.Text.Json;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>Handles a whole turn (conversationUpdate, installationUpdate, every activity).</summary>
public delegate Task TurnHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles a text command; <paramref name="arguments"/> is the text after the command word.</summary>
public delegate Task CommandHandler(TurnContext turn, string arguments, CancellationToken cancellationToken);

/// <summary>Handles an Action.Submit (a message whose value carries <c>verb</c>); <paramref name="data"/> is the value.</summary>
public delegate Task SubmitHandler(TurnContext turn, JsonElement data, CancellationToken cancellationToken);

/// <summary>Handles an Action.Execute (<c>adaptiveCard/action</c> invoke) and answers with a card or a message.</summary>
public delegate Task<InvokeResponse> CardActionHandler(TurnContext turn, AdaptiveCardInvokeAction action, CancellationToken cancellationToken);

/// <summary>Handles task/fetch or task/submit and answers with a dialog (continue) or a message.</summary>
public delegate Task<TaskModuleResponse> TaskModuleHandler(TurnContext turn, TaskModuleRequest request, CancellationToken cancellationToken);

/// <summary>A registered text command: its words (German and English) and the text key describing it in the help card.</summary>
public sealed record CommandRoute(IReadOnlyList<string> Names, string? HelpKey, CommandHandler Handler);

using System.Collections.Frozen;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>
/// The routing table: (selector, handler) entries that features add from their own folders through
/// <c>services.AddBotRoutes(routes =&gt; …)</c>. Selectors are matched case-insensitively; a second handler for the
/// same command or verb is a startup error, so two features cannot silently shadow each other.
/// </summary>
public sealed class BotRoutes
{
    private readonly Dictionary<string, CommandRoute> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CommandRoute> _commandList = [];
    private readonly Dictionary<string, SubmitHandler> _submits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CardActionHandler> _cardActions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskModuleHandler> _taskFetches = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskModuleHandler> _taskSubmits = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TurnHandler> _conversationUpdates = [];
    private readonly List<TurnHandler> _installationUpdates = [];
    private readonly List<TurnHandler> _everyActivity = [];

    /// <summary>Text commands: the first word of a message (after the bot's mention) selects the handler.</summary>
    public BotRoutes OnCommand(IReadOnlyList<string> names, CommandHandler handler, string? helpKey = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(names.Count);
        var route = new CommandRoute(names, helpKey, handler);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"Command '{name}' must be one word.", nameof(names));
            }
            if (!_commands.TryAdd(name, route))
            {
                throw new InvalidOperationException($"The bot command '{name}' is registered twice.");
            }
        }
        _commandList.Add(route);
        return this;
    }

    /// <summary>Message activities with an Action.Submit value whose <c>verb</c> matches.</summary>
    public BotRoutes OnSubmit(string verb, SubmitHandler handler) => Add(_submits, verb, handler, "submit verb");

    /// <summary><c>adaptiveCard/action</c> invokes (Action.Execute) whose verb matches.</summary>
    public BotRoutes OnCardAction(string verb, CardActionHandler handler) => Add(_cardActions, verb, handler, "card action verb");

    /// <summary><c>task/fetch</c> invokes whose <c>data.verb</c> matches.</summary>
    public BotRoutes OnTaskFetch(string verb, TaskModuleHandler handler) => Add(_taskFetches, verb, handler, "task/fetch verb");

    /// <summary><c>task/submit</c> invokes whose <c>data.verb</c> matches.</summary>
    public BotRoutes OnTaskSubmit(string verb, TaskModuleHandler handler) => Add(_taskSubmits, verb, handler, "task/submit verb");

    /// <summary>Every conversationUpdate (members added or removed, renames); all registered handlers run in order.</summary>
    public BotRoutes OnConversationUpdate(TurnHandler handler) => AddTo(_conversationUpdates, handler);

    /// <summary>Every installationUpdate (add, remove, add-upgrade, remove-upgrade); all registered handlers run in order.</summary>
    public BotRoutes OnInstallationUpdate(TurnHandler handler) => AddTo(_installationUpdates, handler);

    /// <summary>Runs before routing for every message, invoke and update (e.g. to keep conversation references fresh).</summary>
    public BotRoutes OnEveryActivity(TurnHandler handler) => AddTo(_everyActivity, handler);

    /// <summary>Runs for text that matches no command.</summary>
    public BotRoutes OnUnknownCommand(CommandHandler handler)
    {
        if (UnknownCommand is not null)
        {
            throw new InvalidOperationException("The handler for unknown commands is registered twice.");
        }
        UnknownCommand = handler;
        return this;
    }

    public CommandHandler? UnknownCommand { get; private set; }

    /// <summary>The registered commands in registration order, for the help card.</summary>
    public IReadOnlyList<CommandRoute> Commands => _commandList;

    internal IReadOnlyList<TurnHandler> ConversationUpdates => _conversationUpdates;
    internal IReadOnlyList<TurnHandler> InstallationUpdates => _installationUpdates;
    internal IReadOnlyList<TurnHandler> EveryActivity => _everyActivity;

    internal CommandRoute? FindCommand(string word) => _commands.GetValueOrDefault(word);
    internal SubmitHandler? FindSubmit(string verb) => _submits.GetValueOrDefault(verb);
    internal CardActionHandler? FindCardAction(string verb) => _cardActions.GetValueOrDefault(verb);
    internal TaskModuleHandler? FindTaskFetch(string verb) => _taskFetches.GetValueOrDefault(verb);
    internal TaskModuleHandler? FindTaskSubmit(string verb) => _taskSubmits.GetValueOrDefault(verb);

    /// <summary>The verbs with a card action handler (diagnostics and tests).</summary>
    public IReadOnlyCollection<string> CardActionVerbs => _cardActions.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private BotRoutes Add<T>(Dictionary<string, T> table, string verb, T handler, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        if (!table.TryAdd(verb, handler))
        {
            throw new InvalidOperationException($"The bot {what} '{verb}' is registered twice.");
        }
        return this;
    }

    private BotRoutes AddTo(List<TurnHandler> list, TurnHandler handler)
    {
        list.Add(handler);
        return this;
    }
}

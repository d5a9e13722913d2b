using System.Globalization;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>The organizer's card for a quick goal rating poll in the chat they are in (the tab builds richer polls).</summary>
public static class PollCreateCard
{
    private const string TitleInput = "title";
    private const string PhaseInput = "phase";
    private const string GoalsInput = "goals";
    private const string AnonymousInput = "anonymous";
    private const string VisibilityInput = "visibility";
    private const string DeadlineDateInput = "deadlineDate";
    private const string DeadlineTimeInput = "deadlineTime";

    public static async Task<AdaptiveCard> BuildAsync(TurnContext turn, IReadOnlyList<PollProblem> problems, CancellationToken cancellationToken)
    {
        var lang = turn.Language;
        string T(string key) => Texts.Get(key, lang);
        var store = turn.Services.GetRequiredService<IProcessStore>();
        var process = await store.GetRunningAsync(turn.Services.GetRequiredService<TimeProvider>(), cancellationToken)
            ?? throw Core.Problems.ProblemException.NotFound("process", "problem.process.none");
        var catalogue = (await store.GetGoalsAsync(process.Id, cancellationToken))!;
        var running = process.Phases.FirstOrDefault(p => p.Status == PhaseStatus.Running) ?? process.Phases[0];
        var body = new List<CardElement>
        {
            new TextBlock { Text = T("poll.create.title"), Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock { Text = T("poll.create.intro"), Wrap = true, IsSubtle = true },
        };
        if (problems.Count > 0)
        {
            body.Add(new Container
            {
                Style = "attention",
                Items = [.. problems.Select(p => new TextBlock { Text = "• " + p.In(lang), Wrap = true })],
            });
        }
        body.AddRange(
        [
            new InputText { Id = TitleInput, Label = T("poll.create.name"), IsRequired = true, MaxLength = PollDefinitionRules.MaxTitleLength, ErrorMessage = T("poll.create.name") },
            new InputChoiceSet
            {
                Id = PhaseInput, Label = T("poll.create.phase"), Style = "compact", Value = running.Id,
                Choices = [.. process.Phases.Select(p => new Choice(p.Title.In(lang), p.Id))],
            },
            new InputChoiceSet
            {
                Id = GoalsInput, Label = T("poll.create.goals"), Style = "compact", IsMultiSelect = true, IsRequired = true, ErrorMessage = T("poll.create.goals"),
                Choices = [.. catalogue.FieldsOfAction.SelectMany(f => f.Goals.Select(g => new Choice($"{f.Title.In(lang)}: {g.Text.In(lang)}", g.Id)))],
            },
            new InputToggle { Id = AnonymousInput, Title = T("poll.create.anonymous"), Value = "true", ValueOn = "true", ValueOff = "false" },
            new InputChoiceSet
            {
                Id = VisibilityInput, Label = T("poll.create.visibility"), Style = "compact", Value = nameof(ResultsVisibility.AfterClose),
                Choices =
                [
                    new Choice(T("poll.create.visibility.live"), nameof(ResultsVisibility.Live)),
                    new Choice(T("poll.create.visibility.afterClose"), nameof(ResultsVisibility.AfterClose)),
                    new Choice(T("poll.create.visibility.organizersOnly"), nameof(ResultsVisibility.OrganizersOnly)),
                ],
            },
            new InputDate { Id = DeadlineDateInput, Label = T("poll.create.deadlineDate") },
            new InputTime { Id = DeadlineTimeInput, Label = T("poll.create.deadlineTime"), Value = "16:00" },
            new ActionSet { Actions = [ExecuteAction.WithSubmitFallback(PollBotHandlers.CreateVerb, T("poll.create.send"))] },
        ]);
        return new AdaptiveCard { Lang = lang, Body = body };
    }

    /// <summary>Reads the form; returns the draft, or the problems (German and English) with nothing created.</summary>
    public static async Task<(PollDraft? Draft, IReadOnlyList<PollProblem> Problems)> ReadAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var problems = new List<PollProblem>();
        var title = data.GetValueOrDefault(TitleInput)?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(new("title", "Bitte einen Titel angeben.", "Please give a title."));
        }
        var goals = (data.GetValueOrDefault(GoalsInput) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (goals.Length is 0 or > PollDefinitionRules.MaxGoalsPerQuestion)
        {
            problems.Add(new("goals", $"Bitte 1 bis {PollDefinitionRules.MaxGoalsPerQuestion} Ziele wählen.", $"Please choose 1 to {PollDefinitionRules.MaxGoalsPerQuestion} goals."));
        }
        if (!Enum.TryParse<ResultsVisibility>(data.GetValueOrDefault(VisibilityInput), ignoreCase: false, out var visibility) || !Enum.IsDefined(visibility))
        {
            visibility = ResultsVisibility.AfterClose;
        }
        DateTimeOffset? deadline = null;
        if (data.GetValueOrDefault(DeadlineDateInput) is { Length: > 0 } date)
        {
            var time = data.GetValueOrDefault(DeadlineTimeInput) is { Length: > 0 } t ? t : "16:00";
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                deadline = BerlinTime.ToInstant(day, clock);
            }
            else
            {
                problems.Add(new("deadline", "Die Frist ist kein gültiges Datum.", "The deadline is not a valid date."));
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var conversation = turn.Activity.Conversation;
        var audience = conversation?.ConversationType switch
        {
            "channel" => PollAudience.Channel(conversation.Id!),
            "groupChat" => PollAudience.GroupChat(conversation.Id!),
            _ when conversation?.IsGroup == true => PollAudience.GroupChat(conversation.Id!),
            _ => PollAudience.AllInstalled,
        };
        await Task.CompletedTask;
        return (new PollDraft
        {
            PhaseId = data.GetValueOrDefault(PhaseInput) ?? "",
            Title = new LocalizedText(title!, title!),
            Questions =
            [
                new Question
                {
                    Id = "q1",
                    Kind = QuestionKind.GoalRating,
                    Prompt = new LocalizedText(Texts.Get("poll.defaultPrompt", "de"), Texts.Get("poll.defaultPrompt", "en")),
                    GoalIds = goals,
                },
            ],
            Settings = new PollSettings { Anonymous = data.GetValueOrDefault(AnonymousInput) == "true", Visibility = visibility, Deadline = deadline },
            Audience = audience,
        }, []);
    }

    /// <summary>What the organizer's create card becomes: started, with a button to close the poll.</summary>
    public static AdaptiveCard Started(TurnContext turn, Poll poll) => new()
    {
        Lang = turn.Language,
        Body =
        [
            new TextBlock { Text = Texts.Format("poll.create.sent", turn.Language, poll.Title.In(turn.Language)), Wrap = true, Weight = "Bolder" },
            new ActionSet
            {
                Actions = [ExecuteAction.WithSubmitFallback(PollBotHandlers.CloseVerb, Texts.Get("poll.create.close", turn.Language),
                    new Dictionary<string, string> { [PollCards.PollIdKey] = poll.Id })],
            },
        ],
    };
}

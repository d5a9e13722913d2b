using System.Globalization;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>Everything a poll card needs to be drawn for one viewer.</summary>
public sealed record PollCardContext(Poll Poll, GoalCatalogue Catalogue, ProcessTemplate Process, string Language)
{
    public string T(string key) => Texts.Get(key, Language);

    public string F(string key, params object[] args) => Texts.Format(key, Language, args);

    public string Goal(string goalId) => Catalogue.FindGoal(goalId)?.Text.In(Language) ?? goalId;
}

/// <summary>
/// The poll's Adaptive Cards: a question page, "thank you — your answer — change", the results, and "closed".
/// Every action is an Action.Execute with an Action.Submit fallback carrying the same verb and data, so old clients
/// reach the same handlers. Input ids come from <see cref="PollInputs"/>, so a card always reads back as built.
/// </summary>
public static class PollCards
{
    public const string AnswerVerb = "poll.answer";
    public const string ChangeVerb = "poll.change";
    public const string RefreshVerb = "poll.refresh";
    public const string ResultsVerb = "poll.results";
    public const string PollIdKey = "pollId";
    public const string PageKey = "page";

    /// <summary>
    /// Inputs per card page. Twelve keep a page quick to answer and well inside Teams' 40 KB message limit
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages; see bench
    /// poll-card-size). A question is never split, so one 10-goal rating question is one page.
    /// </summary>
    public const int InputsPerPage = 12;

    /// <summary>Goal rows of results a card shows; the tab has the rest (cards must stay under 40 KB).</summary>
    public const int MaxResultRowsOnCard = 20;

    /// <summary>Facts of "your answer" a card lists; the change card shows them all.</summary>
    public const int MaxAnswerFactsOnCard = 20;

    /// <summary>The answered card carries the person's answers too, so it shows fewer result rows.</summary>
    public const int MaxResultRowsOnAnsweredCard = 10;

    /// <summary>Teams refreshes a card automatically for at most this many listed users.</summary>
    public const int MaxRefreshUsers = 60;

    public static int PageCount(Poll poll) => Math.Max(1, Pages(poll).Count);

    public static IReadOnlyList<Question> QuestionsOnPage(Poll poll, int page)
    {
        var pages = Pages(poll);
        return page >= 1 && page <= pages.Count ? pages[page - 1] : [];
    }

    /// <summary>Questions in order, packed onto pages of at most <see cref="InputsPerPage"/> inputs.</summary>
    private static List<List<Question>> Pages(Poll poll)
    {
        var pages = new List<List<Question>>();
        var inputs = 0;
        foreach (var question in poll.Questions)
        {
            var count = PollSubmission.InputIds(question).Count();
            if (pages.Count == 0 || inputs + count > InputsPerPage)
            {
                pages.Add([]);
                inputs = 0;
            }
            pages[^1].Add(question);
            inputs += count;
        }
        return pages;
    }

    /// <summary>One page of questions, prefilled with the viewer's answers when they are changing them.</summary>
    public static AdaptiveCard Questions(PollCardContext context, int page, IReadOnlyList<Answer> mine, IReadOnlyList<PollProblem> problems, IReadOnlyList<string>? refreshUserIds)
    {
        var pages = PageCount(context.Poll);
        page = Math.Clamp(page, 1, pages);
        var body = new List<CardElement>(Header(context));
        if (pages > 1)
        {
            body.Add(new TextBlock { Text = context.F("poll.card.page", page, pages), IsSubtle = true, Size = "Small", Spacing = "None" });
        }
        if (problems.Count > 0)
        {
            body.Add(new Container
            {
                Style = "attention",
                Items = [new TextBlock { Text = context.T("poll.card.problem"), Weight = "Bolder", Wrap = true },
                    .. problems.Select(p => new TextBlock { Text = "• " + p.In(context.Language), Wrap = true, Spacing = "None" })],
            });
        }
        foreach (var question in QuestionsOnPage(context.Poll, page))
        {
            body.AddRange(QuestionElements(context, question, mine));
        }
        var verbTitle = page < pages ? context.T("poll.card.next") : context.T("poll.card.submit");
        body.Add(new ActionSet { Actions = [Execute(AnswerVerb, verbTitle, context.Poll.Id, page)] });
        return Card(context, body, refreshUserIds);
    }

    /// <summary>"Thank you — your answer: … — change" (and the results when everyone may see them now).</summary>
    public static AdaptiveCard Answered(PollCardContext context, IReadOnlyList<Answer> mine, PollResults? visibleResults, IReadOnlyList<string>? refreshUserIds)
    {
        var body = new List<CardElement>(Header(context))
        {
            new TextBlock { Text = context.T("poll.card.thanks"), Weight = "Bolder", Color = "Good", Wrap = true },
            new TextBlock { Text = context.T("poll.card.yourAnswer"), Weight = "Bolder", Spacing = "Medium" },
            new FactSet { Facts = [.. MyAnswerFacts(context, mine).Take(MaxAnswerFactsOnCard)] },
            new TextBlock { Text = context.T("poll.card.changeUntil"), IsSubtle = true, Wrap = true, Size = "Small" },
        };
        if (visibleResults is not null)
        {
            body.AddRange(ResultElements(context, visibleResults, MaxResultRowsOnAnsweredCard));
        }
        else if (context.Poll.Settings.Visibility == ResultsVisibility.AfterClose)
        {
            body.Add(new TextBlock { Text = context.T("poll.card.resultsLater"), IsSubtle = true, Wrap = true, Size = "Small" });
        }
        body.Add(new ActionSet { Actions = [Execute(ChangeVerb, context.T("poll.card.change"), context.Poll.Id, 1)] });
        return Card(context, body, refreshUserIds);
    }

    /// <summary>The card after the poll closed: its results where visibility allows, else just "closed".</summary>
    public static AdaptiveCard Closed(PollCardContext context, PollResults? visibleResults)
    {
        var body = new List<CardElement>(Header(context))
        {
            new TextBlock { Text = context.T("poll.card.closed"), Weight = "Bolder", Color = "Attention", Wrap = true },
        };
        if (visibleResults is null)
        {
            body.Add(new TextBlock { Text = context.T("poll.card.closedNoResults"), IsSubtle = true, Wrap = true });
        }
        else
        {
            body.AddRange(ResultElements(context, visibleResults, MaxResultRowsOnCard));
        }
        return Card(context, body, refreshUserIds: null);
    }

    private static AdaptiveCard Card(PollCardContext context, IReadOnlyList<CardElement> body, IReadOnlyList<string>? refreshUserIds) => new()
    {
        Lang = context.Language,
        FallbackText = context.Poll.Title.In(context.Language),
        // Each viewer sees their own state: listed users refresh automatically, everyone else by the button.
        Refresh = refreshUserIds is null ? null : new CardRefresh
        {
            Action = Execute(RefreshVerb, context.T("poll.card.refresh"), context.Poll.Id, 1),
            UserIds = refreshUserIds.Count <= MaxRefreshUsers ? refreshUserIds : [],
        },
        Body = body,
    };

    private static IEnumerable<CardElement> Header(PollCardContext context)
    {
        var poll = context.Poll;
        yield return new TextBlock { Text = poll.Title.In(context.Language), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" };
        var facts = new List<Fact>();
        if (context.Process.Phases.FirstOrDefault(p => p.Id == poll.PhaseId) is { } phase)
        {
            facts.Add(new Fact(context.T("poll.card.phase"), phase.Title.In(context.Language)));
        }
        if (poll.Settings.Deadline is { } deadline)
        {
            facts.Add(new Fact(context.T("poll.card.deadline"), DisplayTime.Format(deadline, context.Language)));
        }
        if (facts.Count > 0)
        {
            yield return new FactSet { Facts = facts, Spacing = "Small" };
        }
        yield return new TextBlock { Text = context.T(!poll.Settings.Anonymous ? "poll.card.named" : poll.Settings.ByOffice ? "poll.card.anonymous.byOffice" : "poll.card.anonymous"), IsSubtle = true, Wrap = true, Size = "Small", Spacing = "Small" };
    }

    private static IEnumerable<CardElement> QuestionElements(PollCardContext context, Question question, IReadOnlyList<Answer> mine)
    {
        yield return new TextBlock { Text = question.Prompt.In(context.Language), Weight = "Bolder", Wrap = true, Spacing = "Large", Separator = true };
        var mineHere = mine.Where(a => a.QuestionId == question.Id).ToList();
        switch (question.Kind)
        {
            case QuestionKind.GoalRating:
                foreach (var goalId in question.GoalIds)
                {
                    var current = mineHere.FirstOrDefault(a => a.GoalId == goalId)?.Value;
                    yield return new InputChoiceSet
                    {
                        Id = PollInputs.Rating(question, goalId),
                        Label = context.Goal(goalId),
                        Style = "compact",
                        Placeholder = context.T("poll.card.chooseRating"),
                        Value = current?.Kind == AnswerKind.NoAnswer ? PollInputs.NoAnswer : current?.Rating?.ToString(CultureInfo.InvariantCulture),
                        Choices = RatingChoices(context),
                        Wrap = true,
                    };
                }
                break;
            case QuestionKind.SingleChoice:
            case QuestionKind.MultipleChoice:
                var multi = question.Kind == QuestionKind.MultipleChoice;
                yield return new InputChoiceSet
                {
                    Id = PollInputs.Choice(question),
                    Label = context.Goal(question.GoalIds[0]),
                    Style = "expanded",
                    IsMultiSelect = multi,
                    Value = mineHere.FirstOrDefault() is { } chosen ? string.Join(',', chosen.Value.Choices) : null,
                    Choices = [.. question.Options.Select(o => new Choice(o.Label.In(context.Language), o.Id))],
                    Wrap = true,
                };
                if (multi && question.MaxChoices is { } max)
                {
                    yield return new TextBlock { Text = context.F("poll.card.maxChoices", max), IsSubtle = true, Size = "Small", Spacing = "None" };
                }
                break;
            case QuestionKind.Ranking:
                for (var position = 1; position <= question.RankCount; position++)
                {
                    yield return new InputChoiceSet
                    {
                        Id = PollInputs.RankPosition(question, position),
                        Label = context.F("poll.card.rank", position),
                        Style = "compact",
                        Placeholder = context.T("poll.card.chooseRating"),
                        Value = mineHere.FirstOrDefault(a => a.Value.Rank == position)?.GoalId,
                        Choices = [.. question.GoalIds.Select(g => new Choice(context.Goal(g), g))],
                        Wrap = true,
                    };
                }
                break;
            case QuestionKind.FreeText:
                yield return new InputText
                {
                    Id = PollInputs.Text(question),
                    Label = context.Goal(question.GoalIds[0]),
                    IsMultiline = true,
                    MaxLength = question.MaxLength,
                    Value = mineHere.FirstOrDefault()?.Value.Text,
                    Placeholder = context.F("poll.card.maxLength", question.MaxLength),
                };
                if (mineHere.Any(a => a.Value.Kind == AnswerKind.Text))
                {
                    // Changing answers is done on this card; emptying the field is how a comment is taken back.
                    yield return new TextBlock { Text = context.T("poll.card.withdrawHint"), Wrap = true, IsSubtle = true, Size = "Small", Spacing = "None" };
                }
                break;
        }
    }

    private static IReadOnlyList<Choice> RatingChoices(PollCardContext context) =>
    [
        .. Enumerable.Range(1, 5).Select(r => new Choice(context.T($"poll.card.rating.{r}"), r.ToString(CultureInfo.InvariantCulture))),
        new Choice(context.T("poll.card.rating.na"), PollInputs.NoAnswer),
    ];

    private static IEnumerable<Fact> MyAnswerFacts(PollCardContext context, IReadOnlyList<Answer> mine)
    {
        foreach (var question in context.Poll.Questions)
        {
            foreach (var answer in mine.Where(a => a.QuestionId == question.Id).OrderBy(a => a.Value.Rank ?? 0).ThenBy(a => question.GoalIds.ToList().IndexOf(a.GoalId)))
            {
                var value = answer.Value.Kind switch
                {
                    AnswerKind.Rating => context.T($"poll.card.rating.{answer.Value.Rating}"),
                    AnswerKind.NoAnswer => context.T("poll.card.rating.na"),
                    AnswerKind.Choice => string.Join(", ", answer.Value.Choices.Select(c => question.Options.FirstOrDefault(o => o.Id == c)?.Label.In(context.Language) ?? c)),
                    AnswerKind.Rank => context.F("poll.card.rank", answer.Value.Rank!.Value),
                    AnswerKind.Text => answer.Value.Text ?? "",
                    _ => "",
                };
                yield return new Fact(Shorten(context.Goal(answer.GoalId)), value);
            }
        }
    }

    private static IEnumerable<CardElement> ResultElements(PollCardContext context, PollResults results, int maxRows)
    {
        yield return new TextBlock { Text = context.T("poll.card.results"), Size = "Medium", Weight = "Bolder", Spacing = "Large", Separator = true };
        yield return new TextBlock { Text = context.F("poll.card.respondents", results.RespondentCount), IsSubtle = true, Spacing = "None" };
        var shownRows = 0;
        foreach (var question in results.Questions)
        {
            if (shownRows + question.Goals.Count > maxRows && shownRows > 0)
            {
                yield return new TextBlock { Text = context.T("poll.card.moreResults"), Wrap = true, IsSubtle = true, Spacing = "Medium" };
                yield break;
            }
            shownRows += question.Goals.Count;
            var definition = context.Poll.FindQuestion(question.QuestionId);
            if (definition is null)
            {
                continue;
            }
            yield return new TextBlock { Text = definition.Prompt.In(context.Language), Weight = "Bolder", Wrap = true, Spacing = "Medium" };
            var header = new TableRow
            {
                Cells = [Cell(context.T("poll.card.goal"), bold: true), Cell(context.T("poll.card.mean"), bold: true), Cell(context.T("poll.card.count"), bold: true), Cell(context.T("poll.card.distribution"), bold: true)],
            };
            // Below the minimum group size a goal shows no figures at all (Core has left them empty), only the reason.
            var rows = question.Goals.Select(g => new TableRow
            {
                Cells = g.TooFewRespondents
                    ? [Cell(Shorten(context.Goal(g.GoalId))), Cell("–"), Cell("–"), Cell(context.T("poll.card.tooFewAnswers"))]
                    :
                    [
                        Cell(Shorten(context.Goal(g.GoalId))),
                        Cell(Mean(g, definition, context.Language)),
                        Cell(g.AnswerCount.ToString(CultureInfo.InvariantCulture)),
                        Cell(Distribution(g, definition, context)),
                    ],
            });
            yield return new Table
            {
                Columns = [new TableColumnDefinition(4), new TableColumnDefinition(1), new TableColumnDefinition(1), new TableColumnDefinition(3)],
                Rows = [header, .. rows],
                FirstRowAsHeader = true,
                ShowGridLines = false,
            };
            foreach (var comment in question.Comments.Take(5))
            {
                // Written by someone else: shown as typed, never as Markdown (no hidden links).
                yield return new TextBlock { Text = "„" + CardMarkdown.Escape(comment.Text) + "“", Wrap = true, IsSubtle = true, Size = "Small", Spacing = "Small" };
            }
        }
    }

    private static string Mean(GoalSummary summary, Question question, string language) => question.Kind switch
    {
        QuestionKind.GoalRating => summary.MeanRating?.ToString("0.0", CultureInfo.GetCultureInfo(language == "en" ? "en" : "de-DE")) ?? "–",
        QuestionKind.Ranking => summary.MeanRank?.ToString("0.0", CultureInfo.GetCultureInfo(language == "en" ? "en" : "de-DE")) ?? "–",
        _ => "–",
    };

    private static string Distribution(GoalSummary summary, Question question, PollCardContext context) => question.Kind switch
    {
        QuestionKind.GoalRating => string.Join(" · ", summary.Distribution.Select((n, i) => $"{i + 1}: {n}")),
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => string.Join(" · ", question.Options.Select(o =>
            $"{o.Label.In(context.Language)}: {summary.ChoiceCounts.GetValueOrDefault(o.Id)}")),
        _ => "",
    };

    private static TableCell Cell(string text, bool bold = false) =>
        new() { Items = [new TextBlock { Text = text, Wrap = true, Weight = bold ? "Bolder" : null }] };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private static ExecuteAction Execute(string verb, string title, string pollId, int page) =>
        ExecuteAction.WithSubmitFallback(verb, title, new Dictionary<string, string>
        {
            [PollIdKey] = pollId,
            [PageKey] = page.ToString(CultureInfo.InvariantCulture),
        });
}

using System.Globalization;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Help;

/// <summary>The bot's own cards: welcome on install, help, status. Text from texts-*.json (bot.*), German unless English.</summary>
public static class HelpCards
{
    public const string StatusVerb = "bot.status";
    public const string HelpVerb = "bot.help";

    public static AdaptiveCard Welcome(string language, string organisation) => new()
    {
        Lang = language,
        FallbackText = Texts.Get("bot.welcome.title", language),
        Body =
        [
            new TextBlock { Text = Texts.Get("bot.welcome.title", language), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
            new TextBlock { Text = Texts.Format("bot.welcome.text", language, organisation), Wrap = true },
            new TextBlock { Text = Texts.Get("bot.welcome.privacy", language), Wrap = true, IsSubtle = true, Size = "Small" },
            new TextBlock { Text = Texts.Get("bot.welcome.help", language), Wrap = true },
            new ActionSet
            {
                Actions =
                [
                    ExecuteAction.WithSubmitFallback(StatusVerb, Texts.Get("bot.action.status", language)),
                    SubmitAction.ForVerb(HelpVerb, Texts.Get("bot.action.help", language)),
                ],
            },
        ],
    };

    public static AdaptiveCard Help(string language, IReadOnlyList<CommandRoute> commands) => new()
    {
        Lang = language,
        FallbackText = Texts.Get("bot.help.title", language),
        Body =
        [
            new TextBlock { Text = Texts.Get("bot.help.title", language), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
            new TextBlock { Text = Texts.Get("bot.help.intro", language), Wrap = true },
            new FactSet
            {
                Facts = commands
                    .Select(c => new Fact(string.Join(" / ", c.Names), c.HelpKey is null ? string.Empty : Texts.Get(c.HelpKey, language)))
                    .ToList(),
            },
            new ActionSet { Actions = [ExecuteAction.WithSubmitFallback(StatusVerb, Texts.Get("bot.action.status", language))] },
        ],
    };

    public static AdaptiveCard Status(string language, ProcessTemplate? process, DateOnly today, DateTimeOffset now)
    {
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "de-DE");
        var facts = new List<Fact>();
        if (process is null)
        {
            facts.Add(new Fact(Texts.Get("bot.status.process", language), Texts.Get("bot.status.noProcess", language)));
        }
        else
        {
            var running = process.Phases.FirstOrDefault(p => p.Status == PhaseStatus.Running);
            var next = process.Phases.Where(p => p.Status == PhaseStatus.Planned && p.PlannedStart >= today).MinBy(p => p.PlannedStart);
            facts.Add(new Fact(Texts.Get("bot.status.process", language), process.Title.In(language)));
            facts.Add(new Fact(Texts.Get("bot.status.current", language), running?.Title.In(language) ?? Texts.Get("bot.status.none", language)));
            facts.Add(new Fact(Texts.Get("bot.status.next", language), next is null
                ? Texts.Get("bot.status.none", language)
                : $"{next.Title.In(language)} ({next.PlannedStart.ToString("d", culture)})"));
            facts.Add(new Fact(Texts.Get("bot.status.phases", language), process.Phases.Count.ToString(culture)));
        }
        return new AdaptiveCard
        {
            Lang = language,
            FallbackText = Texts.Get("bot.status.title", language),
            Body =
            [
                new TextBlock { Text = Texts.Get("bot.status.title", language), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
                new FactSet { Facts = facts },
                new TextBlock
                {
                    Text = Texts.Format("bot.status.asOf", language, now.ToOffset(TimeSpan.Zero).ToString("g", culture)),
                    IsSubtle = true, Size = "Small", Wrap = true,
                },
                new ActionSet { Actions = [ExecuteAction.WithSubmitFallback(StatusVerb, Texts.Get("bot.action.refresh", language))] },
            ],
        };
    }
}

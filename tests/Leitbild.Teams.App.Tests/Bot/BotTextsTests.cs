using Leitbild.Teams.App.Localization;

namespace Leitbild.Teams.App.Tests.Bot;

public class BotTextsTests
{
    [Fact]
    public void EveryBotTextExistsInGermanAndEnglish()
    {
        var german = Texts.GermanKeys.Where(k => k.StartsWith("bot.", StringComparison.Ordinal)).ToHashSet();
        var english = Texts.EnglishKeys.Where(k => k.StartsWith("bot.", StringComparison.Ordinal)).ToHashSet();

        Assert.NotEmpty(german);
        Assert.Empty(german.Except(english));
        Assert.Empty(english.Except(german));
    }
}

using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Process;

public class LocalizedTextTests
{
    [Theory]
    [InlineData(null, "Ziel")]
    [InlineData("de-DE", "Ziel")]
    [InlineData("fr-FR", "Ziel")]
    [InlineData("en-US", "Goal")]
    [InlineData("en", "Goal")]
    public void GermanIsTheDefaultAndEnglishIsChosenOnlyForEnglishLocales(string? language, string expected) =>
        Assert.Equal(expected, new LocalizedText("Ziel", "Goal").In(language));
}

using Leitbild.Teams.App.Localization;

namespace Leitbild.Teams.App.Tests.Localization;

public class TextsTests
{
    [Fact]
    public void EveryTextExistsInGermanAndEnglish()
    {
        Assert.Empty(Texts.GermanKeys.Except(Texts.EnglishKeys));
        Assert.Empty(Texts.EnglishKeys.Except(Texts.GermanKeys));
    }

    [Fact]
    public void GermanIsTheDefaultAndEnglishIsChosenForEnglishLocales()
    {
        Assert.Equal("geplant", Texts.Get("phase.status.planned"));
        Assert.Equal("geplant", Texts.Get("phase.status.planned", "fr-FR"));
        Assert.Equal("planned", Texts.Get("phase.status.planned", "en-GB"));
    }

    [Fact]
    public void AnUnknownKeyIsAnError() =>
        Assert.Throws<KeyNotFoundException>(() => Texts.Get("no.such.text"));
}

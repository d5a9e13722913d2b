using Leitbild.Teams.Bot.Cards;

namespace Leitbild.Teams.Bot.Tests.Cards;

public sealed class CardMarkdownTests
{
    [Fact]
    public void ALinkWithHiddenTargetIsShownAsTyped() =>
        Assert.Equal(@"\[Ihr Konto prüfen\]\(https://phish.example/login\)", CardMarkdown.Escape("[Ihr Konto prüfen](https://phish.example/login)"));

    [Fact]
    public void EmphasisAndEscapesAreNeutralised() =>
        Assert.Equal(@"\*\*laut\*\* und \_leise\_ \\", CardMarkdown.Escape(@"**laut** und _leise_ \"));

    [Fact]
    public void OrdinaryPunctuationStaysAsWritten() =>
        Assert.Equal("Mehr Bäume – bitte! 1. Innenstadt, 2. Ortsteile.", CardMarkdown.Escape("Mehr Bäume – bitte! 1. Innenstadt, 2. Ortsteile."));
}

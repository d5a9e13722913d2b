using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.EndToEnd.Tests.Playground;

namespace Leitbild.Teams.EndToEnd.Tests.Cards;

/// <summary>
/// Every card kind the app emits goes through the official Adaptive Cards renderer (npm adaptivecards 3.0.6) in
/// Chromium: it parses and validates without a single event, renders, and shows the inputs and buttons people need.
/// A screenshot of each kind is kept in docs/cards/.
/// </summary>
[Collection(CardRendererCollection.Name)]
public class CardRenderingTests(CardRendererFixture fixture)
{
    public static TheoryData<string> Kinds => [.. CardSamples.Kinds];

    [Fact]
    public void EveryKindHasASample()
    {
        Assert.Equal(CardSamples.Kinds.Order(), fixture.Samples.Keys.Order());
    }

    [Fact]
    public async Task TheRendererReportsACardItCannotAccept()
    {
        // A region code in "lang" and a required input without label or error message: the renderer must complain,
        // or the test above would pass for any card.
        var broken = new AdaptiveCard { Lang = "de-DE", Body = [new TextBlock { Text = "Kaputt" }, new InputText { Id = "x", IsRequired = true }] };
        var report = await fixture.RenderAsync(broken, Path.Combine(Path.GetTempPath(), $"leitbild-card-{Guid.NewGuid():N}.png"));

        Assert.Contains(report.Events, e => e.Event == "InvalidPropertyValue");
        Assert.Contains(report.Events, e => e.Event == "RequiredInputsShouldHaveLabel");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheOfficialRendererDrawsTheCardWithoutErrors(string kind)
    {
        var sample = fixture.Samples[kind];
        var report = await fixture.RenderAsync(sample.Card, Path.Combine(RepositoryRoot.Path, "docs", "cards", kind + ".png"));

        Assert.True(report.Rendered, $"{kind}: the renderer produced no element");
        Assert.Equal("1.5", report.Version);
        // Parse and validation events are the renderer's warnings and errors: unknown types or properties, bad values,
        // duplicate ids, required inputs without label or error message. None is acceptable.
        Assert.True(report.Events.Count == 0,
            $"{kind}: " + string.Join("; ", report.Events.Select(e => $"{e.Phase} {e.Event} {e.Source}: {e.Message}")));
        Assert.Equal(sample.Inputs.Order(), report.Inputs.Select(i => i.Id).Order());
        Assert.All(report.Inputs, i => Assert.True(i.InDom, $"{kind}: input {i.Id} ({i.Type}) has no control in the page"));
        Assert.Equal(sample.Buttons, report.Buttons);
        Assert.Contains(sample.Card.Body.OfType<TextBlock>().First().Text, report.Text, StringComparison.Ordinal);
    }
}

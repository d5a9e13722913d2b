using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class AnswerValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Answer Valid() => new()
    {
        PollId = "poll-1",
        QuestionId = "q1",
        GoalId = "klima-1",
        FieldOfActionId = "klima",
        Value = AnswerValue.OfRating(4),
        DepartmentId = "sta-61",
        RespondentKey = "0f8fad5b-d9cb-469f-a165-70867728950e",
        AnsweredAt = Now,
        PhaseId = "umfrage-1",
        Channel = AnswerChannel.Chat,
        AppVersion = "0.1.0",
    };

    private static string Fields(Answer answer) => string.Join(",", AnswerValidator.Validate(answer, Now).Select(e => e.Field).Distinct());

    [Fact]
    public void AWellFormedAnswerPasses() => Assert.Empty(AnswerValidator.Validate(Valid(), Now));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void ARatingOutsideOneToFiveIsRefused(int rating) =>
        Assert.Equal("value.rating", Fields(Valid() with { Value = AnswerValue.OfRating(rating) }));

    [Fact]
    public void TextLongerThanTwoThousandCharactersIsRefused() =>
        Assert.Equal("value.text", Fields(Valid() with { Value = AnswerValue.OfText(new string('ä', 2001)) }));

    [Fact]
    public void TextWithControlCharactersIsRefusedButLineBreaksAreFine()
    {
        Assert.Equal("value.text", Fields(Valid() with { Value = AnswerValue.OfText("a\u0000b") }));
        Assert.Empty(AnswerValidator.Validate(Valid() with { Value = AnswerValue.OfText("Zeile 1\r\nZeile 2\tEnde") }, Now));
    }

    [Fact]
    public void ChoicesMustBeFewShortDistinctAndFreeOfTheSeparator()
    {
        Assert.Equal("value.choices", Fields(Valid() with { Value = AnswerValue.OfChoices(Enumerable.Range(1, 21).Select(i => $"o{i}").ToArray()) }));
        Assert.Equal("value.choices", Fields(Valid() with { Value = AnswerValue.OfChoices("a|b") }));
        Assert.Equal("value.choices", Fields(Valid() with { Value = AnswerValue.OfChoices("a", "a") }));
        Assert.Equal("value.choices", Fields(Valid() with { Value = AnswerValue.OfChoices(new string('x', 101)) }));
    }

    [Fact]
    public void AValueCarryingDataOfAnotherKindIsRefused() =>
        Assert.Equal("value", Fields(Valid() with { Value = new AnswerValue { Kind = AnswerKind.Rating, Rating = 3, Text = "und noch Text" } }));

    [Theory]
    [InlineData("poll 1")]
    [InlineData("poll:1")]
    [InlineData("")]
    public void IdsWithSpacesColonsOrNothingAreRefused(string pollId) =>
        Assert.Equal("pollId", Fields(Valid() with { PollId = pollId }));

    [Fact]
    public void AnIdLongerThanSixtyFourCharactersIsRefused() =>
        Assert.Equal("goalId", Fields(Valid() with { GoalId = new string('g', 65) }));

    [Theory]
    [InlineData("someone@bergkamen.de")]
    [InlineData("anon-short")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    public void ARespondentKeyMustBeAnObjectIdOrAnAnonymousKey(string key) =>
        Assert.Equal("respondentKey", Fields(Valid() with { RespondentKey = key }));

    [Fact]
    public void AnAnswerFromTheFutureIsRefusedButClockSkewIsTolerated()
    {
        Assert.Equal("answeredAt", Fields(Valid() with { AnsweredAt = Now.AddMinutes(10) }));
        Assert.Empty(AnswerValidator.Validate(Valid() with { AnsweredAt = Now.AddMinutes(4) }, Now));
    }

    [Fact]
    public void TheErrorSaysWhatIsWrongInGermanAndEnglish()
    {
        var error = Assert.Throws<AnswerValidationException>(() => AnswerValidator.ThrowIfInvalid(Valid() with { Value = AnswerValue.OfRating(9) }, Now));

        Assert.Equal("Rückmeldung abgelehnt / answer rejected: value.rating: muss zwischen 1 und 5 liegen / must be between 1 and 5", error.Message);
    }

    [Fact]
    public void EveryProblemIsNamedAtOnce() =>
        Assert.Equal("pollId,respondentKey,appVersion", Fields(Valid() with { PollId = "", RespondentKey = "x", AppVersion = "" }));
}

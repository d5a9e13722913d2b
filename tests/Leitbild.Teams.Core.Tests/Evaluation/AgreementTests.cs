using Leitbild.Teams.Core.Evaluation;

namespace Leitbild.Teams.Core.Tests.Evaluation;

public sealed class AgreementTests
{
    [Fact]
    public void SharesMeanAndSpreadMatchHandComputedFigures()
    {
        // Ratings: one 1, one 2, two 3, three 4, three 5 (n = 10).
        // Mean = (1 + 2 + 6 + 12 + 15) / 10 = 3.6; variance = (6.76 + 2.56 + 2×0.36 + 3×0.16 + 3×1.96) / 10 = 1.64.
        var agreement = Agreement.From([1, 1, 2, 3, 3]);

        Assert.Equal(10, agreement.Ratings);
        Assert.Equal(0.6, agreement.AgreeShare);
        Assert.Equal(0.2, agreement.NeutralShare);
        Assert.Equal(0.2, agreement.DisagreeShare);
        Assert.Equal(3.6, agreement.Mean);
        Assert.Equal(Math.Round(Math.Sqrt(1.64), 4), agreement.StandardDeviation);
        Assert.Equal(AgreementLevel.Agreement, agreement.Level);
    }

    [Fact]
    public void SplitRatingsAreContestedNotLukewarmEvenWithANeutralMean()
    {
        // Four 1s, two 3s, four 5s: mean 3, variance (4×4 + 4×4) / 10 = 3.2.
        var agreement = Agreement.From([4, 0, 2, 0, 4]);

        Assert.Equal(3.0, agreement.Mean);
        Assert.Equal(Math.Round(Math.Sqrt(3.2), 4), agreement.StandardDeviation);
        Assert.Equal(AgreementLevel.Contested, agreement.Level);
        Assert.Equal(AgreementLevel.Mixed, Agreement.From([1, 1, 6, 1, 1]).Level);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 1, 4, 5 }, AgreementLevel.BroadAgreement)]
    [InlineData(new[] { 3, 3, 2, 1, 1 }, AgreementLevel.Rejection)]
    [InlineData(new[] { 0, 0, 0, 2, 2 }, AgreementLevel.TooFewRatings)]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, AgreementLevel.TooFewRatings)]
    public void LevelFollowsTheDocumentedThresholds(int[] distribution, AgreementLevel expected) =>
        Assert.Equal(expected, Agreement.From(distribution).Level);
}

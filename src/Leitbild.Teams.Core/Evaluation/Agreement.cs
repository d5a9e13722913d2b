namespace Leitbild.Teams.Core.Evaluation;

/// <summary>How a goal's ratings lean, in words the report uses.</summary>
public enum AgreementLevel
{
    /// <summary>Fewer than <see cref="Agreement.MinimumRatings"/> ratings: no statement about agreement.</summary>
    TooFewRatings,
    /// <summary>At least 75 % rated 4–5 and at most 10 % rated 1–2.</summary>
    BroadAgreement,
    /// <summary>At least 30 % on each side (4–5 and 1–2): opinions are split, not lukewarm.</summary>
    Contested,
    /// <summary>At least half rated 1–2.</summary>
    Rejection,
    /// <summary>At least half rated 4–5.</summary>
    Agreement,
    /// <summary>None of the above: many neutral ratings, or no clear side.</summary>
    Mixed,
}

/// <summary>
/// Agreement and disagreement from a 1–5 distribution, not just the mean: the shares of 4–5 (agree), 3 (neutral) and
/// 1–2 (disagree), and the standard deviation as the spread (0 = everyone gave the same rating, 2 = split between 1 and 5).
/// </summary>
public sealed record Agreement(int Ratings, double? AgreeShare, double? NeutralShare, double? DisagreeShare, double? Mean, double? StandardDeviation, AgreementLevel Level)
{
    public const int MinimumRatings = 5;

    public static Agreement From(IReadOnlyList<int> distribution)
    {
        if (distribution.Count != 5)
        {
            throw new ArgumentException("A distribution has five counts (ratings 1 to 5).", nameof(distribution));
        }
        var n = distribution.Sum();
        if (n == 0)
        {
            return new Agreement(0, null, null, null, null, null, AgreementLevel.TooFewRatings);
        }
        double agree = distribution[3] + distribution[4];
        double disagree = distribution[0] + distribution[1];
        var mean = distribution.Select((count, i) => count * (i + 1.0)).Sum() / n;
        var variance = distribution.Select((count, i) => count * Math.Pow(i + 1 - mean, 2)).Sum() / n;
        var agreeShare = agree / n;
        var disagreeShare = disagree / n;
        var level = n < MinimumRatings ? AgreementLevel.TooFewRatings
            : agreeShare >= 0.75 && disagreeShare <= 0.10 ? AgreementLevel.BroadAgreement
            : agreeShare >= 0.30 && disagreeShare >= 0.30 ? AgreementLevel.Contested
            : disagreeShare >= 0.50 ? AgreementLevel.Rejection
            : agreeShare >= 0.50 ? AgreementLevel.Agreement
            : AgreementLevel.Mixed;
        return new Agreement(n, Round(agreeShare), Round(distribution[2] / (double)n), Round(disagreeShare), Round(mean), Round(Math.Sqrt(variance)), level);
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}

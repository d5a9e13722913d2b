namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The fewest different people whose answers may be shown together (the 5-person rule the staff council relies on):
/// below it, results show no counts, distributions, means or comments, only that there are not enough answers yet.
/// One value for every reader (poll results and cards, the results page, exports, SharePoint, the evaluation); a
/// deployment may raise it, never lower it below <see cref="Lowest"/>.
/// </summary>
public sealed record MinimumGroupSize
{
    public const int Default = 5;

    /// <summary>Below three, one person could subtract their own answer and read the other one's.</summary>
    public const int Lowest = 3;

    public MinimumGroupSize(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, Lowest);
        Value = value;
    }

    public int Value { get; }

    public static MinimumGroupSize Standard { get; } = new(Default);

    /// <summary>True when this many distinct respondents may be shown.</summary>
    public bool Allows(int respondents) => respondents >= Value;
}

namespace Leitbild.Teams.Core.Process;

/// <summary>The candidate goals of the vision, grouped by field of action (Handlungsfeld).</summary>
public sealed record GoalCatalogue
{
    public required IReadOnlyList<FieldOfAction> FieldsOfAction { get; init; }

    public IEnumerable<Goal> AllGoals => FieldsOfAction.SelectMany(f => f.Goals);

    public Goal? FindGoal(string goalId) => AllGoals.FirstOrDefault(g => g.Id == goalId);

    public FieldOfAction? FieldOf(string goalId) => FieldsOfAction.FirstOrDefault(f => f.Goals.Any(g => g.Id == goalId));
}

public sealed record FieldOfAction
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required IReadOnlyList<Goal> Goals { get; init; }
}

public sealed record Goal
{
    public required string Id { get; init; }
    public required LocalizedText Text { get; init; }
}

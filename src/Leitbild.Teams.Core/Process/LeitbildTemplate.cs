namespace Leitbild.Teams.Core.Process;

/// <summary>Everything a city brings: its process, its goal catalogue and its organisation.</summary>
public sealed record LeitbildTemplate(ProcessTemplate Process, GoalCatalogue Goals, Organisation Organisation);

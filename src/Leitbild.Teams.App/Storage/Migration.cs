namespace Leitbild.Teams.App.Storage;

/// <summary>
/// One versioned schema step. Each feature contributes its own migrations through DI
/// (<c>services.AddSingleton(new Migration(...))</c>) inside its own version range, so features
/// never collide: foundation 1–99, bot 100–199, results 200–299, polls 300–399,
/// scheduling 400–499, evaluation 500–599, tab 600–699, directory 700–799, privacy 800–899.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);

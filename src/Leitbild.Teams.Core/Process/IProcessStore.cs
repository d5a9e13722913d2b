namespace Leitbild.Teams.Core.Process;

/// <summary>Where the running process, its goal catalogue and its organisation are kept.</summary>
public interface IProcessStore
{
    Task<IReadOnlyList<ProcessTemplate>> ListProcessesAsync(CancellationToken cancellationToken);

    Task<ProcessTemplate?> GetProcessAsync(string processId, CancellationToken cancellationToken);

    Task SaveProcessAsync(ProcessTemplate process, CancellationToken cancellationToken);

    Task<GoalCatalogue?> GetGoalsAsync(string processId, CancellationToken cancellationToken);
}

/// <summary>People and org units (Dezernate, Ämter): a seeded list locally, Entra users and groups in Microsoft 365.</summary>
public interface IDirectory
{
    Task<Organisation> GetOrganisationAsync(CancellationToken cancellationToken);

    Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Everyone in a Dezernat or Amt (by its id).</summary>
    Task<IReadOnlyList<Person>> PeopleInUnitAsync(string unitId, CancellationToken cancellationToken);
}

using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Privacy;

/// <summary>
/// One person's data export (Art. 15) and erasure (Art. 17), and the retention run. The app's own store goes first (it
/// also drops named answers still waiting in the outbox, so none is delivered afterwards), then the results store
/// (SharePoint in Microsoft 365 mode, the SQLite table locally), reported as its own entry.
/// </summary>
public sealed class PersonalDataService(IPersonalDataStore store, IResultsStore results, IDirectory directory, IProcessStore processes, TimeProvider time)
{
    /// <summary>The entry that counts the named answers deleted from the results store.</summary>
    public const string ResultsStoreEntry = "results_store";

    /// <summary>
    /// Only the planning team itself: external moderators organize but never see who said what, and a person's export
    /// is exactly that.
    /// </summary>
    public async Task<PersonalDataExport> ExportAsync(Actor actor, string personId, CancellationToken cancellationToken)
    {
        var id = RequireAllowed(actor, personId);
        var email = await EmailOfAsync(id, cancellationToken);
        var rows = await store.ExportAsync(id, email, cancellationToken);
        return new PersonalDataExport(id, time.GetUtcNow(), rows.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(Actor actor, string personId, CancellationToken cancellationToken)
    {
        var id = RequireAllowed(actor, personId);
        var email = await EmailOfAsync(id, cancellationToken);
        var changed = await store.EraseAsync(id, email, cancellationToken);
        var deleted = await results.DeleteNamedAnswersAsync(id, cancellationToken);
        return With(changed, deleted).Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>When retention deletes, from the stored processes (null: not while a process runs or is planned).</summary>
    public async Task<DateOnly?> RetentionDueOnAsync(int retentionDays, CancellationToken cancellationToken) =>
        RetentionSchedule.DeletionDueOn(await processes.ListProcessesAsync(cancellationToken), retentionDays);

    /// <summary>Deletes the personal data retention covers when it is due; null (nothing done) before that day.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> RunRetentionAsync(int retentionDays, CancellationToken cancellationToken)
    {
        var due = await RetentionDueOnAsync(retentionDays, cancellationToken);
        var today = DateOnly.FromDateTime(Scheduling.BerlinTime.ToLocal(time.GetUtcNow()));
        if (due is null || due > today)
        {
            return null;
        }
        var changed = await store.DeleteForRetentionAsync(cancellationToken);
        return With(changed, await results.DeleteNamedAnswersAsync(null, cancellationToken));
    }

    private static Dictionary<string, int> With(IReadOnlyDictionary<string, int> changed, int resultsStoreDeleted) =>
        new(changed, StringComparer.Ordinal) { [ResultsStoreEntry] = resultsStoreDeleted };

    private static string RequireAllowed(Actor actor, string personId)
    {
        actor.RequireOrganizer();
        if (actor.IsGuest)
        {
            throw ProblemException.Forbidden("actor", "problem.forbidden.memberOrganizer");
        }
        // Object ids are GUIDs; the stores compare them in lower case.
        if (!Guid.TryParse(personId, out var id))
        {
            throw ProblemException.Invalid("personId", "privacy.person.invalidId");
        }
        return id.ToString("D");
    }

    // Calendar attendees are stored by address; someone who left the directory is still found by object id elsewhere.
    private async Task<string?> EmailOfAsync(string personId, CancellationToken cancellationToken) =>
        (await directory.FindPersonAsync(personId, cancellationToken))?.Email;
}

/// <summary>One person's rows per store. Anonymous answers are not in it: they cannot be found by person.</summary>
public sealed record PersonalDataExport(string PersonId, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, IReadOnlyList<System.Text.Json.JsonElement>> Stores);

using System.Text.Json;

namespace Leitbild.Teams.Core.Privacy;

/// <summary>
/// Everything the app stores about people, seen as a whole: what retention deletes, and one person's rows for an
/// access or erasure request (Art. 15 and 17 DSGVO). Anonymous answers are never found by person here.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>One person's rows per store (table or list), as stored. <paramref name="email"/> finds calendar attendees.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<JsonElement>>> ExportAsync(string personId, string? email, CancellationToken cancellationToken);

    /// <summary>Deletes (or unlinks) one person's rows; rows changed per store. Running it again changes nothing.</summary>
    Task<IReadOnlyDictionary<string, int>> EraseAsync(string personId, string? email, CancellationToken cancellationToken);

    /// <summary>Deletes the personal data retention covers, all at once; rows changed per store.</summary>
    Task<IReadOnlyDictionary<string, int>> DeleteForRetentionAsync(CancellationToken cancellationToken);
}

using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls;

/// <summary>The comments organizers hid, read from the polls' moderation table for every reader of results.</summary>
public sealed class SqliteHiddenComments(SqliteDatabase database, Core.Polls.IRespondentKeySource keys) : IHiddenComments
{
    public async Task<HiddenComments> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT comment_id FROM poll_comment_moderation WHERE hidden = 1";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids.Count == 0 ? HiddenComments.None : new HiddenComments(ids, await keys.CommentIdsAsync(cancellationToken));
    }
}

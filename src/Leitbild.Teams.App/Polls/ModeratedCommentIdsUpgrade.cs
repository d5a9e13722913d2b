using System.Security.Cryptography;
using System.Text;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls;

/// <summary>
/// Once, at start after the migrations: moderation decisions recorded under the old, unkeyed comment ids (a plain
/// SHA-256 of the answer key, which anyone with candidates' object ids could recompute) move to the keyed ids, so a
/// hidden comment stays hidden. Decisions whose comment no longer exists are dropped.
/// </summary>
public sealed partial class ModeratedCommentIdsUpgrade(
    SqliteDatabase database,
    IRespondentKeySource keys,
    ILogger<ModeratedCommentIdsUpgrade> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pending = new List<(string PollId, string CommentId)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT poll_id, comment_id FROM poll_comment_moderation WHERE keyed = 0";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        if (pending.Count == 0)
        {
            return;
        }
        var ids = await keys.CommentIdsAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var pollId in pending.Select(p => p.PollId).Distinct(StringComparer.Ordinal))
        {
            var byLegacyId = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var answers = connection.CreateCommand())
            {
                answers.Transaction = transaction;
                answers.CommandText = "SELECT answer_key FROM poll_answers WHERE poll_id = $poll";
                answers.Parameters.AddWithValue("$poll", pollId);
                await using var reader = await answers.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var answerKey = reader.GetString(0);
                    byLegacyId[LegacyId(answerKey)] = ids.Of(answerKey);
                }
            }
            foreach (var (_, legacyId) in pending.Where(p => p.PollId == pollId))
            {
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = byLegacyId.TryGetValue(legacyId, out var keyed)
                    ? "UPDATE poll_comment_moderation SET comment_id = $new, keyed = 1 WHERE poll_id = $poll AND comment_id = $old AND keyed = 0"
                    : "DELETE FROM poll_comment_moderation WHERE poll_id = $poll AND comment_id = $old AND keyed = 0";
                update.Parameters.AddWithValue("$poll", pollId);
                update.Parameters.AddWithValue("$old", legacyId);
                update.Parameters.AddWithValue("$new", keyed ?? string.Empty);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        LogUpgraded(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The id before this version: the first 16 hex digits of SHA-256 over the answer key.</summary>
    internal static string LegacyId(string answerKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answerKey)))[..16];

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} comment moderation decisions to keyed comment ids")]
    private static partial void LogUpgraded(ILogger logger, int count);
}

using System.Security.Cryptography;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// Gives the respondent key for an answer (see <see cref="RespondentKeys"/>). The secret for anonymous polls comes
/// from Leitbild:AnonymousKey; in local mode, without it, one is made once and kept in the database.
/// </summary>
public sealed class RespondentKeyFactory(IOptions<LeitbildOptions> options, SqliteDatabase database)
{
    private const string SecretName = "results.anonymous-key";
    private byte[]? _secret;

    public async Task<string> ForAsync(bool anonymousPoll, string tenantId, string personId, string pollId, CancellationToken cancellationToken) =>
        anonymousPoll
            ? RespondentKeys.ForAnonymousPoll(await SecretAsync(cancellationToken), tenantId, personId, pollId)
            : RespondentKeys.ForNamedPoll(personId);

    private async Task<byte[]> SecretAsync(CancellationToken cancellationToken)
    {
        if (_secret is not null)
        {
            return _secret;
        }
        if (options.Value.AnonymousKey is { Length: > 0 } configured)
        {
            return _secret = System.Text.Encoding.UTF8.GetBytes(configured);
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        // First caller wins; everyone after reads the same secret.
        insert.CommandText = "INSERT INTO app_secrets(name, value) VALUES ($name, $value) ON CONFLICT(name) DO NOTHING";
        insert.Parameters.AddWithValue("$name", SecretName);
        insert.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM app_secrets WHERE name = $name";
        read.Parameters.AddWithValue("$name", SecretName);
        return _secret = Convert.FromBase64String((string)(await read.ExecuteScalarAsync(cancellationToken))!);
    }
}

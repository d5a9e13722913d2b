using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Health;

public static class HealthApi
{
    public sealed record DatabaseHealth(bool Ok, int SchemaVersion, string? Error);

    /// <summary>People known, members no rule places, the last good sync (null in local mode or before the first one), and whether the latest attempt worked.</summary>
    public sealed record DirectoryHealth(int People, int Unplaced, DateTimeOffset? LastSync, bool Ok, string? Error);

    public sealed record Health(string Status, string Mode, string Version, DatabaseHealth Database, DirectoryHealth? Directory);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        // The platform's health probe must always get through (see CallerRateLimits).
        routes.MapGet("healthz", GetHealth).DisableRateLimiting();
        return routes;
    }

    public static async Task<IResult> GetHealth(SqliteDatabase database, Microsoft.Extensions.Options.IOptions<Hosting.LeitbildOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        DatabaseHealth db;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
            var schema = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            db = new DatabaseHealth(schema > 0, schema, schema > 0 ? null : "no migrations applied");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The error code is enough for an operator; the message could contain a file path.
            db = new DatabaseHealth(false, 0, $"SQLite error {e.SqliteErrorCode}");
        }
        var directory = db.Ok ? await DirectoryAsync(options.Value.Mode, services, cancellationToken) : null;
        // A failed directory sync degrades, it does not fail the instance: restarting would not bring Entra back,
        // and the last good directory keeps serving.
        var status = !db.Ok ? "unhealthy" : directory is { Ok: false } ? "degraded" : "ok";
        var health = new Health(status, options.Value.Mode.ToString(), version, db, directory);
        return Results.Json(health, statusCode: db.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<DirectoryHealth> DirectoryAsync(Hosting.AppMode mode, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (mode != Hosting.AppMode.Microsoft365)
        {
            var organisation = await services.GetRequiredService<Core.Process.IDirectory>().GetOrganisationAsync(cancellationToken);
            return new DirectoryHealth(organisation.People.Count, 0, null, true, null);
        }
        var placed = await services.GetRequiredService<Core.Directory.EntraDirectory>().CurrentAsync(cancellationToken);
        var store = services.GetRequiredService<Core.Directory.IDirectoryStateStore>();
        // The placed directory is held in memory and knows its sync time: a health probe reads only the small status row.
        var status = await store.LoadStatusAsync(cancellationToken);
        var error = status is null ? "not-synced-yet" : status.Error;
        return new DirectoryHealth(placed.Organisation.People.Count, placed.Unplaced.Count, placed.SyncedAt, status?.Ok == true, error);
    }
}

using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Health;

public static class HealthApi
{
    public sealed record DatabaseHealth(bool Ok, int SchemaVersion, string? Error);

    public sealed record Health(string Status, string Mode, string Version, DatabaseHealth Database);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("healthz", GetHealth);
        return routes;
    }

    public static async Task<IResult> GetHealth(SqliteDatabase database, Microsoft.Extensions.Options.IOptions<Hosting.LeitbildOptions> options, CancellationToken cancellationToken)
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
        var health = new Health(db.Ok ? "ok" : "unhealthy", options.Value.Mode.ToString(), version, db);
        return Results.Json(health, statusCode: db.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

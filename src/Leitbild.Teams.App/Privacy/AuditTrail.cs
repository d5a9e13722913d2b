using System.Security.Claims;
using Leitbild.Teams.App.Tab.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// Records organizer actions in one place instead of in each handler: every request an organizer makes to an endpoint
/// behind the <see cref="TabPolicies.Organizer"/> policy that changes something (any method but GET/HEAD), and the GETs
/// marked <see cref="AuditedRead"/> because their answer leaves the app (exports, reports, a person's data).
/// What is kept: the actor's object id, the method and route pattern, the route's ids and a few query values — never
/// a request body, which may hold answers or names.
/// </summary>
public static class AuditTrail
{
    /// <summary>Query values worth keeping: they say which poll or process an export covered, and in which form.</summary>
    private static readonly string[] QueryKeys = ["poll", "process", "format", "view", "lang"];

    private const int MaxValueLength = 200;

    /// <summary>Marks a GET whose answer leaves the app (an export, a report): it is recorded like a change.</summary>
    public static TBuilder AuditedRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AuditedReadMarker.Instance);

    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            if (ShouldRecord(context))
            {
                await RecordAsync(context, status);
            }
        }
    });

    private static bool ShouldRecord(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || !context.User.IsInRole(TabRoles.Organizer))
        {
            return false;
        }
        var organizerOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == TabPolicies.Organizer);
        var changes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        return organizerOnly && (changes || endpoint.Metadata.GetMetadata<AuditedReadMarker>() is not null);
    }

    private static async Task RecordAsync(HttpContext context, int status)
    {
        var endpoint = (RouteEndpoint)context.GetEndpoint()!;
        var target = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value?.ToString() is { Length: > 0 } text)
            {
                target[key] = Shorten(text);
            }
        }
        foreach (var key in QueryKeys)
        {
            if (context.Request.Query[key].ToString() is { Length: > 0 } text)
            {
                target["?" + key] = Shorten(text);
            }
        }
        var user = TabUser.From(context.User);
        var action = $"{context.Request.Method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
        var log = context.RequestServices.GetRequiredService<SqliteAuditLog>();
        try
        {
            // The action has happened, whether or not the caller is still listening.
            await log.AppendAsync(user.Id, user.IsGuest, action, target, status, CancellationToken.None);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            context.RequestServices.GetRequiredService<ILogger<SqliteAuditLog>>().LogError(e, "Audit entry for {Action} with status {Status} could not be written", action, status);
        }
    }

    private static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength];

    private sealed class AuditedReadMarker
    {
        public static readonly AuditedReadMarker Instance = new();
    }
}

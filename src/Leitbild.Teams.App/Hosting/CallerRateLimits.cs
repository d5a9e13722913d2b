using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Leitbild.Teams.App.Problems;
using Leitbild.Teams.App.Tab.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

/// <summary>
/// ASP.NET Core rate limiting per caller on every endpoint (APIs, pages, the start page): one token bucket per signed-in
/// person (object id), else per remote address. Static files have no endpoint and are not counted; the bot endpoint
/// and <c>/healthz</c> opt out with <c>DisableRateLimiting()</c> — Teams retries activities it did not get through and
/// sends them from a few Microsoft addresses, so a per-address limit would drop real answers, and its token (or, in
/// local mode, this machine) already decides who may post; the platform's health probe must always get through.
/// The remote address here is the one the forwarded headers name (App Service's front end), not the socket's: behind
/// the front end every socket is the front end.
/// </summary>
public static class CallerRateLimits
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });
        return services;
    }

    /// <summary>
    /// The rate limiter runs before authorization, so that refused tokens count too; it needs the person, so the tab's
    /// bearer token is read here (the handler keeps the result for the request, authorization does not read it twice).
    /// </summary>
    public static IApplicationBuilder UseCallerRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null && context.Request.Headers.Authorization.Count > 0
                && !context.Request.Path.StartsWithSegments("/api/messages", StringComparison.OrdinalIgnoreCase)
                && await context.AuthenticateAsync(TabAuthentication.Scheme) is { Succeeded: true } result)
            {
                context.User = result.Principal;
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.GetEndpoint() is null)
        {
            return RateLimitPartition.GetNoLimiter("no-endpoint");
        }
        var limits = context.RequestServices.GetRequiredService<IOptions<LeitbildOptions>>().Value.Limits;
        var person = context.User.FindFirstValue(TabRoles.ObjectIdClaim);
        return person is not null
            ? RateLimitPartition.GetTokenBucketLimiter("person:" + person, _ => Bucket(limits.PermitsPerMinutePerPerson))
            : RateLimitPartition.GetTokenBucketLimiter("address:" + context.Connection.RemoteIpAddress, _ => Bucket(limits.PermitsPerMinutePerAddress));
    }

    /// <summary>A minute's worth at once, then a tenth of it every 6 seconds: bursts of a page load pass, floods do not.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 10),
        ReplenishmentPeriod = TimeSpan.FromSeconds(6),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 6;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await RequestProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "problem.request.rateLimitedTitle", "problem.request.rateLimited", seconds);
    }
}

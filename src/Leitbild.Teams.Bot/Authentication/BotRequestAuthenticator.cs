using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Schema;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.Bot.Authentication;

/// <summary>
/// Decides whether an inbound request may be processed. With an app id: the Bot Framework token.
/// Without one (local mode): no token, but only callers on this machine, because the Agents Playground
/// sends unauthenticated activities and nothing else should.
/// </summary>
public sealed class BotRequestAuthenticator(BotAuthenticationOptions options, IServiceProvider services)
{
    public async Task<AuthenticationOutcome> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken)
    {
        if (options.IsLocalMode)
        {
            return ThisMachine.IsCaller(context)
                ? AuthenticationOutcome.Allow
                : AuthenticationOutcome.Unauthorized("local mode accepts requests from this machine only");
        }
        var validator = (BotTokenValidator?)services.GetService(typeof(BotTokenValidator))
            ?? throw new InvalidOperationException("BotTokenValidator is not registered.");
        return await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), activity, cancellationToken);
    }
}

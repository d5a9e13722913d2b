using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>
/// Local mode only (not even mapped in Microsoft 365 mode): pick a seeded person and get a development token for the API.
/// Answers only requests from this machine, like the bot's unauthenticated local mode.
/// </summary>
public static class DevSignInApi
{
    public sealed record DevPerson(string Id, string DisplayName, IReadOnlyList<string> Roles, bool IsGuest, string? Office);

    public sealed record DevSignInRequest(string? PersonId);

    public sealed record DevSignIn(string Token, DateTimeOffset ExpiresAt, DevPerson Person);

    public static RouteGroupBuilder MapDevSignIn(this RouteGroupBuilder tabApi)
    {
        var dev = tabApi.MapGroup("dev-signin").AllowAnonymous().AddEndpointFilter(OnlyFromThisMachine);
        dev.MapGet("people", ListPeople);
        dev.MapPost("", SignIn);
        return tabApi;
    }

    public static async Task<Ok<DevPerson[]>> ListPeople(HttpRequest request, IDirectory directory, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        return TypedResults.Ok(organisation.People
            .OrderByDescending(p => p.Has(Role.Organizer))
            .ThenByDescending(p => p.Has(Role.Reviewer))
            .ThenBy(p => p.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true))
            .Select(p => ToDevPerson(p, organisation, language))
            .ToArray());
    }

    public static async Task<Results<Ok<DevSignIn>, ProblemHttpResult>> SignIn(
        HttpRequest request, DevSignInRequest body, IDirectory directory, DevTokenIssuer issuer, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var person = string.IsNullOrWhiteSpace(body.PersonId) ? null : await directory.FindPersonAsync(body.PersonId, cancellationToken);
        if (person is null)
        {
            return TypedResults.Problem(
                title: Texts.Get("tab.devsignin.failed", language),
                detail: Texts.Format("tab.devsignin.unknownPerson", language, body.PersonId ?? string.Empty),
                statusCode: StatusCodes.Status400BadRequest);
        }
        var token = issuer.Issue(person);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        return TypedResults.Ok(new DevSignIn(token.Token, token.ExpiresAt, ToDevPerson(person, organisation, language)));
    }

    private static DevPerson ToDevPerson(Person person, Organisation organisation, string language)
    {
        var office = person.OfficeId is null ? null : organisation.FindOffice(person.OfficeId);
        var roles = person.Roles.Select(r => r.ToString().ToLowerInvariant()).ToArray();
        return new DevPerson(person.Id, person.DisplayName, roles, person.IsGuest, office is null ? null : $"{office.Code} {office.Name.In(language)}");
    }

    /// <summary>The socket's peer decides (<see cref="ThisMachine"/>), never a forwarded header.</summary>
    private static async ValueTask<object?> OnlyFromThisMachine(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!ThisMachine.IsCaller(context.HttpContext))
        {
            var language = RequestLanguage.Of(context.HttpContext.Request);
            return TypedResults.Problem(
                title: Texts.Get("tab.devsignin.failed", language),
                detail: Texts.Get("tab.devsignin.onlyLocal", language),
                statusCode: StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}

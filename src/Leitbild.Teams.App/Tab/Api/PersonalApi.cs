using System.Security.Claims;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>Who is signed in, and their own items ("Mein Leitbild").</summary>
public static class PersonalApi
{
    public sealed record Me(string Id, string DisplayName, IReadOnlyList<string> Roles, bool IsGuest, string Language, string? Office, string SignIn);

    public sealed record MyItems(bool Available, IReadOnlyList<TabItem> Items);

    public sealed record MeinLeitbild(MyItems OpenPolls, MyItems Appointments);

    /// <summary>GET /api/me (the group carries the Staff policy).</summary>
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder me)
    {
        me.MapGet("", GetMe);
        return me;
    }

    /// <summary>GET /api/tab/mein-leitbild.</summary>
    public static RouteGroupBuilder MapMeinLeitbild(this RouteGroupBuilder tabApi)
    {
        tabApi.MapGet("mein-leitbild", GetMeinLeitbild);
        return tabApi;
    }

    public static async Task<Ok<Me>> GetMe(ClaimsPrincipal principal, IDirectory directory, IOptions<LeitbildOptions> options, CancellationToken cancellationToken)
    {
        var user = TabUser.From(principal);
        var person = await directory.FindPersonAsync(user.Id, cancellationToken);
        var language = person?.PreferredLanguage ?? "de";
        string? office = null;
        // A guest's office is not theirs to see through us, and a guest has none in the directory anyway.
        if (person?.OfficeId is { } officeId && !user.IsGuest)
        {
            var found = (await directory.GetOrganisationAsync(cancellationToken)).FindOffice(officeId);
            office = found is null ? null : $"{found.Code} {found.Name.In(language)}";
        }
        var signIn = options.Value.Mode == AppMode.Local ? "development" : "entra";
        return TypedResults.Ok(new Me(user.Id, user.DisplayName, user.Roles, user.IsGuest, language, office, signIn));
    }

    public static async Task<Ok<MeinLeitbild>> GetMeinLeitbild(
        HttpRequest request, ClaimsPrincipal principal, IEnumerable<IMyItemsSource> sources, CancellationToken cancellationToken)
    {
        var user = TabUser.From(principal);
        var language = RequestLanguage.Of(request);
        var list = sources.ToList();
        return TypedResults.Ok(new MeinLeitbild(
            await CollectAsync(TabItemKinds.Polls, list, user, language, cancellationToken),
            await CollectAsync(TabItemKinds.Appointments, list, user, language, cancellationToken)));
    }

    private static async Task<MyItems> CollectAsync(string kind, List<IMyItemsSource> sources, TabUser user, string language, CancellationToken cancellationToken)
    {
        var matching = sources.Where(s => s.Kind == kind).ToList();
        if (matching.Count == 0)
        {
            return new MyItems(false, []);
        }
        var items = new List<TabItem>();
        foreach (var source in matching)
        {
            items.AddRange(await source.ForPersonAsync(user, language, cancellationToken));
        }
        return new MyItems(true, items);
    }
}

using System.Security.Claims;
using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Polls;

/// <summary>
/// The polls API under /api/polls for the tab. Authorization sits on the route groups: anyone signed in sees their own
/// open polls, reviewers (and organizers) read polls and results, organizers create, send, remind, close and moderate.
/// Guests (external moderators) may organize but never get object ids of the people asked.
/// </summary>
public static class PollsApi
{
    public sealed record ModerationRequest(bool Hidden, string? Reason);

    public sealed record ModerationResult(string CommentId, bool Hidden, string? Reason);

    /// <summary>What the create form offers as audience: divisions and offices, and (for members only) the people.</summary>
    /// <param name="EntraGroups">True in Microsoft 365 mode, where an Entra group can be asked.</param>
    public sealed record AudienceOptions(IReadOnlyList<UnitOption> Units, IReadOnlyList<PersonOption>? People, bool EntraGroups = false);

    public sealed record UnitOption(string Id, string Name, string? DivisionId);

    public sealed record PersonOption(string Id, string DisplayName, string? Office);

    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder routes)
    {
        var polls = routes.MapGroup("api/polls").RequireAuthorization(TabPolicies.Staff);
        polls.MapGet("mine", GetMine);

        var read = polls.MapGroup("").RequireAuthorization(TabPolicies.Reviewer);
        read.MapGet("", List);
        read.MapGet("{pollId}", Get);
        read.MapGet("{pollId}/results", GetResults);

        var organize = polls.MapGroup("").RequireAuthorization(TabPolicies.Organizer);
        organize.MapGet("audience-options", GetAudienceOptions);
        // A draft may name up to 5,000 people: the only JSON body larger than the APIs' default.
        organize.MapPost("", Create).WithRequestBodyLimit(o => o.Limits.PollDraftMaxRequestBytes);
        organize.MapPost("preview", Preview).WithRequestBodyLimit(o => o.Limits.PollDraftMaxRequestBytes);
        organize.MapPost("{pollId}/send", Send);
        organize.MapPost("{pollId}/remind", Remind);
        organize.MapPost("{pollId}/close", Close);
        organize.MapGet("{pollId}/report", Report).AuditedRead();
        organize.MapPost("{pollId}/comments/{commentId}/moderation", Moderate);
        return routes;
    }

    public static async Task<Ok<TabItem[]>> GetMine(HttpRequest request, ClaimsPrincipal principal, MyOpenPolls mine, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var polls = await mine.ForAsync(TabUser.From(principal).Id, cancellationToken);
        return TypedResults.Ok(polls.Select(p => MyOpenPolls.Item(p, language)).ToArray());
    }

    public static async Task<Ok<PollSummaryView[]>> List(HttpRequest request, IPollStore store, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(p => PollSummaryView.Of(p, language)).ToArray());
    }

    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Get(
        string pollId, HttpRequest request, ClaimsPrincipal principal, IPollStore store, IDirectory directory, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var poll = await store.GetAsync(pollId, cancellationToken);
        return poll is null
            ? NotFound(pollId, language)
            : TypedResults.Ok(PollView.Of(poll, TabUser.From(principal), await directory.GetOrganisationAsync(cancellationToken), language));
    }

    /// <summary>Organizers see hidden comments with their reason; reviewers never get them.</summary>
    public static async Task<Results<Ok<PollResultsView>, ProblemHttpResult>> GetResults(
        string pollId, HttpRequest request, ClaimsPrincipal principal, IPollStore store, PollService service,
        IProcessStore processes, IDirectory directory, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var user = TabUser.From(principal);
        var poll = await store.GetAsync(pollId, cancellationToken);
        var results = poll is null ? null : await service.ResultsAsync(pollId, includeHiddenComments: user.IsOrganizer, cancellationToken);
        if (poll is null || results is null)
        {
            return NotFound(pollId, language);
        }
        var catalogue = await processes.GetGoalsAsync(poll.ProcessId, cancellationToken);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        return TypedResults.Ok(PollResultsViews.Of(poll, results, catalogue, organisation, user.IsOrganizer, language));
    }

    public static async Task<Ok<AudienceOptions>> GetAudienceOptions(
        HttpRequest request, ClaimsPrincipal principal, IDirectory directory, IOptions<LeitbildOptions> options, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var units = organisation.Divisions
            .SelectMany(d => new[] { new UnitOption(d.Id, d.Name.In(language), null) }
                .Concat(d.Offices.Select(o => new UnitOption(o.Id, $"{o.Code} {o.Name.In(language)}", d.Id))))
            .ToList();
        // A guest organizes by department or everyone; picking named people would hand them the directory's object ids.
        var people = TabUser.From(principal).IsGuest
            ? null
            : organisation.People
                .Where(p => !p.IsGuest)
                .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
                .Select(p => new PersonOption(p.Id, p.DisplayName, p.OfficeId is { } o ? organisation.FindOffice(o)?.Code : null))
                .ToList();
        return TypedResults.Ok(new AudienceOptions(units, people, options.Value.Mode == AppMode.Microsoft365));
    }

    /// <summary>Stores a draft poll. Bad input: 400 with every problem in the caller's language, and nothing stored.</summary>
    public static async Task<Results<Created<PollView>, ValidationProblem>> Create(
        HttpRequest request, ClaimsPrincipal principal, PollService service, IDirectory directory,
        PollGroupAudience groups, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var user = TabUser.From(principal);
        var (draft, bodyErrors) = await ReadDraftAsync(request, language, cancellationToken);
        if (draft is null)
        {
            return Invalid(bodyErrors, language);
        }
        // Core checks the definition when it creates; the Entra group and directory checks need I/O, so they run here,
        // and when they find something Core's problems are listed with them, so the form shows everything at once.
        var (audience, groupProblems) = await groups.ResolveAsync(draft.Audience, cancellationToken);
        draft = draft with { Audience = audience! };
        IReadOnlyList<PollProblem> audienceProblems = [.. groupProblems, .. await PollAudienceCheck.ProblemsAsync(draft.Audience, directory, cancellationToken)];
        if (audienceProblems.Count > 0)
        {
            var (_, definition) = await service.CheckDraftAsync(draft, user.Id, cancellationToken);
            return Invalid(ToErrors(definition.Concat(audienceProblems), language), language);
        }
        try
        {
            var poll = await service.CreateAsync(draft, user.Id, cancellationToken);
            return TypedResults.Created($"/api/polls/{poll.Id}", PollView.Of(poll, user, await directory.GetOrganisationAsync(cancellationToken), language));
        }
        catch (PollDefinitionException e)
        {
            return Invalid(ToErrors(e.Problems, language), language);
        }
    }

    /// <summary>The first card page as Adaptive Card JSON for the official renderer in the tab; nothing is stored.</summary>
    public static async Task<Results<Ok<JsonElement>, ValidationProblem>> Preview(
        HttpRequest request, ClaimsPrincipal principal, PollService service, [FromServices] IPollDelivery delivery,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var (draft, bodyErrors) = await ReadDraftAsync(request, language, cancellationToken);
        if (draft is null)
        {
            return Invalid(bodyErrors, language);
        }
        var (poll, problems) = await service.CheckDraftAsync(draft, TabUser.From(principal).Id, cancellationToken);
        // The card builder may rely on a valid poll (goals that exist, options present), so check first.
        if (poll is null || problems.Count > 0)
        {
            return Invalid(ToErrors(problems, language), language);
        }
        return TypedResults.Ok(await delivery.PreviewAsync(poll, language, cancellationToken));
    }

    public static async Task<Results<Ok<PollDeliveryReport>, ProblemHttpResult>> Send(
        string pollId, HttpRequest request, IPollStore store, [FromServices] IPollDelivery delivery, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return NotFound(pollId, language);
        }
        // An open poll may be sent again: the delivery resumes and never sends twice.
        if (poll.IsClosedAt(time.GetUtcNow()))
        {
            return Conflict("polls.api.alreadyClosed", language);
        }
        try
        {
            return TypedResults.Ok(await delivery.SendAsync(pollId, cancellationToken));
        }
        catch (PollDefinitionException e)
        {
            // Nobody to send from, or the poll cannot be sent as it is: nothing was sent and the poll is unchanged.
            return ConflictOf(e, language);
        }
    }

    public static async Task<Results<Ok<PollDeliveryReport>, ProblemHttpResult>> Remind(
        string pollId, HttpRequest request, IPollStore store, [FromServices] IPollDelivery delivery, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return NotFound(pollId, language);
        }
        if (!poll.IsOpenAt(time.GetUtcNow()))
        {
            return Conflict("polls.api.notOpen", language);
        }
        try
        {
            return TypedResults.Ok(await delivery.RemindAsync(pollId, cancellationToken));
        }
        catch (PollDefinitionException e)
        {
            return ConflictOf(e, language);
        }
    }

    public static async Task<Results<Ok<PollSummaryView>, ProblemHttpResult>> Close(
        string pollId, HttpRequest request, IPollStore store, [FromServices] IPollDelivery delivery, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return NotFound(pollId, language);
        }
        if (poll.Status != PollStatus.Open || !await delivery.CloseAsync(pollId, cancellationToken))
        {
            return Conflict("polls.api.notOpen", language);
        }
        var closed = await store.GetAsync(pollId, cancellationToken);
        return TypedResults.Ok(PollSummaryView.Of(closed!, language));
    }

    public static async Task<Results<Ok<PollDeliveryReport>, ProblemHttpResult>> Report(
        string pollId, HttpRequest request, IPollStore store, [FromServices] IPollDelivery delivery, CancellationToken cancellationToken)
    {
        var poll = await store.GetAsync(pollId, cancellationToken);
        return poll is null
            ? NotFound(pollId, RequestLanguage.Of(request))
            : TypedResults.Ok(await delivery.ReportAsync(pollId, cancellationToken));
    }

    /// <summary>Hides a comment from reviewers (a reason is required and kept) or shows it again.</summary>
    public static async Task<Results<Ok<ModerationResult>, ValidationProblem, ProblemHttpResult>> Moderate(
        string pollId, string commentId, HttpRequest request, ClaimsPrincipal principal, PollService service, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        ModerationRequest? body;
        try
        {
            body = request.HasJsonContentType()
                ? await request.ReadFromJsonAsync<ModerationRequest>(JsonSerializerOptions.Web, cancellationToken)
                : null;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            return Invalid(new() { ["body"] = [Texts.Get("polls.api.moderationBody", language)] }, language);
        }
        var reason = body.Reason ?? string.Empty;
        try
        {
            if (!await service.ModerateCommentAsync(pollId, commentId, body.Hidden, reason, TabUser.From(principal).Id, cancellationToken))
            {
                return TypedResults.Problem(title: Texts.Get("tab.api.notFound", language),
                    detail: Texts.Get("polls.api.commentNotFound", language), statusCode: StatusCodes.Status404NotFound);
            }
        }
        catch (PollDefinitionException e)
        {
            return Invalid(ToErrors(e.Problems, language), language);
        }
        return TypedResults.Ok(new ModerationResult(commentId, body.Hidden, body.Hidden ? reason.Trim() : null));
    }

    /// <summary>
    /// Reads the draft with the template's strict JSON rules (unknown members and missing required ones are errors), so a
    /// typo in a field name is reported instead of silently ignored.
    /// </summary>
    private static async Task<(PollDraft? Draft, Dictionary<string, string[]> Errors)> ReadDraftAsync(HttpRequest request, string language, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, new() { ["body"] = [Texts.Get("polls.api.bodyInvalid", language)] });
        }
        try
        {
            var draft = await request.ReadFromJsonAsync<PollDraft>(TemplateLoader.JsonOptions, cancellationToken);
            return draft is null ? (null, new() { ["body"] = [Texts.Get("polls.api.bodyInvalid", language)] }) : (draft, []);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, new() { [field] = [Texts.Format("polls.api.bodyField", language, field)] });
        }
    }

    private static Dictionary<string, string[]> ToErrors(IEnumerable<PollProblem> problems, string language) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.In(language)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, string language) =>
        TypedResults.ValidationProblem(errors, title: Texts.Get("polls.api.invalid", language));

    private static ProblemHttpResult NotFound(string pollId, string language) =>
        TypedResults.Problem(title: Texts.Get("tab.api.notFound", language),
            detail: Texts.Format("polls.api.pollNotFound", language, pollId), statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult ConflictOf(PollDefinitionException e, string language) =>
        TypedResults.Problem(title: Texts.Get("polls.api.conflict", language), detail: string.Join(" ", e.Problems.Select(p => p.In(language))), statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult Conflict(string key, string language) =>
        TypedResults.Problem(title: Texts.Get("polls.api.conflict", language), detail: Texts.Get(key, language), statusCode: StatusCodes.Status409Conflict);
}

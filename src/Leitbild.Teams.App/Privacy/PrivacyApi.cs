using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Problems;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// /api/privacy for organizers: a person's data (Art. 15) and its erasure (Art. 17), the audit log, the record of
/// processing and the retention state. The service refuses guests (external moderators) for a person's data.
/// </summary>
public static class PrivacyApi
{
    public sealed record ExportView(string PersonId, DateTimeOffset CreatedAt, string AnonymousAnswers, string Scope, IReadOnlyDictionary<string, IReadOnlyList<System.Text.Json.JsonElement>> Stores);

    public sealed record ErasureView(string PersonId, IReadOnlyDictionary<string, int> Changed, string AnonymousAnswers, string Scope);

    public sealed record RetentionView(int RetentionDays, DateOnly? ProcessEndedOn, DateOnly? DeletionDueOn);

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder routes)
    {
        var privacy = routes.MapGroup("api/privacy").RequireAuthorization(TabPolicies.Organizer).WithProblems();
        privacy.MapGet("people/{personId}", Export).AuditedRead();
        privacy.MapDelete("people/{personId}", Erase);
        privacy.MapGet("audit", ReadAudit);
        privacy.MapGet("record", Record);
        privacy.MapGet("retention", Retention);
        return routes;
    }

    public static async Task<Ok<ExportView>> Export(string personId, Caller caller, PersonalDataService service, CancellationToken cancellationToken)
    {
        var export = await service.ExportAsync(caller.Actor, personId, cancellationToken);
        return TypedResults.Ok(new ExportView(export.PersonId, export.CreatedAt,
            Texts.Get("privacy.export.anonymous", caller.Language), Texts.Get("privacy.export.scope", caller.Language), export.Stores));
    }

    public static async Task<Ok<ErasureView>> Erase(string personId, Caller caller, PersonalDataService service, CancellationToken cancellationToken)
    {
        var changed = await service.EraseAsync(caller.Actor, personId, cancellationToken);
        return TypedResults.Ok(new ErasureView(Guid.Parse(personId).ToString("D"), changed,
            Texts.Get("privacy.export.anonymous", caller.Language), Texts.Get("privacy.export.scope", caller.Language)));
    }

    /// <summary>An audit entry with the actor's name from the directory (null for someone who left it or the system).</summary>
    public sealed record AuditView(long Id, DateTimeOffset At, string ActorId, string? ActorName, bool ActorIsGuest, string Action, IReadOnlyDictionary<string, string> Target, int Status);

    /// <summary>The planning team's own log: it names organizers by object id, which external moderators never get.</summary>
    public static async Task<Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult>> ReadAudit(
        int? limit, long? before, Caller caller, SqliteAuditLog log, Core.Process.IDirectory directory, CancellationToken cancellationToken)
    {
        if (caller.IsGuest)
        {
            return ApiProblems.Result(Core.Problems.ProblemException.Forbidden("actor", "problem.forbidden.memberOrganizer"), caller.Language);
        }
        if (limit is < 1 or > SqliteAuditLog.MaxPage)
        {
            return ApiProblems.Result(Core.Problems.ProblemException.Invalid("limit", "privacy.audit.limit", SqliteAuditLog.MaxPage), caller.Language);
        }
        var entries = await log.ReadAsync(limit ?? 100, before, cancellationToken);
        var people = (await directory.GetOrganisationAsync(cancellationToken)).People
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok<IReadOnlyList<AuditView>>([.. entries.Select(e =>
            new AuditView(e.Id, e.At, e.ActorId, people.GetValueOrDefault(e.ActorId), e.ActorIsGuest, e.Action, e.Target, e.Status))]);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Record(string? format, Caller caller, ProcessingRecordSource source, CancellationToken cancellationToken)
    {
        if (format is not (null or "html" or "md"))
        {
            return ApiProblems.Result(Core.Problems.ProblemException.Invalid("format", "privacy.record.format"), caller.Language);
        }
        var input = await source.ReadAsync(cancellationToken);
        return format == "md"
            ? TypedResults.Text(ProcessingRecord.Markdown(input, caller.Language), "text/markdown; charset=utf-8")
            : TypedResults.Text(ProcessingRecord.Html(input, caller.Language), "text/html; charset=utf-8");
    }

    public static async Task<Ok<RetentionView>> Retention(ProcessingRecordSource source, CancellationToken cancellationToken)
    {
        var input = await source.ReadAsync(cancellationToken);
        return TypedResults.Ok(new RetentionView(input.Privacy.RetentionDays, input.ProcessEndedOn, input.ProcessEndedOn?.AddDays(input.Privacy.RetentionDays)));
    }
}

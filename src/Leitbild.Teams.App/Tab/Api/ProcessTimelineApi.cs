using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>The Process page: everyone signed in reads the timeline; only organizers change a phase's dates and status.</summary>
public static class ProcessTimelineApi
{
    /// <summary>GET /api/tab/processes and /api/tab/process (the group carries the Staff policy).</summary>
    public static RouteGroupBuilder MapProcessTimeline(this RouteGroupBuilder tabApi)
    {
        tabApi.MapGet("processes", ListProcesses);
        tabApi.MapGet("process", GetTimeline);
        return tabApi;
    }

    /// <summary>PUT /api/tab/process/phases/{phaseId} (the group carries the Organizer policy).</summary>
    public static RouteGroupBuilder MapPhaseEdits(this RouteGroupBuilder phases)
    {
        phases.MapPut("{phaseId}", UpdatePhase);
        return phases;
    }

    public static async Task<Ok<ProcessSummary[]>> ListProcesses(HttpRequest request, IProcessStore store, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var processes = await store.ListProcessesAsync(cancellationToken);
        return TypedResults.Ok(processes.Select(p => new ProcessSummary(p.Id, p.Title.In(language))).ToArray());
    }

    public static async Task<Results<Ok<ProcessTimeline>, ProblemHttpResult>> GetTimeline(
        HttpRequest request,
        ClaimsPrincipal principal,
        string? process,
        IProcessStore store,
        IDirectory directory,
        IEnumerable<IPhaseItemsSource> sources,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var found = await FindProcessAsync(store, process, cancellationToken);
        if (found is null)
        {
            return NotFound(Texts.Format("tab.api.processNotFound", language, process ?? string.Empty), language);
        }
        return TypedResults.Ok(await ProcessTimelineBuilder.BuildAsync(found, TabUser.From(principal), language, directory, sources, cancellationToken));
    }

    /// <summary>Changes one phase's dates and status. Bad input: 400 with every wrong field named, and nothing stored.</summary>
    public static async Task<Results<Ok<ProcessTimeline>, ValidationProblem, ProblemHttpResult>> UpdatePhase(
        HttpRequest request,
        ClaimsPrincipal principal,
        string phaseId,
        string? process,
        IProcessStore store,
        IDirectory directory,
        IEnumerable<IPhaseItemsSource> sources,
        PhaseScheduleEditor editor,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var title = Texts.Get("tab.api.phaseNotSaved", language);
        var (body, bodyProblem) = await PhaseScheduleRequest.ReadAsync(request, language, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(title: title, detail: bodyProblem, statusCode: StatusCodes.Status400BadRequest);
        }
        var (change, errors) = body.Parse(language);
        if (change is null)
        {
            return TypedResults.ValidationProblem(errors, title: title);
        }
        var target = await FindProcessAsync(store, process, cancellationToken);
        if (target is null)
        {
            return NotFound(Texts.Format("tab.api.processNotFound", language, process ?? string.Empty), language);
        }
        var result = await editor.ApplyAsync(target.Id, phaseId, change, cancellationToken);
        return result.Outcome switch
        {
            PhaseScheduleEditor.Outcome.Saved => TypedResults.Ok(
                await ProcessTimelineBuilder.BuildAsync(result.Process!, TabUser.From(principal), language, directory, sources, cancellationToken)),
            PhaseScheduleEditor.Outcome.PhaseNotFound => NotFound(Texts.Format("tab.api.phaseNotFound", language, phaseId), language),
            _ => NotFound(Texts.Format("tab.api.processNotFound", language, target.Id), language),
        };
    }

    /// <summary>The named process, or the first one (one process per installation for now).</summary>
    private static async Task<ProcessTemplate?> FindProcessAsync(IProcessStore store, string? processId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(processId))
        {
            return await store.GetProcessAsync(processId, cancellationToken);
        }
        var processes = await store.ListProcessesAsync(cancellationToken);
        return processes.Count > 0 ? processes[0] : null;
    }

    private static ProblemHttpResult NotFound(string detail, string language) =>
        TypedResults.Problem(title: Texts.Get("tab.api.notFound", language), detail: detail, statusCode: StatusCodes.Status404NotFound);
}

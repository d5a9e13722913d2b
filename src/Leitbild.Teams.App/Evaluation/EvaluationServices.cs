using Leitbild.Teams.App.Evaluation.Bot;
using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls;
using Leitbild.Teams.App.Problems;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Evaluation;

public static class EvaluationServices
{
    /// <summary>
    /// Evaluation and final report: migrations 500–599, interview notes, workshop outcomes with the goal history,
    /// the evaluation, the Abschlussbericht, and the tab's Ergebnisse section. Must come after AddProcess: the process
    /// store everyone reads becomes <see cref="CurrentGoalsProcessStore"/>, so the goal catalogue carries the
    /// workshops' changes, and the SQLite store serves as the seeded one.
    /// </summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        foreach (var migration in EvaluationMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<ISeededProcessStore>(sp => sp.GetRequiredService<SqliteProcessStore>());
        services.AddSingleton<IGoalHistoryStore, SqliteGoalHistoryStore>();
        services.AddSingleton<IInterviewNotesStore, SqliteInterviewNotesStore>();
        services.Replace(ServiceDescriptor.Singleton<IProcessStore, CurrentGoalsProcessStore>());
        // The polls feature registers the same adapter; the verbs build the evaluation without polls.
        services.TryAddSingleton<IRespondentKeySource, RespondentKeySource>();
        services.AddSingleton(sp => new InterviewNotesSettings(
            sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.Microsoft365.TenantId ?? "local",
            GraphClientFactory.AppVersion,
            // One placeholder for readers of either language: the results list is not read in a language.
            Texts.Get("notes.withdrawnText", "de")));
        services.AddSingleton<InterviewNotesService>();
        services.AddSingleton<WorkshopOutcomesService>();
        services.AddSingleton<EvaluationService>();
        services.AddSingleton<ReportService>();
        services.AddBotHandlers<InterviewNotesBotHandlers>(InterviewNotesBotHandlers.Map);
        services.AddBotHandlers<WorkshopOutcomesBotHandlers>(WorkshopOutcomesBotHandlers.Map);
        services.AddSingleton(new TabSectionModule(TabSections.Results, "/tab/js/features/evaluation.js"));
        return services;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        var evaluation = app.MapGroup("api/tab/evaluation").RequireAuthorization(TabPolicies.Reviewer).WithProblems();
        evaluation.MapEvaluationResults();
        evaluation.MapGroup("notes").RequireAuthorization(TabPolicies.Organizer).MapInterviewNotes();
        evaluation.MapWorkshopOutcomes();
        return app;
    }
}

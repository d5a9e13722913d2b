using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leitbild.Teams.App.Evaluation;

public static class EvaluationServices
{
    /// <summary>
    /// Evaluation and final report: migrations 500–599, interview notes, workshop outcomes with the goal history,
    /// the evaluation, the Abschlussbericht, and the tab's Ergebnisse section. Must come after AddProcess: the process
    /// store is wrapped so that the goal catalogue everyone reads carries the workshops' changes.
    /// </summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        foreach (var migration in EvaluationMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<SqliteGoalHistoryStore>();
        services.AddSingleton<SqliteInterviewNotesStore>();
        services.Replace(ServiceDescriptor.Singleton<IProcessStore, CurrentGoalsProcessStore>());
        services.AddSingleton<InterviewNotesService>();
        services.AddBotRoutes(Bot.InterviewNotesBotHandlers.Register);
        services.AddBotRoutes(Bot.WorkshopOutcomesBotHandlers.Register);
        services.AddSingleton<WorkshopOutcomesService>();
        services.AddSingleton<EvaluationService>();
        services.AddSingleton<ReportService>();
        services.AddSingleton(new TabSectionModule(TabSections.Results, "/tab/js/features/evaluation.js"));
        return services;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        var evaluation = app.MapGroup("api/tab/evaluation").RequireAuthorization(TabPolicies.Reviewer);
        evaluation.MapEvaluationResults();
        evaluation.MapGroup("notes").RequireAuthorization(TabPolicies.Organizer).MapInterviewNotes();
        evaluation.MapWorkshopOutcomes();
        return app;
    }
}

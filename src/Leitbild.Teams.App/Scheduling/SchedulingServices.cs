using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Scheduling.Bot;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Leitbild.Teams.Graph.Calendars;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace Leitbild.Teams.App.Scheduling;

public static class SchedulingServices
{
    /// <summary>Slot finding, interview campaigns and workshops. Local mode uses the SQLite calendar; Microsoft 365 mode
    /// uses Graph calendars through the GraphServiceClient registered by the Graph wiring.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        foreach (var migration in SchedulingMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<IHolidayCalendar>(NrwPublicHolidays.Instance);
        services.AddSingleton<SlotFinder>();
        services.AddSingleton<AdHocSlotSearch>();
        services.AddSingleton<LocalCalendar>();
        services.AddSingleton<ICalendar>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            if (options.Mode == AppMode.Local)
            {
                return sp.GetRequiredService<LocalCalendar>();
            }
            // The app's one GraphServiceClient (Hosting/GraphClientFactory), shared with the SharePoint results store.
            return new GraphCalendar(sp.GetRequiredService<GraphServiceClient>(), sp.GetService<ILogger<GraphCalendar>>());
        });
        services.AddSingleton<SqliteInterviewStore>();
        services.AddSingleton<IInterviewStore>(sp => sp.GetRequiredService<SqliteInterviewStore>());
        services.AddSingleton<SqliteWorkshopStore>();
        services.AddSingleton<IWorkshopStore>(sp => sp.GetRequiredService<SqliteWorkshopStore>());
        services.AddSingleton<InterviewCampaignService>();
        services.AddSingleton<WorkshopService>();
        services.AddHostedService<SchedulingWorker>();

        // The bot: proposal cards to each interviewee (one click books, reschedule and cancel from the card) and the
        // workshop date vote card to each participant.
        services.AddSingleton<IcsLinks>();
        services.AddSingleton<InterviewCardFactory>();
        services.AddSingleton<InterviewProposalDelivery>();
        services.AddSingleton<IBroadcastContent, InterviewBroadcastContent>();
        services.AddBotRoutes(InterviewBotHandlers.Register);
        services.AddSingleton<WorkshopVoteDelivery>();
        services.AddSingleton<IBroadcastContent, WorkshopVoteBroadcastContent>();
        services.AddBotRoutes(WorkshopVoteBotHandlers.Register);

        // The tab: the Interviews & Workshops page, "Termine" per phase, and "Meine Termine" on Mein Leitbild.
        services.AddSingleton<SchedulingViews>();
        services.AddSingleton(new TabSectionModule(TabSections.InterviewsWorkshops, "/tab/js/features/scheduling.js"));
        services.AddSingleton<IPhaseItemsSource, SchedulingPhaseItems>();
        services.AddSingleton<IMyItemsSource, SchedulingMyItems>();
        return services;
    }
}

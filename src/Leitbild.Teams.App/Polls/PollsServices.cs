using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls;

public static class PollsServices
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddPollTables();
        services.AddSingleton<PollGroupAudience>();
        services.AddSingleton<SqlitePollStore>();
        services.AddSingleton<IPollStore>(sp => sp.GetRequiredService<SqlitePollStore>());
        services.AddSingleton<IPollAnswerView, SqlitePollAnswerView>();
        services.AddSingleton<IRespondentKeySource, RespondentKeySource>();
        services.AddHostedService<ModeratedCommentIdsUpgrade>();
        services.AddSingleton(sp => new PollService(
            sp.GetRequiredService<IPollStore>(),
            sp.GetRequiredService<IProcessStore>(),
            sp.GetRequiredService<IDirectory>(),
            sp.GetRequiredService<IResultsOutbox>(),
            sp.GetRequiredService<IPollAnswerView>(),
            sp.GetRequiredService<IRespondentKeySource>(),
            sp.GetRequiredService<SummaryRulesSource>(),
            sp.GetRequiredService<ISummaryRefresh>(),
            sp.GetRequiredService<TimeProvider>(),
            typeof(PollsServices).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
        services.AddSingleton<PollCardFactory>();
        services.AddSingleton<PollDelivery>();
        services.AddSingleton<IPollDelivery>(sp => sp.GetRequiredService<PollDelivery>());
        services.AddSingleton<IPollClosedListener>(sp => sp.GetRequiredService<PollDelivery>());
        services.AddSingleton<IBroadcastContent, PollBroadcastContent>();
        services.AddBotHandlers<PollBotHandlers>(PollBotHandlers.Map);
        services.AddSingleton<PollDeadlineWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PollDeadlineWorker>());
        services.AddPollsTab();
        return services;
    }

    /// <summary>
    /// The polls' tables (migrations) and the organizers' hidden comments, which every reader of results obeys: the
    /// report verb needs them without the rest of the polls feature (cards, workers, bot routes).
    /// </summary>
    public static IServiceCollection AddPollTables(this IServiceCollection services)
    {
        foreach (var migration in PollMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<IHiddenComments, SqliteHiddenComments>();
        return services;
    }
}

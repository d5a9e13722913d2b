using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls;

public static class PollsServices
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        foreach (var migration in PollMigrations.All)
        {
            services.AddSingleton(migration);
        }
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
            sp.GetRequiredService<TimeProvider>(),
            typeof(PollsServices).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
        services.AddSingleton<PollCardFactory>();
        services.AddSingleton<PollDelivery>();
        services.AddSingleton<IPollDelivery>(sp => sp.GetRequiredService<PollDelivery>());
        services.AddSingleton<IPollClosedListener>(sp => sp.GetRequiredService<PollDelivery>());
        services.AddSingleton<IBroadcastContent, PollBroadcastContent>();
        services.AddBotRoutes(PollBotHandlers.Register);
        services.AddSingleton<PollDeadlineWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PollDeadlineWorker>());
        services.AddPollsTab();
        return services;
    }
}

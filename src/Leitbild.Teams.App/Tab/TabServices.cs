using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Tab.Api;
using Leitbild.Teams.App.Tab.Auth;

namespace Leitbild.Teams.App.Tab;

/// <summary>The tab: pages under /tab, its API under /api/tab and /api/me, sign-in, and the vendored browser libraries.</summary>
public static class TabServices
{
    public static IServiceCollection AddTab(this IServiceCollection services)
    {
        services.AddTabAuthentication();
        services.AddSingleton<PhaseScheduleEditor>();
        return services;
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        // wwwroot: the tab's scripts and styles (/tab/js, /tab/css) and the vendored libraries (/lib).
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });

        // The raw setting, not the validated options: in Microsoft 365 mode with bad settings, validation must fail in
        // StartupErrors (one readable list), not here. Only an explicit or default local mode maps the dev sign-in.
        var mode = app.Configuration[$"{LeitbildOptions.Section}:{nameof(LeitbildOptions.Mode)}"];
        var local = string.IsNullOrEmpty(mode) || mode.Equals(nameof(AppMode.Local), StringComparison.OrdinalIgnoreCase);

        app.MapTabPages(withDevSignIn: local);
        app.MapGroup("api/me").RequireAuthorization(TabPolicies.Staff).MapMe();

        // Everything under /api/tab needs a signed-in person unless it says otherwise (texts, dev sign-in);
        // the groups inside add the stricter policies.
        var tabApi = app.MapGroup("api/tab").RequireAuthorization(TabPolicies.Staff);
        tabApi.MapTabTexts();
        tabApi.MapMeinLeitbild();
        tabApi.MapGroup("dashboard").RequireAuthorization(TabPolicies.Reviewer).MapDashboard();
        tabApi.MapProcessTimeline();
        tabApi.MapGroup("process/phases").RequireAuthorization(TabPolicies.Organizer).MapPhaseEdits();
        if (local)
        {
            tabApi.MapDevSignIn();
        }
        return app;
    }
}

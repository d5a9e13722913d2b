using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.StaffDirectory;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Health;
using Leitbild.Teams.App.Legal;
using Leitbild.Teams.App.Polls;
using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.StartPage;
using Leitbild.Teams.App.Tab;

namespace Leitbild.Teams.App.Hosting;

public static class LeitbildEndpoints
{
    public static WebApplication MapLeitbild(this WebApplication app)
    {
        // Refusals first (Host, Origin, JSON, rate and size limits): a refused request did nothing, so nothing is audited.
        app.UseRequestChecks();
        // Before the endpoints run, so every organizer action is recorded by one middleware (Privacy/AuditTrail.cs).
        app.UseAuditTrail();
        app.MapHealth();
        app.MapStartPage();
        app.MapProcess();
        app.MapDirectory();
        app.MapLegal();
        app.MapResults();
        app.MapScheduling();
        app.MapTab();
        app.MapPolls();
        app.MapBot();
        app.MapEvaluation();
        app.MapPrivacy();
        return app;
    }
}

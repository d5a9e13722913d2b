using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Health;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.StartPage;

namespace Leitbild.Teams.App.Hosting;

public static class LeitbildEndpoints
{
    public static WebApplication MapLeitbild(this WebApplication app)
    {
        app.MapHealth();
        app.MapStartPage();
        app.MapProcess();
        app.MapBot();
        return app;
    }
}

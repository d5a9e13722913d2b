using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.GraphSimulator;

/// <summary>
/// A part of Microsoft Graph the simulator serves (SharePoint lists, calendars, places, ...).
/// Each feature maps its routes under /v1.0 and keeps its own state.
/// </summary>
public interface ISimulatorFeature
{
    void Map(IEndpointRouteBuilder v1);
}

/// <summary>A feature that also serves routes outside /v1.0 (SharePoint's own REST API under /sites/{path}/_api).</summary>
public interface ISimulatorRootFeature
{
    void MapRoot(IEndpointRouteBuilder root);
}

/// <summary>
/// An in-process Microsoft Graph simulator on 127.0.0.1 (random port) for tests and benchmarks.
/// Request and response shapes follow the Graph documentation; each feature cites its pages.
/// Faults (429, 503, slow answers, dropped connections) are injected through <see cref="Faults"/>.
/// </summary>
public sealed class GraphSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphSimulatorHost(WebApplication app, FaultInjector faults, RequestLog log)
    {
        _app = app;
        Faults = faults;
        Requests = log;
    }

    /// <summary>Base address including the version segment, e.g. http://127.0.0.1:40123/v1.0/ (as GraphServiceClient expects).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GraphSimulatorHost> StartAsync(params ISimulatorFeature[] features)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var faults = new FaultInjector();
        var log = new RequestLog();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            log.Add(context.Request);
            if (await faults.TryFailAsync(context))
            {
                return;
            }
            await next(context);
        });
        var v1 = app.MapGroup("/v1.0");
        foreach (var feature in features)
        {
            feature.Map(v1);
            (feature as ISimulatorRootFeature)?.MapRoot(app);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var host = new GraphSimulatorHost(app, faults, log) { BaseUrl = new Uri(address.TrimEnd('/') + "/v1.0/") };
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Every request the simulator saw: method, path and query, and the headers tests assert on.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> All => _requests.ToArray();

    public int Count => _requests.Count;

    public void Clear() => _requests.Clear();

    internal void Add(HttpRequest request) => _requests.Enqueue(new RecordedRequest(
        request.Method,
        request.Path + request.QueryString,
        request.Headers.UserAgent.ToString(),
        request.Headers["Prefer"].ToString(),
        request.Headers.Authorization.ToString()));
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string UserAgent, string Prefer, string Authorization);

using System.Net;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.Bot.Hosting;

/// <summary>
/// The connection's peer as the socket saw it, recorded before anything rewrites <c>RemoteIpAddress</c>: with
/// forwarded headers on (App Service, <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) the framework takes the address from
/// <c>X-Forwarded-For</c>, which any caller can write. <paramref name="Forwarded"/> says whether the request named a
/// client behind a proxy at all.
/// </summary>
public sealed record SocketPeer(IPAddress? Address, bool Forwarded);

/// <summary>The loopback rule of local mode (unauthenticated bot activities, the development sign-in).</summary>
public static class ThisMachine
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    /// <summary>Records the peer; the host calls it first in the pipeline, before forwarded headers are applied.</summary>
    public static void Record(HttpContext context) =>
        context.Features.Set(new SocketPeer(context.Connection.RemoteIpAddress, ForwardingHeaders.Any(h => context.Request.Headers.ContainsKey(h))));

    /// <summary>
    /// True when the caller is on this machine: the socket's peer is a loopback address (none at all means an
    /// in-process host or a Unix socket) and the request does not say it was forwarded for someone else — a proxy on
    /// this machine relays other machines' requests. Never decided by a header that claims loopback.
    /// </summary>
    public static bool IsCaller(HttpContext context)
    {
        var peer = context.Features.Get<SocketPeer>()
            ?? new SocketPeer(context.Connection.RemoteIpAddress, ForwardingHeaders.Any(h => context.Request.Headers.ContainsKey(h)));
        return !peer.Forwarded && (peer.Address is null || IPAddress.IsLoopback(peer.Address));
    }
}

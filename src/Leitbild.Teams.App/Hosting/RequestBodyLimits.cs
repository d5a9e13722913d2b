using Leitbild.Teams.App.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

/// <summary>Endpoint metadata: this route takes a larger body than the APIs' default (poll drafts, the bot).</summary>
public sealed record RequestBodyLimit(Func<LeitbildOptions, long> Bytes);

/// <summary>
/// Every endpoint takes at most <see cref="RequestLimitsOptions.ApiMaxRequestBytes"/> unless it says otherwise with
/// <see cref="WithRequestBodyLimit"/>; Kestrel's own default (30 MB) is far above anything the app needs. A declared
/// length over the limit is refused before the body is read; a chunked body is cut off by the server's size feature.
/// Either way the caller gets 413 with problem details.
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next, IOptions<LeitbildOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }
        var limit = endpoint.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes(options.Value) ?? options.Value.Limits.ApiMaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, limit);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await WriteTooLargeAsync(context, limit);
            return;
        }
        // Minimal APIs answer a body cut off while binding with a bare 413; give it the same words.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            await WriteTooLargeAsync(context, limit);
        }
    }

    private static Task WriteTooLargeAsync(HttpContext context, long limit) =>
        RequestProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "problem.request.tooLargeTitle", "problem.request.tooLarge", limit);
}

public static class RequestBodyLimitExtensions
{
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, Func<LeitbildOptions, long> bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(bytes));
}

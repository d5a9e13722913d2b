using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.GraphSimulator;

/// <summary>
/// Graph's error body: {"error":{"code","message","innerError":{...}}}.
/// https://learn.microsoft.com/en-us/graph/errors
/// </summary>
public static class GraphErrors
{
    public static object Body(string code, string message) => new
    {
        error = new
        {
            code,
            message,
            innerError = new { date = "2026-01-01T00:00:00", requestId = Guid.NewGuid().ToString(), clientRequestId = Guid.NewGuid().ToString() },
        },
    };

    public static async Task WriteAsync(HttpContext context, string code, string message)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, Body(code, message));
    }

    public static IResult Result(int status, string code, string message) => Results.Json(Body(code, message), statusCode: status);
}

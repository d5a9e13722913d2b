using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>
/// POST /$batch (JSON batching, https://learn.microsoft.com/graph/json-batching): at most 20 requests, each answered
/// with its own status inside a 200 response; a malformed batch is 400; a step whose dependsOn failed is 424; a step
/// can be throttled on its own (429 with Retry-After) while the batch succeeds.
/// </summary>
public sealed partial class ListsFeature
{
    public const int MaxBatchSteps = 20;

    private async Task HandleBatchAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        await WriteAsync(context, request is null
            ? SimResult.Error(400, "BadRequest", "Invalid JSON in the request body.")
            : Batch(request));
    }

    private SimResult Batch(SimRequest batch)
    {
        if (batch.Body?["requests"] is not JsonArray requests || requests.Count == 0)
        {
            return SimResult.Error(400, "BadRequest", "Invalid batch payload format: a non-empty 'requests' array is required.");
        }
        if (requests.Count > MaxBatchSteps)
        {
            return SimResult.Error(400, "BadRequest", $"Invalid batch payload format: the number of requests exceeds the limit of {MaxBatchSteps}.");
        }
        var steps = requests.OfType<JsonObject>().ToList();
        var ids = steps.Select(s => s["id"]?.GetValue<string>()).ToList();
        if (ids.Count != requests.Count || ids.Any(string.IsNullOrEmpty) || ids.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Count)
        {
            return SimResult.Error(400, "BadRequest", "Invalid batch payload format: every request needs a unique id.");
        }
        var statusById = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var responses = new JsonArray();
        foreach (var step in steps)
        {
            var id = step["id"]!.GetValue<string>();
            var result = RunStep(step, batch.BaseUrl, statusById);
            statusById[id] = result.Status;
            var headers = new JsonObject { ["Content-Type"] = "application/json" };
            foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
            {
                headers[name] = value;
            }
            var response = new JsonObject { ["id"] = id, ["status"] = result.Status, ["headers"] = headers };
            if (result.Body is not null)
            {
                response["body"] = result.Body;
            }
            responses.Add(response);
        }
        return SimResult.Json(200, new JsonObject { ["responses"] = responses });
    }

    private SimResult RunStep(JsonObject step, string baseUrl, Dictionary<string, int> statusById)
    {
        var method = step["method"]?.GetValue<string>();
        var url = step["url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(url))
        {
            return SimResult.Error(400, "BadRequest", "A batch request needs a method and a url.");
        }
        var dependsOn = (step["dependsOn"] as JsonArray ?? []).Select(d => d?.GetValue<string>() ?? "").ToList();
        if (dependsOn.Any(d => !statusById.TryGetValue(d, out var status) || status >= 400))
        {
            return SimResult.Error(424, "FailedDependency", "A request this one depends on failed.");
        }
        if (BatchStepFaults?.NextForBatchStep(url) is { } fault)
        {
            var retryAfter = BatchStepFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var throttled = fault == FaultKind.ServiceUnavailable
                ? SimResult.Error(503, "serviceNotAvailable", "The service is temporarily unavailable.")
                : SimResult.Error(429, "TooManyRequests", "Too many requests.");
            return throttled with { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } };
        }
        var headers = (step["headers"] as JsonObject ?? [])
            .ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase);
        var body = step["body"];
        if (body is JsonValue encoded && encoded.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            // A body may also be sent base64-encoded.
            body = JsonNode.Parse(Convert.FromBase64String(encoded.GetValue<string>()));
        }
        var relative = url.StartsWith('/') ? url : "/" + url;
        var queryAt = relative.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? relative : relative[..queryAt];
        var query = queryAt < 0 ? "" : relative[queryAt..];
        return Dispatch(new SimRequest(method, path, SimRequest.ParseQuery(query), headers, body?.DeepClone(), baseUrl));
    }
}

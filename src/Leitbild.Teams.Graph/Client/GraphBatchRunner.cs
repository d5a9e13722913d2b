using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace Leitbild.Teams.Graph.Client;

/// <summary>
/// One request inside a $batch, with our own id to find its answer. Built afresh for every send, because sending
/// consumes a request's body stream.
/// </summary>
internal sealed record BatchStep(string Id, Func<RequestInformation> Build)
{
    public Method Method { get; } = Build().HttpMethod;
}

/// <summary>The answer to one step. Status 0: the batch itself failed in transit, so whether the step ran is unknown.</summary>
internal sealed record BatchStepResult(int Status, JsonElement? Body, TimeSpan? RetryAfter, string? Failure = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string Describe() => Status == 0 ? $"no answer from Graph ({Failure})"
        : Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error)
            ? $"{Status} {Text(error, "code")}: {Text(error, "message")}"
            : Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

/// <summary>
/// Sends steps as JSON batches of at most 20 (https://learn.microsoft.com/graph/json-batching). A batch answers 200
/// while single steps fail or are throttled on their own; throttled steps (429, and 503 where repeating is harmless)
/// go again in a later round after the longest wait any of them asked for.
/// </summary>
internal sealed partial class GraphBatchRunner(GraphServiceClient client, TimeProvider time, ILogger logger, int maxRounds, TimeSpan maxDelay, int parallelBatches)
{
    public const int MaxStepsPerBatch = 20;

    public async Task<Dictionary<string, BatchStepResult>> RunAsync(IReadOnlyList<BatchStep> steps, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        var pending = steps.ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            var again = new List<BatchStep>();
            var wait = TimeSpan.Zero;
            // A few batches in flight at once hide Graph's latency; SharePoint meters resource units, not connections.
            var chunks = pending.Chunk(MaxStepsPerBatch).ToList();
            var answers = new Dictionary<string, BatchStepResult>[chunks.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelBatches, CancellationToken = cancellationToken },
                async (i, token) => answers[i] = await SendAsync(chunks[i], token));
            for (var c = 0; c < chunks.Count; c++)
            {
                var chunk = chunks[c];
                var answered = answers[c];
                foreach (var step in chunk)
                {
                    var result = answered[step.Id];
                    if (round < maxRounds && IsRepeatable(step, result.Status))
                    {
                        again.Add(step);
                        var asked = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, round - 1));
                        wait = asked > wait ? asked : wait;
                    }
                    else
                    {
                        results[step.Id] = result;
                    }
                }
            }
            if (again.Count == 0)
            {
                break;
            }
            wait = wait > maxDelay ? maxDelay : wait;
            LogStepsThrottled(logger, again.Count, wait.TotalMilliseconds, round);
            await Task.Delay(wait, time, cancellationToken);
            pending = again;
        }
        return results;
    }

    /// <summary>429: the step was not run. 503: may have run, so only steps that are safe to repeat go again.</summary>
    private static bool IsRepeatable(BatchStep step, int status) =>
        status == (int)HttpStatusCode.TooManyRequests
        || (status == (int)HttpStatusCode.ServiceUnavailable && step.Method != Method.POST);

    private async Task<Dictionary<string, BatchStepResult>> SendAsync(BatchStep[] chunk, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        try
        {
            var content = new BatchRequestContentCollection(client, MaxStepsPerBatch);
            foreach (var step in chunk)
            {
                await content.AddBatchRequestStepAsync(step.Build(), step.Id);
            }
            var response = await client.Batch.PostAsync(content, cancellationToken);
            var statuses = await response.GetResponsesStatusCodesAsync();
            foreach (var step in chunk)
            {
                if (!statuses.TryGetValue(step.Id, out var status))
                {
                    results[step.Id] = new BatchStepResult(0, null, null);
                    continue;
                }
                using var message = await response.GetResponseByIdAsync(step.Id);
                JsonElement? body = null;
                var text = message.Content is null ? "" : await message.Content.ReadAsStringAsync(cancellationToken);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    using var document = JsonDocument.Parse(text);
                    body = document.RootElement.Clone();
                }
                results[step.Id] = new BatchStepResult((int)status, body, ThrottleDelay.FromHeaders(message.Headers, time.GetUtcNow()));
            }
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or IOException or JsonException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The batch as a whole failed (throttled past our patience, timed out, connection dropped): its steps may or may not have run.
            LogBatchFailed(logger, e.GetType().Name, chunk.Length);
            var retryAfter = e is ApiException { ResponseStatusCode: 429 or 503 } ? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
            foreach (var step in chunk)
            {
                results[step.Id] = new BatchStepResult(0, null, retryAfter, $"{e.GetType().Name}: {e.Message}");
            }
        }
        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} batch steps throttled; repeating them in {DelayMs} ms (round {Round})")]
    private static partial void LogStepsThrottled(ILogger logger, int count, double delayMs, int round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A $batch of {Count} steps failed as a whole ({Error}); outcome unknown")]
    private static partial void LogBatchFailed(ILogger logger, string error, int count);
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Leitbild.Teams.Graph.SharePoint;

public sealed record SharePointResultsOptions
{
    /// <summary>Composite site id (hostname,siteCollectionId,webId).</summary>
    public required string SiteId { get; init; }
    public int ReadPageSize { get; init; } = 500;
    public int MaxBatchRounds { get; init; } = 4;
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>$batch requests in flight at once.</summary>
    public int ParallelBatches { get; init; } = 4;
}

/// <summary>
/// The results store on SharePoint: one item per answer in "Leitbild – Rückmeldungen" (upsert by the indexed key
/// column), one item per goal in "Leitbild – Zielbewertung" and one per goal and office in "Leitbild – Zielbewertung nach
/// Amt". Items carry names beside their codes (<see cref="IResultsLabelSource"/>). Writes go as $batch steps; a PATCH
/// carries the item's eTag in If-Match, and a 412 means someone else changed it: we read it again and repeat.
/// </summary>
public sealed partial class SharePointResultsStore : IResultsStore, IResultsListLinks
{
    private const int MaxConflictPasses = 3;
    private readonly GraphServiceClient _client;
    private readonly SharePointResultsOptions _options;
    private readonly TimeProvider _time;
    private readonly SummaryRulesSource _summaryRules;
    private readonly ILogger<SharePointResultsStore> _logger;
    private readonly GraphBatchRunner _batch;
    private readonly IResultsLabelSource _labels;
    private readonly ConcurrentDictionary<string, KnownItem> _known = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _listsGate = new(1, 1);
    private string? _answersListId;
    private string? _summariesListId;
    private string? _officeSummariesListId;
    private ResultsListAddresses? _addresses;

    public SharePointResultsStore(GraphServiceClient client, SharePointResultsOptions options, IResultsLabelSource labels, SummaryRulesSource summaryRules,
        TimeProvider time, ILogger<SharePointResultsStore> logger)
    {
        _summaryRules = summaryRules;
        _client = client;
        _labels = labels;
        _options = options;
        _time = time;
        _logger = logger;
        _batch = new GraphBatchRunner(client, time, logger, options.MaxBatchRounds, options.MaxRetryDelay, options.ParallelBatches);
    }

    /// <summary>An item this process has seen: its id, the eTag to send in If-Match, and the answer it holds.</summary>
    private sealed record KnownItem(string ItemId, string ETag, Answer? Answer);

    public async Task<AnswerWriteResult> UpsertAsync(Answer answer, CancellationToken cancellationToken) =>
        (await UpsertManyAsync([new AnswerWrite(answer, MayExist: true)], cancellationToken))[0];

    public async Task<IReadOnlyList<AnswerWriteResult>> UpsertManyAsync(IReadOnlyList<AnswerWrite> writes, CancellationToken cancellationToken)
    {
        var answers = writes.Select(w => w.Answer.Normalized()).ToArray();
        if (answers.Select(a => a.Key).Distinct(StringComparer.Ordinal).Count() != answers.Length)
        {
            throw new ArgumentException("Each key may appear once per call.", nameof(writes));
        }
        var listId = (await EnsureListsAsync(cancellationToken)).Answers;
        var results = new AnswerWriteResult?[answers.Length];

        // Only keys an earlier attempt may have stored need a read first; new answers are created straight away.
        var unknown = Enumerable.Range(0, answers.Length).Where(i => writes[i].MayExist && !_known.ContainsKey(answers[i].Key)).ToList();
        await LookUpAsync(listId, unknown, answers, results, cancellationToken);

        var pending = Enumerable.Range(0, answers.Length).Where(i => results[i] is null).ToList();
        var labels = pending.Count == 0 ? ResultsLabels.None : await _labels.GetAsync(pending.Select(i => answers[i]).ToList(), cancellationToken);
        for (var pass = 1; pending.Count > 0 && pass <= MaxConflictPasses; pass++)
        {
            var steps = new List<(int Index, BatchStep Step, KnownItem? Known)>();
            foreach (var i in pending)
            {
                var answer = answers[i];
                if (_known.TryGetValue(answer.Key, out var known))
                {
                    if (known.Answer == answer)
                    {
                        results[i] = AnswerWriteResult.Stored(answer.Key);
                        continue;
                    }
                    steps.Add((i, new BatchStep(Guid.NewGuid().ToString("N"), () => PatchRequest(listId, known, answer, labels)), known));
                }
                else
                {
                    steps.Add((i, new BatchStep(Guid.NewGuid().ToString("N"), () => CreateRequest(listId, answer, labels)), null));
                }
            }
            var outcomes = await _batch.RunAsync(steps.Select(s => s.Step).ToList(), cancellationToken);
            var reread = new List<int>();
            foreach (var (i, step, known) in steps)
            {
                var outcome = outcomes[step.Id];
                var key = answers[i].Key;
                switch (outcome.Status)
                {
                    case 201 when known is null && ItemOf(outcome.Body) is { } created:
                        _known[key] = created with { Answer = answers[i] };
                        results[i] = AnswerWriteResult.Stored(key);
                        break;
                    case 200 when known is not null && outcome.Body is { } fields && fields.TryGetProperty("@odata.etag", out var etag):
                        _known[key] = known with { ETag = etag.GetString() ?? known.ETag, Answer = answers[i] };
                        results[i] = AnswerWriteResult.Stored(key);
                        break;
                    case 412 or 404 when known is not null:
                        // Changed (or deleted) by someone else since we read it: read again, then PATCH or create.
                        _known.TryRemove(key, out _);
                        reread.Add(i);
                        break;
                    case 0 or 429 or >= 500:
                        results[i] = new AnswerWriteResult(key, AnswerWriteStatus.RetryLater, outcome.Describe(), outcome.RetryAfter);
                        break;
                    case >= 400:
                        results[i] = new AnswerWriteResult(key, AnswerWriteStatus.Rejected, outcome.Describe());
                        break;
                    default:
                        results[i] = new AnswerWriteResult(key, AnswerWriteStatus.RetryLater, $"unexpected answer {outcome.Describe()}");
                        break;
                }
            }
            await LookUpAsync(listId, reread, answers, results, cancellationToken);
            pending = reread.Where(i => results[i] is null).ToList();
        }
        return answers.Select((a, i) => results[i] ?? new AnswerWriteResult(a.Key, AnswerWriteStatus.RetryLater, "still conflicting after re-reading")).ToList();
    }

    public async Task<AnswerPage> ReadAnswersAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        query.ThrowIfInvalid();
        var listId = (await EnsureListsAsync(cancellationToken)).Answers;
        var items = query.ContinuationToken is { } next
            ? _client.Sites[_options.SiteId].Lists[listId].Items.WithUrl(next)
            : _client.Sites[_options.SiteId].Lists[listId].Items;
        // One indexed column per query, as the list view threshold demands; the rest of the filter applies here.
        var page = await items.GetAsync(request =>
        {
            if (query.ContinuationToken is null)
            {
                request.QueryParameters.Filter = query switch
                {
                    { PollId: { } poll } => $"fields/PollId eq '{Escape(poll)}'",
                    { GoalId: { } goal } => $"fields/GoalId eq '{Escape(goal)}'",
                    _ => $"fields/Department eq '{Escape(query.DepartmentId!)}'",
                };
                request.QueryParameters.Expand = ["fields"];
                request.QueryParameters.Top = query.PageSize;
            }
        }, cancellationToken);
        var answers = (page?.Value ?? [])
            .Select(item => AnswerFields.FromFields(Fields(item)))
            .OfType<Answer>()
            .Where(query.Matches)
            .ToList();
        return new AnswerPage(answers, page?.OdataNextLink);
    }

    public async Task<GoalSummary> ReadGoalSummaryAsync(string goalId, CancellationToken cancellationToken)
    {
        var answers = new List<Answer>();
        string? token = null;
        do
        {
            var page = await ReadAnswersAsync(new AnswerQuery { GoalId = goalId, PageSize = _options.ReadPageSize, ContinuationToken = token }, cancellationToken);
            answers.AddRange(page.Answers);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return GoalSummaryCalculator.Compute(goalId, answers, await _summaryRules.CurrentAsync(cancellationToken));
    }

    /// <summary>
    /// One goal after the other, each paged by its indexed GoalId column (one query per indexed column keeps every read
    /// under the 5,000-item list view threshold).
    /// </summary>
    public async Task<IReadOnlyList<GoalSummary>> ReadGoalSummariesAsync(IReadOnlyList<string> goalIds, CancellationToken cancellationToken)
    {
        var summaries = new List<GoalSummary>(goalIds.Count);
        foreach (var goalId in goalIds)
        {
            summaries.Add(await ReadGoalSummaryAsync(goalId, cancellationToken));
        }
        return summaries;
    }

    /// <summary>
    /// Recomputes the summary items of these goals from the answers list: the first page of every goal and the
    /// summary list itself are read in one $batch, further pages follow @odata.nextLink; only changed items are written.
    /// </summary>
    public async Task RefreshSummariesAsync(IReadOnlyCollection<string> goalIds, CancellationToken cancellationToken)
    {
        if (goalIds.Count == 0)
        {
            return;
        }
        var lists = await EnsureListsAsync(cancellationToken);
        var goals = goalIds.Distinct(StringComparer.Ordinal).ToList();
        var steps = goals.Select((goal, i) => new BatchStep($"goal{i}", () => _client.Sites[_options.SiteId].Lists[lists.Answers].Items.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = $"fields/GoalId eq '{Escape(goal)}'";
            r.QueryParameters.Expand = ["fields"];
            r.QueryParameters.Top = _options.ReadPageSize;
        }))).ToList();
        steps.Add(new BatchStep("summaries", () => AllItemsRequest(lists.Summaries)));
        steps.Add(new BatchStep("offices", () => AllItemsRequest(lists.OfficeSummaries)));
        var outcomes = await _batch.RunAsync(steps, cancellationToken);
        if (outcomes.Values.FirstOrDefault(o => o.Status != 200) is { } failed)
        {
            throw new GoalSummaryRefreshException($"Reading answers for the summary failed: {failed.Describe()}");
        }
        var existing = new Dictionary<string, (string Id, Dictionary<string, object?> Fields)>(StringComparer.Ordinal);
        foreach (var item in PageItems(outcomes["summaries"].Body))
        {
            if (FieldValues.Text(item.Fields, "GoalId") is { } goal)
            {
                existing[goal] = (item.Id, item.Fields);
            }
        }
        var existingOffices = new Dictionary<string, (string Id, Dictionary<string, object?> Fields)>(StringComparer.Ordinal);
        foreach (var item in PageItems(outcomes["offices"].Body))
        {
            if (FieldValues.Text(item.Fields, "RowKey") is { } rowKey)
            {
                existingOffices[rowKey] = (item.Id, item.Fields);
            }
        }
        var labels = await _labels.GetAsync([], cancellationToken);
        // Department heads read these lists: they follow the same minimum group size and moderation as the tab.
        var rules = await _summaryRules.CurrentAsync(cancellationToken);
        var writes = new List<BatchStep>();
        for (var i = 0; i < goals.Count; i++)
        {
            var answers = await AllPagesAsync(lists.Answers, outcomes[$"goal{i}"].Body, cancellationToken);
            var summary = GoalSummaryCalculator.Compute(goals[i], answers, rules);
            var wanted = SummaryFields.ToFields(summary, labels);
            existing.TryGetValue(goals[i], out var stored);
            AddWriteIfChanged(writes, $"write{i}", lists.Summaries, stored.Id, stored.Fields, wanted);
            var shown = summary.Departments.ToDictionary(d => OfficeSummaryFields.RowKey(summary.GoalId, d.DepartmentId), StringComparer.Ordinal);
            foreach (var office in summary.Departments)
            {
                var rowKey = OfficeSummaryFields.RowKey(summary.GoalId, office.DepartmentId);
                existingOffices.TryGetValue(rowKey, out var row);
                AddWriteIfChanged(writes, $"office{i}:{office.DepartmentId}", lists.OfficeSummaries, row.Id, row.Fields, OfficeSummaryFields.Shown(summary, office, labels));
            }
            // Rows of offices the rule no longer shows keep their place and lose their numbers.
            foreach (var (rowKey, row) in existingOffices.Where(r => FieldValues.Text(r.Value.Fields, "GoalId") == summary.GoalId && !shown.ContainsKey(r.Key)))
            {
                var officeId = FieldValues.Text(row.Fields, "Department") ?? "";
                AddWriteIfChanged(writes, $"office{i}:{officeId}", lists.OfficeSummaries, row.Id, row.Fields, OfficeSummaryFields.Withheld(summary, officeId, labels));
            }
        }
        var written = await _batch.RunAsync(writes, cancellationToken);
        if (written.Values.FirstOrDefault(o => !o.IsSuccess) is { } refused)
        {
            throw new GoalSummaryRefreshException($"Writing a goal summary failed: {refused.Describe()}");
        }
        LogSummariesRefreshed(_logger, goals.Count, writes.Count);
    }

    /// <summary>
    /// The lists' addresses as Graph reports them (webUrl). Each opens the list's default view, which provisioning sets
    /// (answers by poll, summaries by field of action, office summaries by office), so a link lands on the report.
    /// </summary>
    public async Task<ResultsListAddresses> GetListAddressesAsync(CancellationToken cancellationToken)
    {
        if (_addresses is { } known)
        {
            return known;
        }
        async Task<string?> WebUrl(string title)
        {
            try
            {
                return (await _client.Sites[_options.SiteId].Lists[title].GetAsync(cancellationToken: cancellationToken))?.WebUrl;
            }
            catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                return null;
            }
        }
        var addresses = new ResultsListAddresses(
            await WebUrl(ResultsLists.OfficeSummariesTitle),
            await WebUrl(ResultsLists.SummariesTitle),
            await WebUrl(ResultsLists.AnswersTitle));
        // A list's address never changes once it exists; keep asking only while one is missing.
        if (addresses is { OfficeSummaries: not null, Summaries: not null, Answers: not null })
        {
            _addresses = addresses;
        }
        return addresses;
    }

    /// <summary>Derived data, recomputed from the answers: the last writer is right, so no If-Match; unchanged rows are not written.</summary>
    private void AddWriteIfChanged(List<BatchStep> writes, string id, string listId, string? storedId, Dictionary<string, object?>? stored, Dictionary<string, object?> wanted)
    {
        if (storedId is not null && stored is not null && SummaryFields.Same(stored, wanted))
        {
            return;
        }
        wanted["UpdatedAt"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var items = _client.Sites[_options.SiteId].Lists[listId].Items;
        // A new row leaves out empty columns (a create needs none); a PATCH sends them as null to clear old numbers.
        var create = wanted.Where(w => w.Value is not null).ToDictionary(StringComparer.Ordinal);
        writes.Add(new BatchStep(id, () => storedId is null
            ? items.ToPostRequestInformation(new ListItem { Fields = new FieldValueSet { AdditionalData = create! } })
            : items[storedId].Fields.ToPatchRequestInformation(new FieldValueSet { AdditionalData = wanted! })));
    }

    private RequestInformation AllItemsRequest(string listId) => _client.Sites[_options.SiteId].Lists[listId].Items.ToGetRequestInformation(r =>
    {
        r.QueryParameters.Expand = ["fields"];
        r.QueryParameters.Top = 5000;
    });

    /// <summary>Resolves the list ids by title once; a missing list means provisioning was not run.</summary>
    private async Task<(string Answers, string Summaries, string OfficeSummaries)> EnsureListsAsync(CancellationToken cancellationToken)
    {
        if (_answersListId is not null && _summariesListId is not null && _officeSummariesListId is not null)
        {
            return (_answersListId, _summariesListId, _officeSummariesListId);
        }
        await _listsGate.WaitAsync(cancellationToken);
        try
        {
            _answersListId ??= await ListIdAsync(ResultsLists.AnswersTitle, cancellationToken);
            _summariesListId ??= await ListIdAsync(ResultsLists.SummariesTitle, cancellationToken);
            _officeSummariesListId ??= await ListIdAsync(ResultsLists.OfficeSummariesTitle, cancellationToken);
            return (_answersListId, _summariesListId, _officeSummariesListId);
        }
        finally
        {
            _listsGate.Release();
        }
    }

    private async Task<string> ListIdAsync(string title, CancellationToken cancellationToken)
    {
        try
        {
            var list = await _client.Sites[_options.SiteId].Lists[title].GetAsync(cancellationToken: cancellationToken);
            return list?.Id ?? throw new ResultsListMissingException(title);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new ResultsListMissingException(title);
        }
    }

    /// <summary>Finds items by the indexed key column, 20 keys per $batch. Failed reads leave the answer to retry later.</summary>
    private async Task LookUpAsync(string listId, List<int> indices, Answer[] answers, AnswerWriteResult?[] results, CancellationToken cancellationToken)
    {
        if (indices.Count == 0)
        {
            return;
        }
        var steps = indices.Select(i => (Index: i, Step: new BatchStep(Guid.NewGuid().ToString("N"),
            () => _client.Sites[_options.SiteId].Lists[listId].Items.ToGetRequestInformation(r =>
            {
                // AnswerKey is indexed, so no "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly" is needed (or wanted).
                r.QueryParameters.Filter = $"fields/AnswerKey eq '{Escape(answers[i].Key)}'";
                r.QueryParameters.Expand = ["fields"];
                r.QueryParameters.Top = 5;
            })))).ToList();
        var outcomes = await _batch.RunAsync(steps.Select(s => s.Step).ToList(), cancellationToken);
        foreach (var (i, step) in steps)
        {
            var outcome = outcomes[step.Id];
            if (outcome.Status != 200)
            {
                results[i] = new AnswerWriteResult(answers[i].Key, AnswerWriteStatus.RetryLater, "lookup: " + outcome.Describe(), outcome.RetryAfter);
                continue;
            }
            var found = PageItems(outcome.Body).OrderBy(item => int.TryParse(item.Id, out var n) ? n : int.MaxValue).ToList();
            if (found.Count > 1)
            {
                LogDuplicateKey(_logger, found.Count);
            }
            if (found.Count > 0)
            {
                var item = found[0];
                _known[answers[i].Key] = new KnownItem(item.Id, item.ETag, AnswerFields.FromFields(item.Fields)?.Normalized());
            }
        }
    }

    private async Task<List<Answer>> AllPagesAsync(string listId, JsonElement? firstPage, CancellationToken cancellationToken)
    {
        var answers = PageItems(firstPage).Select(i => AnswerFields.FromFields(i.Fields)).OfType<Answer>().ToList();
        var next = firstPage is { } body && body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        while (next is not null)
        {
            var page = await _client.Sites[_options.SiteId].Lists[listId].Items.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
            answers.AddRange((page?.Value ?? []).Select(item => AnswerFields.FromFields(Fields(item))).OfType<Answer>());
            next = page?.OdataNextLink;
        }
        return answers;
    }

    private RequestInformation CreateRequest(string listId, Answer answer, ResultsLabels labels) =>
        _client.Sites[_options.SiteId].Lists[listId].Items.ToPostRequestInformation(new ListItem
        {
            Fields = new FieldValueSet { AdditionalData = AnswerFields.ToFields(answer, labels, includeEmpty: false)! },
        });

    private RequestInformation PatchRequest(string listId, KnownItem known, Answer answer, ResultsLabels labels) =>
        _client.Sites[_options.SiteId].Lists[listId].Items[known.ItemId].Fields.ToPatchRequestInformation(
            new FieldValueSet { AdditionalData = AnswerFields.ToFields(answer, labels, includeEmpty: true)! },
            r => r.Headers.Add("If-Match", known.ETag));

    private static KnownItem? ItemOf(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("id", out var id) && item.TryGetProperty("eTag", out var etag)
            ? new KnownItem(id.GetString()!, etag.GetString()!, null)
            : null;

    private static IEnumerable<(string Id, string ETag, Dictionary<string, object?> Fields)> PageItems(JsonElement? page)
    {
        if (page is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("value", out var value))
        {
            yield break;
        }
        foreach (var item in value.EnumerateArray())
        {
            var fields = item.TryGetProperty("fields", out var f) ? FieldValues.FromJson(f) : [];
            yield return (item.GetProperty("id").GetString()!, item.TryGetProperty("eTag", out var e) ? e.GetString() ?? "" : "", fields);
        }
    }

    private static Dictionary<string, object?> Fields(ListItem item) =>
        new(item.Fields?.AdditionalData ?? new Dictionary<string, object>(), StringComparer.Ordinal);

    /// <summary>OData string literals double a single quote.</summary>
    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} items share one answer key; the oldest is kept up to date")]
    private static partial void LogDuplicateKey(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Goal summaries refreshed: {GoalCount} goals, {WriteCount} items written")]
    private static partial void LogSummariesRefreshed(ILogger logger, int goalCount, int writeCount);
}

/// <summary>The lists' web addresses (null where a list is missing), for links from the tab.</summary>
public sealed record ResultsListAddresses(string? OfficeSummaries, string? Summaries, string? Answers);

/// <summary>A results store whose lists people can open in a browser (SharePoint).</summary>
public interface IResultsListLinks
{
    Task<ResultsListAddresses> GetListAddressesAsync(CancellationToken cancellationToken);
}

/// <summary>The results lists are not there: run provision-sharepoint first.</summary>
public sealed class ResultsListMissingException(string title)
    : InvalidOperationException($"Die SharePoint-Liste „{title}“ fehlt – bitte zuerst provision-sharepoint ausführen / the SharePoint list '{title}' is missing; run provision-sharepoint first.");

public sealed class GoalSummaryRefreshException(string message) : Exception(message);

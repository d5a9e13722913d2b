using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>Erasure and retention on the answers list: named answers go, anonymous ones stay.</summary>
public sealed partial class SharePointResultsStore
{
    /// <summary>
    /// One person's answers are found by the indexed RespondentKey column (a filter on an unindexed column fails past
    /// the list view threshold); retention pages through the whole list unfiltered, which the threshold allows. Each item
    /// is deleted as a $batch step, DELETE /sites/{site-id}/lists/{list-id}/items/{item-id} answering 204
    /// (https://learn.microsoft.com/graph/api/listitem-delete). A 404 means an earlier, interrupted run already deleted it,
    /// so a retry ends where the first run would have.
    /// </summary>
    public async Task<int> DeleteNamedAnswersAsync(string? respondentKey, CancellationToken cancellationToken)
    {
        var person = NamedAnswers.PersonOrAll(respondentKey);
        try
        {
            return await DeleteAsync(person, cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException or GoalSummaryRefreshException)
        {
            // SharePoint is throttling or down: the caller learns it is unavailable for now, and running again finishes it.
            throw Core.Problems.ProblemException.Unavailable("results", "privacy.erase.sharePointUnavailable");
        }
    }

    private async Task<int> DeleteAsync(string? person, CancellationToken cancellationToken)
    {
        var listId = (await EnsureListsAsync(cancellationToken)).Answers;
        var found = await FindNamedItemsAsync(listId, person, cancellationToken);
        if (found.Count == 0)
        {
            return 0;
        }
        var steps = found.Select((item, i) => new BatchStep($"delete{i}",
            () => _client.Sites[_options.SiteId].Lists[listId].Items[item.Id].ToDeleteRequestInformation())).ToList();
        var outcomes = await _batch.RunAsync(steps, cancellationToken);
        var deleted = 0;
        var failed = 0;
        for (var i = 0; i < found.Count; i++)
        {
            switch (outcomes[steps[i].Id].Status)
            {
                case 204:
                    deleted++;
                    _known.TryRemove(found[i].AnswerKey, out _);
                    break;
                case 404:
                    _known.TryRemove(found[i].AnswerKey, out _);
                    break;
                default:
                    failed++;
                    break;
            }
        }
        // Counts follow what is gone, also when some deletes must be tried again.
        await RefreshSummariesAsync(found.Select(f => f.GoalId).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        LogNamedAnswersDeleted(_logger, deleted, failed);
        if (failed > 0)
        {
            throw Core.Problems.ProblemException.Unavailable("results", "privacy.erase.incomplete", failed);
        }
        return deleted;
    }

    private async Task<List<(string Id, string AnswerKey, string GoalId)>> FindNamedItemsAsync(string listId, string? person, CancellationToken cancellationToken)
    {
        var items = _client.Sites[_options.SiteId].Lists[listId].Items;
        var page = await items.GetAsync(request =>
        {
            if (person is not null)
            {
                request.QueryParameters.Filter = $"fields/RespondentKey eq '{Escape(person)}'";
            }
            request.QueryParameters.Expand = ["fields($select=AnswerKey,GoalId,RespondentKey)"];
            request.QueryParameters.Top = _options.ReadPageSize;
        }, cancellationToken);
        var found = new List<(string, string, string)>();
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                var fields = Fields(item);
                // The filter narrows the search; this check decides, so an anonymous answer is never deleted.
                if (item.Id is { } id && NamedAnswers.Covers(FieldValues.Text(fields, "RespondentKey"), person))
                {
                    found.Add((id, FieldValues.Text(fields, "AnswerKey") ?? "", FieldValues.Text(fields, "GoalId") ?? ""));
                }
            }
            page = page.OdataNextLink is { } next ? await items.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
        }
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Named answers deleted from SharePoint: {Deleted}, {Failed} to try again")]
    private static partial void LogNamedAnswersDeleted(ILogger logger, int deleted, int failed);
}

using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

internal static class AnswerReader
{
    // Every answer matching the query, following continuation tokens to the end.
    public static async Task<IReadOnlyList<Answer>> ReadAllAsync(IResultsStore store, AnswerQuery query, CancellationToken cancellationToken)
    {
        var answers = new List<Answer>();
        string? token = null;
        do
        {
            var page = await store.ReadAnswersAsync(query with { PageSize = AnswerQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            answers.AddRange(page.Answers);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return answers;
    }
}

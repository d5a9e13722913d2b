using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// The person behind a turn as services see them (<see cref="Actor"/>): their Entra object id, the roles the directory
/// gives them, guest or not, and the turn's language. Someone the directory does not know acts as staff without roles.
/// </summary>
public sealed class BotActors(IDirectory directory)
{
    public async Task<Actor> ForAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var personId = CardSteps.PersonId(turn);
        return await directory.FindPersonAsync(personId, cancellationToken) is { } person
            ? Actor.For(person, turn.Language)
            : new Actor { PersonId = personId, Language = turn.Language };
    }
}

using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>What an organizer asks when looking for a time outside a campaign or workshop: who, how long, when.</summary>
public sealed record AdHocSlotQuery
{
    /// <summary>Person, office or division ids.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
    public IReadOnlyList<string> Optional { get; init; } = [];
    public bool NeedsRoom { get; init; }
    public int? MinimumCapacity { get; init; }
    public TimeSpan Duration { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset WindowEnd { get; init; }
    public TimeSpan BufferBefore { get; init; }
    public TimeSpan BufferAfter { get; init; }
    public TimeOnly? EarliestTimeOfDay { get; init; }
    public TimeOnly? LatestTimeOfDay { get; init; }
    public double Quorum { get; init; }
    public IReadOnlySet<DayOfWeek> PreferredDays { get; init; } = new HashSet<DayOfWeek>();
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(30);
    public int MaxResults { get; init; } = 10;
}

/// <summary>The slots found, and the people they were found for (so an adapter can name them).</summary>
public sealed record AdHocSlotResult(SlotSearchResult Result, IReadOnlyList<Person> People);

/// <summary>
/// The ad-hoc slot search behind the organizers' "find a time": participants resolved from the directory, rooms from
/// the calendar, the same finder as campaigns and workshops, with its own limits stated here once.
/// </summary>
public sealed class AdHocSlotSearch(ICalendar calendar, IDirectory directory, SlotFinder finder)
{
    /// <summary>Proposals spread over days: at most two on one day.</summary>
    public const int MaxPerDay = 2;

    /// <summary>Free/busy is read for the whole window at once; a longer one is a typo, not a plan.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(366);

    public async Task<AdHocSlotResult> FindAsync(AdHocSlotQuery query, CancellationToken cancellationToken)
    {
        var required = await ParticipantResolver.ResolveAsync(directory, query.Required, "required", cancellationToken);
        var requiredIds = required.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var optional = (await ParticipantResolver.ResolveAsync(directory, query.Optional, "optional", cancellationToken))
            .Where(p => !requiredIds.Contains(p.Id)).ToList();
        var rooms = query.NeedsRoom ? await calendar.ListRoomsAsync(cancellationToken) : [];
        var search = new SlotSearch
        {
            WindowStart = query.WindowStart,
            WindowEnd = query.WindowEnd,
            Duration = query.Duration,
            Required = required.Select(p => p.Email).ToList(),
            Optional = optional.Select(p => p.Email).ToList(),
            Rooms = rooms,
            RoomRequired = query.NeedsRoom,
            MinimumCapacity = query.MinimumCapacity,
            BufferBefore = query.BufferBefore,
            BufferAfter = query.BufferAfter,
            EarliestTimeOfDay = query.EarliestTimeOfDay,
            LatestTimeOfDay = query.LatestTimeOfDay,
            Quorum = query.Quorum,
            PreferredDays = query.PreferredDays,
            Step = query.Step,
            MaxResults = query.MaxResults,
            MaxPerDay = MaxPerDay,
        };
        search.Validate();
        if (query.WindowEnd - query.WindowStart > LongestWindow)
        {
            throw Problems.ProblemException.Invalid("window", "scheduling.window.tooLong");
        }
        var snapshot = await calendar.GetSchedulesAsync(search.Required.Concat(search.Optional).Concat(rooms.Select(r => r.Email)).ToList(),
            search.WindowStart, search.WindowEnd, search.Resolution, cancellationToken);
        return new AdHocSlotResult(finder.Find(search, snapshot), [.. required, .. optional]);
    }
}

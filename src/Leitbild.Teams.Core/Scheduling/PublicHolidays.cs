using System.Collections.Concurrent;
using PublicHoliday;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>Days on which nobody is scheduled.</summary>
public interface IHolidayCalendar
{
    bool IsHoliday(DateOnly date);
}

/// <summary>Public holidays of North Rhine-Westphalia (Bergkamen's state), from the PublicHoliday package, cached per year.</summary>
public sealed class NrwPublicHolidays : IHolidayCalendar
{
    public static NrwPublicHolidays Instance { get; } = new();

    private readonly GermanPublicHoliday _calendar = new() { State = GermanPublicHoliday.States.NW };
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _byYear = new();

    public bool IsHoliday(DateOnly date) =>
        _byYear.GetOrAdd(date.Year, year => _calendar.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet()).Contains(date);
}

/// <summary>No holidays at all (tests, or a template that brings its own).</summary>
public sealed class NoHolidays : IHolidayCalendar
{
    public static NoHolidays Instance { get; } = new();

    public bool IsHoliday(DateOnly date) => false;
}

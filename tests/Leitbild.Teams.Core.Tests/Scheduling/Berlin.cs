using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.Core.Tests.Scheduling;

internal static class Berlin
{
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        BerlinTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    public static DateTime Local(DateTimeOffset instant) => BerlinTime.ToLocal(instant);
}

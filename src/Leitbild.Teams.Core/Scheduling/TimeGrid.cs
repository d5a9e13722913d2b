namespace Leitbild.Teams.Core.Scheduling;

/// <summary>Equal cells of absolute time (UTC) over a window. Berlin's offsets are whole hours, so cells that divide
/// an hour line up with the local clock on both sides of a daylight-saving change.</summary>
internal sealed class TimeGrid
{
    public TimeGrid(DateTimeOffset start, DateTimeOffset end, TimeSpan resolution)
    {
        Resolution = resolution;
        var ticks = resolution.Ticks;
        var utcStart = start.UtcTicks;
        Origin = new DateTimeOffset(utcStart - Mod(utcStart, ticks), TimeSpan.Zero);
        var span = end.UtcTicks - Origin.UtcTicks;
        CellCount = (int)((span + ticks - 1) / ticks);
    }

    public DateTimeOffset Origin { get; }
    public TimeSpan Resolution { get; }
    public int CellCount { get; }
    public DateTimeOffset End => TimeOf(CellCount);

    public DateTimeOffset TimeOf(int cell) => Origin + (Resolution * cell);

    /// <summary>The cell containing the instant.</summary>
    public int Floor(DateTimeOffset instant) => (int)Math.Floor((instant.UtcTicks - Origin.UtcTicks) / (double)Resolution.Ticks);

    /// <summary>The first cell that starts at or after the instant.</summary>
    public int Ceiling(DateTimeOffset instant) => (int)Math.Ceiling((instant.UtcTicks - Origin.UtcTicks) / (double)Resolution.Ticks);

    public bool IsBoundary(DateTimeOffset instant) => Mod(instant.UtcTicks - Origin.UtcTicks, Resolution.Ticks) == 0;

    public int Cells(TimeSpan span) => (int)Math.Ceiling(span.Ticks / (double)Resolution.Ticks);

    private static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;
}

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// How calendar days map to instants. The wheel works in whole days; a day runs 00:00-24:00 UTC,
/// so a reminder "on" a day fires at its start and something "due" a day is late from the next start.
/// </summary>
public static class DomainDates
{
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the day: when something due that day becomes overdue.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static bool IsOverdue(DateOnly due, DateTimeOffset now) => now >= EndOf(due);
}

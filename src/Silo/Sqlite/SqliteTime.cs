namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>SQLite stores instants as integer UTC ticks (100 ns): exact round trip, ordered, any year.</summary>
internal static class SqliteTime
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}

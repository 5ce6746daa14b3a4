namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The single writer's work so far: its page cache hits and misses (a miss reads the file), pages written to the WAL, committed transactions, the operations they carried, batches run again
/// after a failing operation, time spent running batches and, of that, in COMMIT (writing the WAL).
/// </summary>
public readonly record struct SqliteWriterStatistics(long CacheHits, long CacheMisses, long PagesWritten, long Transactions, long Operations, long Replays, TimeSpan Busy, TimeSpan Committing)
{
    public override string ToString() =>
        $"writer: {Transactions:N0} transactions, {Operations:N0} operations ({(Transactions == 0 ? 0 : Operations / (double)Transactions):0.0} each), " +
        $"{Replays:N0} replays, busy {Busy.TotalSeconds:0.0} s of which commit {Committing.TotalSeconds:0.0} s; " +
        $"page cache {CacheHits:N0} hits, {CacheMisses:N0} misses; {PagesWritten:N0} pages written ({(Operations == 0 ? 0 : PagesWritten / (double)Operations):0.0} per operation)";
}

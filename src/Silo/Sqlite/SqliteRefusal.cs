namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Thrown by a write operation that refuses before it changed any row (a stale write): the write queue
/// fails only that operation and keeps the batch's transaction, no rollback needed.
/// </summary>
internal sealed class SqliteRefusal(Exception reason) : Exception(reason.Message, reason)
{
    public Exception Reason { get; } = reason;
}

namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// The audit trail: append-only and idempotent, keyed by (grain, version). A grain derives the event of a change from
/// its committed state and appends it afterwards, again after a crash, so appending an event that is already stored
/// does nothing, and appending a different event under a stored key throws <see cref="AuditEventConflictException"/>
/// and keeps the stored one. Versions of a grain need not be contiguous.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Appends each event as the single append does. A key given twice with different events is refused before anything
    /// is stored. On a conflict with a stored event the other events may or may not have been appended (the memory and
    /// SQLite logs append none, Azure Table appends per grain in transactions of up to 50): appending them again is safe.
    /// </summary>
    Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken);

    /// <summary>The grain's events after <paramref name="afterVersion"/> (0: from the start), oldest first, at most <paramref name="max"/> (1 to <see cref="AuditRules.PageMaxSize"/>).</summary>
    Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken);

    /// <summary>How many events the grain has (Azure Table reads every key of the grain to count).</summary>
    Task<long> CountAsync(string grain, CancellationToken cancellationToken);
}

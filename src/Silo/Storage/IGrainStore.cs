using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Storage;

/// <summary>
/// Durable storage of grain state, audit events and reminders. One implementation per engine
/// (in-memory, SQLite, PostgreSQL); all pass the same conformance tests.
/// Two clocks meet here: due times are domain time (the injected TimeProvider), leases are
/// infrastructure time (real time), so a manual clock in tests never breaks lease expiry.
/// </summary>
public interface IGrainStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema (idempotent, versioned). Called once at silo start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The stored state, or null when the grain was never written.</summary>
    Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>The stored version only (0 when never written): used to revalidate a cached activation.</summary>
    Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: write the state if the stored version equals <see cref="StateWrite.ExpectedVersion"/>
    /// (0 = must not exist), append the audit event with the new version, and apply the reminder changes
    /// (a schedule upserts the row with a fresh reminder version and clears its lease; a cancel deletes it).
    /// Returns the new version. Throws <see cref="StaleStateException"/> on a version mismatch, leaving nothing changed.
    /// </summary>
    Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> reminders with due_at &lt;= <paramref name="dueBy"/> whose lease is free
    /// (no lease, or lease_until &lt; <paramref name="leaseNow"/>), in due order, setting
    /// lease_owner = <paramref name="owner"/> and lease_until = leaseNow + lease. Safe with concurrent claimers
    /// (PostgreSQL: FOR UPDATE SKIP LOCKED): a row is claimed by at most one claimer while its lease runs.
    /// </summary>
    Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Marks delivered occurrences done: deletes each row whose (grain, name, version) still matches.
    /// A row that was rescheduled meanwhile (new version) is left alone.
    /// </summary>
    Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back occurrences whose delivery failed: for rows whose version still matches, clears the owner,
    /// sets lease_until = <paramref name="retryAfter"/> (real time; not claimable before it) and increments attempts.
    /// </summary>
    Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken);

    /// <summary>The earliest due time of any reminder (leased or not), or null when there is none.</summary>
    Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken);

    /// <summary>The reminders of one grain, in due order.</summary>
    Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>The audit events of one grain, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>Counts for tests and health: state rows, audit events, reminders.</summary>
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Cheap round trip to the engine; throws <see cref="StorageUnavailableException"/> when unreachable.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

public sealed record StoredState(string StateJson, long Version);

/// <summary>One state change: the new state, its audit event (of the same grain), and the reminder changes that commit with it.</summary>
public sealed record StateWrite(
    GrainId Grain,
    long ExpectedVersion,
    string StateJson,
    AuditEvent Audit,
    IReadOnlyList<ReminderChange> Reminders,
    string? TraceParent = null)
{
    public AuditEvent Audit { get; init; } = Audit.Grain == Grain
        ? Audit
        : throw new ArgumentException($"The audit event of a write to {Grain} names {Audit.Grain}.", nameof(Audit));
}

/// <summary>
/// An immutable audit record. <see cref="Version"/> is the state version the change produced
/// (the store fills it in on write). <see cref="Sequence"/> is assigned by the store.
/// </summary>
public sealed record AuditEvent(
    GrainId Grain,
    long Version,
    DateTimeOffset At,
    string Actor,
    string Command,
    string Outcome,
    string? Detail,
    long Sequence = 0);

/// <summary>
/// A durable reminder row. <see cref="Version"/> changes every time the row is (re)scheduled, so a delivery
/// is identified by (grain, name, due time) and completes only the occurrence it delivered.
/// <see cref="TraceParent"/> is the W3C traceparent of the span that scheduled it (for span links).
/// </summary>
public sealed record ReminderRow(
    GrainId Grain,
    string Name,
    DateTimeOffset DueAt,
    long Version,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    int Attempts,
    string? TraceParent);

public sealed record StoreCounts(long States, long AuditEvents, long Reminders);

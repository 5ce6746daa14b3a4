using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Testing;

/// <summary>
/// A store that hands every call to <paramref name="inner"/>. Tests derive from it and override only the calls
/// they change (a write held at a gate, a ping that fails, an injected write failure).
/// </summary>
public abstract class DelegatingGrainStore(IGrainStore inner) : IGrainStore
{
    protected IGrainStore Inner => inner;

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public virtual Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadStateAsync(grain, cancellationToken);
    public virtual Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadVersionAsync(grain, cancellationToken);
    public virtual Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken) => inner.WriteStateAsync(write, cancellationToken);

    public virtual Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken);

    public virtual Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) => inner.CompleteRemindersAsync(delivered, cancellationToken);
    public virtual Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) => inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken);
    public virtual Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => inner.NextReminderDueAsync(cancellationToken);
    public virtual Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => inner.ListRemindersAsync(grain, cancellationToken);
    public virtual Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadAuditAsync(grain, cancellationToken);
    public virtual Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    public virtual Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    public virtual ValueTask DisposeAsync() => inner.DisposeAsync();
}

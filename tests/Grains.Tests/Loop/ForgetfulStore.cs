using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// Wraps a store so completed reminder deliveries can be "lost" (as when a silo dies between delivering
/// and completing): the rows stay leased and are delivered again once the lease expires.
/// </summary>
internal sealed class ForgetfulStore(IGrainStore inner) : IGrainStore
{
    public bool ForgetCompletions { get; set; }

    public int Writes;

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) =>
        ForgetCompletions ? Task.CompletedTask : inner.CompleteRemindersAsync(delivered, cancellationToken);

    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Writes);
        return inner.WriteStateAsync(write, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadStateAsync(grain, cancellationToken);
    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadVersionAsync(grain, cancellationToken);
    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken);
    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) => inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken);
    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => inner.NextReminderDueAsync(cancellationToken);
    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => inner.ListRemindersAsync(grain, cancellationToken);
    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadAuditAsync(grain, cancellationToken);
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

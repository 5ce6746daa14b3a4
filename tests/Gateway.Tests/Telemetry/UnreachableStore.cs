using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>An in-memory store whose ping fails while <see cref="Reachable"/> is false (what a lost database looks like to the probe).</summary>
internal sealed class UnreachableStore : IGrainStore
{
    private readonly InMemoryGrainStore _inner = new();
    private volatile bool _reachable = true;

    public bool Reachable
    {
        get => _reachable;
        set => _reachable = value;
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        _reachable ? _inner.PingAsync(cancellationToken) : Task.FromException(new StorageUnavailableException("The test store is unreachable."));

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);
    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadStateAsync(grain, cancellationToken);
    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadVersionAsync(grain, cancellationToken);
    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken) => _inner.WriteStateAsync(write, cancellationToken);

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        _inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken);

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) => _inner.CompleteRemindersAsync(delivered, cancellationToken);
    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) => _inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken);
    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => _inner.NextReminderDueAsync(cancellationToken);
    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ListRemindersAsync(grain, cancellationToken);
    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadAuditAsync(grain, cancellationToken);
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => _inner.CountAsync(cancellationToken);
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}

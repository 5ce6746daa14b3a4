using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>
/// Wraps any store so a test can make the next state write fail (for engines without their own hook);
/// <paramref name="onDisposed"/> cleans up what the store lived in (a temp file).
/// </summary>
public sealed class FaultInjectingStore(IGrainStore inner, Action? onDisposed = null) : IGrainStore
{
    private Exception? _nextWriteFailure;

    public void FailNextWrite(Exception error) => _nextWriteFailure = error;

    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _nextWriteFailure, null) is { } failure) throw failure;
        return inner.WriteStateAsync(write, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadStateAsync(grain, cancellationToken);
    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadVersionAsync(grain, cancellationToken);

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken);

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) => inner.CompleteRemindersAsync(delivered, cancellationToken);
    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) => inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken);
    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => inner.NextReminderDueAsync(cancellationToken);
    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => inner.ListRemindersAsync(grain, cancellationToken);
    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => inner.ReadAuditAsync(grain, cancellationToken);
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        onDisposed?.Invoke();
    }
}

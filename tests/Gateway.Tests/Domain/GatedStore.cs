using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>An in-memory store whose state writes of one grain type can be held at a gate, so a test can
/// keep a grain call in flight for as long as it needs.</summary>
internal sealed class GatedStore(string grainType) : IGrainStore
{
    private readonly InMemoryGrainStore _inner = new();
    private TaskCompletionSource _gate = Open();
    private int _waiting;

    /// <summary>Writes that are waiting at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        if (write.Grain.Type == grainType)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _gate.Task;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return await _inner.WriteStateAsync(write, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);
    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadStateAsync(grain, cancellationToken);
    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadVersionAsync(grain, cancellationToken);

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        _inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken);

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) => _inner.CompleteRemindersAsync(delivered, cancellationToken);
    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) => _inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken);
    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => _inner.NextReminderDueAsync(cancellationToken);
    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ListRemindersAsync(grain, cancellationToken);
    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadAuditAsync(grain, cancellationToken);
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => _inner.CountAsync(cancellationToken);
    public Task PingAsync(CancellationToken cancellationToken) => _inner.PingAsync(cancellationToken);
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

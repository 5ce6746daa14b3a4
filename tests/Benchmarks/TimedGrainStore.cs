using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// Wraps a store and adds up calls and wall time per operation (the --profile option): shows how much of
/// a benchmark is spent waiting for the store and how many round trips it makes.
/// </summary>
public sealed class TimedGrainStore(IGrainStore inner) : IGrainStore
{
    private readonly ConcurrentDictionary<string, Totals> _totals = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) =>
        Time(nameof(ReadStateAsync), () => inner.ReadStateAsync(grain, cancellationToken));

    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) =>
        Time(nameof(ReadVersionAsync), () => inner.ReadVersionAsync(grain, cancellationToken));

    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken) =>
        Time(nameof(WriteStateAsync), () => inner.WriteStateAsync(write, cancellationToken));

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken) =>
        Time(nameof(ClaimDueRemindersAsync), () => inner.ClaimDueRemindersAsync(dueBy, leaseNow, lease, owner, max, cancellationToken));

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken) =>
        Time(nameof(CompleteRemindersAsync), () => inner.CompleteRemindersAsync(delivered, cancellationToken));

    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken) =>
        Time(nameof(ReleaseRemindersAsync), () => inner.ReleaseRemindersAsync(failed, retryAfter, cancellationToken));

    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) =>
        Time(nameof(NextReminderDueAsync), () => inner.NextReminderDueAsync(cancellationToken));

    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) =>
        inner.ListRemindersAsync(grain, cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) =>
        inner.ReadAuditAsync(grain, cancellationToken);

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>Prints calls, total and mean wall time per operation, then starts counting afresh.</summary>
    public void PrintAndReset(string title)
    {
        Console.WriteLine($"    store profile ({title}):");
        foreach (var (name, box) in _totals.OrderBy(t => t.Key))
        {
            var calls = Interlocked.Exchange(ref box.Calls, 0);
            var elapsed = Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref box.Ticks, 0));
            if (calls > 0)
                Console.WriteLine($"      {name,-24} {calls,9:N0} calls {elapsed.TotalSeconds,8:N2} s total {elapsed.TotalMicroseconds / calls,9:N0} us mean");
        }
    }

    private Task<T> Time<T>(string name, Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var task = operation();
        if (!task.IsCompleted) return AwaitAsync(name, started, task);
        Add(name, started);
        return task;
    }

    private async Task Time(string name, Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await operation();
        }
        finally
        {
            Add(name, started);
        }
    }

    private async Task<T> AwaitAsync<T>(string name, long started, Task<T> task)
    {
        try
        {
            return await task;
        }
        finally
        {
            Add(name, started);
        }
    }

    private void Add(string name, long started)
    {
        var box = _totals.GetOrAdd(name, static _ => new Totals());
        Interlocked.Increment(ref box.Calls);
        Interlocked.Add(ref box.Ticks, Stopwatch.GetTimestamp() - started);
    }

    private sealed class Totals
    {
        public long Calls;
        public long Ticks;
    }
}

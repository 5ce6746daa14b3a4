using System.Collections.Concurrent;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Committing;

/// <summary>
/// A <see cref="MemoryAuditLog"/> shared by every silo of a test cluster that can be made to fail or to hold the next
/// append forever (a silo that dies in the middle), and records which events each successful append call carried.
/// </summary>
public sealed class RecordingAuditLog : IAuditLog, IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private TaskCompletionSource? holdNext;
    private Task held = Task.CompletedTask;

    public MemoryAuditLog Log { get; } = new();

    /// <summary>Every append throws while set.</summary>
    public bool Failing { get; set; }

    /// <summary>The events of every append call that succeeded, in call order (repeats included).</summary>
    public ConcurrentQueue<AuditEvent> Appended { get; } = new();

    /// <summary>Completes when an append is being held (see <see cref="HoldNextAppend"/>).</summary>
    public Task Held => held;

    /// <summary>The next append call waits until this log is disposed, then fails; later calls pass.</summary>
    public void HoldNextAppend()
    {
        holdNext = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held = holdNext.Task;
    }

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => AppendAsync([auditEvent], cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref holdNext, null) is { } hold)
        {
            hold.SetResult();
            await Task.Delay(Timeout.Infinite, disposed.Token);
        }

        if (Failing) throw new IOException("The audit log is unreachable (test).");
        await Log.AppendAsync(auditEvents, cancellationToken);
        foreach (var auditEvent in auditEvents) Appended.Enqueue(auditEvent);
    }

    public Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken) =>
        Log.ReadAsync(grain, afterVersion, max, cancellationToken);

    public Task<long> CountAsync(string grain, CancellationToken cancellationToken) => Log.CountAsync(grain, cancellationToken);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}

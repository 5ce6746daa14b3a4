using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>
/// Wraps any store so a test can make the next state write fail (for engines without their own hook);
/// <paramref name="onDisposed"/> cleans up what the store lived in (a temp file).
/// </summary>
public sealed class FaultInjectingStore(IGrainStore inner, Action? onDisposed = null) : DelegatingGrainStore(inner)
{
    private Exception? _nextWriteFailure;

    public void FailNextWrite(Exception error) => _nextWriteFailure = error;

    public override Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _nextWriteFailure, null) is { } failure) throw failure;
        return Inner.WriteStateAsync(write, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        onDisposed?.Invoke();
    }
}

using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>An in-memory store whose ping fails while <see cref="Reachable"/> is false (what a lost database looks like to the probe).</summary>
internal sealed class UnreachableStore() : DelegatingGrainStore(new InMemoryGrainStore())
{
    private volatile bool _reachable = true;

    public bool Reachable
    {
        get => _reachable;
        set => _reachable = value;
    }

    public override Task PingAsync(CancellationToken cancellationToken) =>
        _reachable ? Inner.PingAsync(cancellationToken) : Task.FromException(new StorageUnavailableException("The test store is unreachable."));
}

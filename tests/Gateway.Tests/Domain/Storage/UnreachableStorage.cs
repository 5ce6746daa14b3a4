using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Gateway.Tests.Domain.Storage;

/// <summary>Grain storage that fails every read, write and clear while <see cref="Reachable"/> is false (what a lost
/// database looks like to the grains and to the store probe). Decorate the gateway's storage with <see cref="Wrap"/>.</summary>
internal sealed class UnreachableStorage
{
    private volatile bool _reachable = true;

    public bool Reachable
    {
        get => _reachable;
        set => _reachable = value;
    }

    public IGrainStorage Wrap(IGrainStorage inner) => new Unreachable(inner, this);

    private Task? Refusal() => _reachable ? null : Task.FromException(new InvalidOperationException("The test store is unreachable."));

    private sealed class Unreachable(IGrainStorage inner, UnreachableStorage store) : DelegatingGrainStorage(inner)
    {
        public override Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            store.Refusal() ?? Inner.ReadStateAsync(stateName, grainId, grainState);

        public override Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            store.Refusal() ?? Inner.WriteStateAsync(stateName, grainId, grainState);

        public override Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            store.Refusal() ?? Inner.ClearStateAsync(stateName, grainId, grainState);
    }
}

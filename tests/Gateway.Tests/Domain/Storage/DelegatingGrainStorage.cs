using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Gateway.Tests.Domain.Storage;

/// <summary>An Orleans grain storage that passes every call on to the gateway's own (a base for test doubles). It takes
/// part in the silo lifecycle when the inner storage does, as Orleans registers the storage itself as a participant.</summary>
internal abstract class DelegatingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    protected IGrainStorage Inner { get; } = inner;

    public virtual Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.ReadStateAsync(stateName, grainId, grainState);

    public virtual Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.WriteStateAsync(stateName, grainId, grainState);

    public virtual Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle observer) => (Inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}

using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansTilsyn.TestSupport;

/// <summary>Grain storage over <see cref="SharedMemoryStores"/>: states are kept serialized, writes check the ETag.</summary>
internal sealed class SharedMemoryGrainStorage(SharedMemoryStores stores, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stores.GrainStates.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var eTag = SharedMemoryStores.NewETag();
        var written = (serializer.SerializeToArray(grainState.State), eTag);
        var key = (stateName, grainId);
        var replaced = grainState.ETag is null
            ? stores.GrainStates.TryAdd(key, written)
            : stores.GrainStates.TryGetValue(key, out var current) && current.ETag == grainState.ETag
              && stores.GrainStates.TryUpdate(key, written, current);
        if (!replaced) throw new InconsistentStateException($"Stale write of {stateName} for {grainId}.", "?", grainState.ETag ?? "none");
        grainState.ETag = eTag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        stores.GrainStates.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

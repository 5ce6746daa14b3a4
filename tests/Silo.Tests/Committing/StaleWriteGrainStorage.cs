using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Silo.Tests.Committing;

/// <summary>
/// Grain storage that, while <see cref="StaleWriteSwitch"/> lasts, lets another writer win before each write: it
/// rewrites the stored state unchanged (a new ETag), so the grain's write fails as stale. A write the
/// <see cref="FailingWriteSwitch"/> names fails before it reaches the store (a store that is down).
/// </summary>
internal sealed class StaleWriteGrainStorage(IGrainStorage inner, StaleWriteSwitch stale, FailingWriteSwitch failing) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (failing.TakeOne() is { } failure) throw failure;
        if (stale.TakeOne())
        {
            var other = new GrainState<T>();
            await inner.ReadStateAsync(stateName, grainId, other);
            await inner.WriteStateAsync(stateName, grainId, other);
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}

/// <summary>How many of the next writes another writer wins.</summary>
public sealed class StaleWriteSwitch
{
    private int remaining;

    public void Next(int writes) => Volatile.Write(ref remaining, writes);

    internal bool TakeOne()
    {
        while (true)
        {
            var current = Volatile.Read(ref remaining);
            if (current <= 0) return false;
            if (Interlocked.CompareExchange(ref remaining, current - 1, current) == current) return true;
        }
    }
}

/// <summary>The failure the next write throws without writing anything.</summary>
public sealed class FailingWriteSwitch
{
    private Exception? next;

    public void FailNext(Exception failure) => Volatile.Write(ref next, failure);

    internal Exception? TakeOne() => Interlocked.Exchange(ref next, null);
}

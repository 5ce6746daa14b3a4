using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

/// <summary>Several writers of one grain: silos sharing a store, or a writer outside the runtime.</summary>
public sealed class ConcurrencyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StaleWriteFromAnotherSiloIsRetriedOnceAfterReload(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe(), silos: 2, configure: o => o.RevalidateReads = false);
        var onFirst = cluster.Silo(0).GrainFactory.GetGrain<ICounterGrain>("contended");
        var onSecond = cluster.Silo(1).GrainFactory.GetGrain<ICounterGrain>("contended");

        Assert.Equal(1, await onFirst.IncrementAsync());
        Assert.Equal(2, await onSecond.IncrementAsync());
        Assert.Equal(3, await onFirst.IncrementAsync());

        Assert.Equal(3, (await cluster.Store.ReadAuditAsync(new GrainId("test-counter", "contended"), None)).Count);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StaleWriteTwiceReportsConcurrencyConflictAndAppliesNothing(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("fought-over");
        await counter.IncrementAsync();
        var interferences = 0;
        probe.BeforeCommit = async grain =>
        {
            interferences++;
            await WriteBehindTheRuntimeAsync(cluster.Store, grain, 100 + interferences);
        };

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => counter.IncrementAsync().Within());

        Assert.Equal(2, interferences);
        Assert.Equal(new GrainId("test-counter", "fought-over"), error.Grain);
        probe.BeforeCommit = null;
        Assert.Equal(103, await counter.IncrementAsync());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StaleWriteOnceSucceedsOnTheRetry(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("bumped");
        await counter.IncrementAsync();
        probe.BeforeCommit = async grain =>
        {
            probe.BeforeCommit = null;
            await WriteBehindTheRuntimeAsync(cluster.Store, grain, 50);
        };

        Assert.Equal(51, await counter.IncrementAsync());
        Assert.Equal(3, await counter.VersionAsync());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ReadsAreRevalidatedWhenSilosShareTheStore(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe(), silos: 2);
        var onFirst = cluster.Silo(0).GrainFactory.GetGrain<ICounterGrain>("shared");
        var onSecond = cluster.Silo(1).GrainFactory.GetGrain<ICounterGrain>("shared");

        await onFirst.IncrementAsync();
        Assert.Equal(1, await onFirst.GetAsync());
        await onSecond.IncrementAsync();

        Assert.Equal(2, await onFirst.GetAsync());
        Assert.Equal(3, await onFirst.IncrementAsync());
    }

    private static async Task WriteBehindTheRuntimeAsync(IGrainStore store, GrainId grain, int value)
    {
        var version = await store.ReadVersionAsync(grain, None);
        var json = System.Text.Json.JsonSerializer.Serialize(new CounterState { Value = value }, StateJson.CreateOptions());
        var audit = new AuditEvent(grain, 0, TestSilos.Start, "system:other-writer", "overwrite", "ok", null);
        await store.WriteStateAsync(new StateWrite(grain, version, json, audit, []), None);
    }
}

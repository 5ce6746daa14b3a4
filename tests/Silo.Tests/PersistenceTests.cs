using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class PersistenceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StateSurvivesDeactivationAndIsLoadedBeforeActivation(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("kept");
        for (var i = 0; i < 3; i++) await counter.IncrementAsync();

        await cluster.RestartSiloAsync(0);
        counter = cluster.GrainFactory.GetGrain<ICounterGrain>("kept");

        Assert.Equal(3, await counter.GetAsync());
        Assert.Equal(3, await counter.VersionAsync());
        Assert.Equal(["kept=0", "kept=3"], probe.Activated);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StoredStateToleratesUnknownAndMissingFields(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = new GrainId("test-counter", "old-shape");
        var audit = new AuditEvent(grain, 0, TestSilos.Start, "system:migration", "seed", "ok", null);
        await cluster.Store.WriteStateAsync(new StateWrite(grain, 0, """{"value":7,"fieldRemovedLongAgo":{"x":1}}""", audit, []), None);

        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("old-shape");

        Assert.Equal(7, await counter.GetAsync());
        Assert.Empty(await counter.NotesAsync());
        Assert.Equal(8, await counter.IncrementAsync());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task EveryCommitAppendsOneAttributedAuditEvent(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("audited");
        var leader = new Actor("leader-4", "leader");

        using (CallContext.As(leader))
        {
            await counter.IncrementAsync();
            await cluster.AdvanceByAsync(TimeSpan.FromHours(2));
            await counter.IncrementAsync();
        }

        var audit = await cluster.Store.ReadAuditAsync(new GrainId("test-counter", "audited"), None);
        Assert.Equal([1L, 2L], audit.Select(a => a.Version));
        Assert.All(audit, a => Assert.Equal("leader:leader-4", a.Actor));
        Assert.All(audit, a => Assert.Equal("increment", a.Command));
        Assert.Equal([TestSilos.Start, TestSilos.Start.AddHours(2)], audit.Select(a => a.At));
        Assert.Equal(["to 1", "to 2"], audit.Select(a => a.Detail));
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task FailedWriteLeavesStateAuditAndRemindersUntouched(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("atomic");
        var grain = new GrainId("test-counter", "atomic");
        await counter.IncrementAsync();
        var before = await cluster.Store.CountAsync(None);

        TestStores.FailNextWrite(cluster.Store, new StorageUnavailableException("disk on fire"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => counter.IncrementAndRemindAsync("never", TestSilos.Start.AddDays(1)));

        Assert.Equal(before, await cluster.Store.CountAsync(None));
        Assert.Single(await cluster.Store.ReadAuditAsync(grain, None));
        Assert.Empty(await cluster.Store.ListRemindersAsync(grain, None));
        Assert.Equal(1, await counter.GetAsync());
        Assert.Equal(1, await counter.VersionAsync());
        Assert.Equal(2, await counter.IncrementAsync());
        Assert.Empty(await cluster.Store.ListRemindersAsync(grain, None));
    }
}

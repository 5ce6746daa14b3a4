using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class TurnTests
{
    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CallsRunOneAtATimeInArrivalOrder(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("fifo");

        var calls = Enumerable.Range(0, 20).Select(grain.RecordAsync).ToArray();
        await Task.WhenAll(calls).Within();

        var expected = Enumerable.Range(0, 20).SelectMany(i => new[] { $"start {i}", $"end {i}" });
        Assert.Equal(expected, probe.Log);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ConcurrentCallersNeverInterleaveTurns(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("shared");

        var callers = Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++) await grain.RecordAsync(caller * 100 + i);
        }));
        await Task.WhenAll(callers).Within();

        var log = probe.Log.ToArray();
        Assert.Equal(200, log.Length);
        for (var i = 0; i < log.Length; i += 2)
        {
            Assert.StartsWith("start ", log[i]);
            Assert.Equal(log[i].Replace("start", "end"), log[i + 1]);
        }
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ReadOnlyCallIsNotBlockedByAWaitingTurn(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("busy");

        var waiting = grain.WaitForGateAsync();
        var queued = grain.RecordAsync(1);
        Assert.Equal("pong busy", await grain.PingAsync().Within());
        Assert.False(queued.IsCompleted);

        probe.Gate.SetResult();
        await Task.WhenAll(waiting, queued).Within();
        Assert.Equal(["start 1", "end 1"], probe.Log);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ValueTaskMethodsAreCalledThroughTheRuntime(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("values");

        Assert.Equal(5, await grain.AddAsync(2, 3));
        await grain.NothingAsync();
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task TheSameKeyGetsTheSameCachedReference(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());

        Assert.Same(cluster.GrainFactory.GetGrain<ITurnGrain>("a"), cluster.GrainFactory.GetGrain<ITurnGrain>("a"));
        Assert.NotSame(cluster.GrainFactory.GetGrain<ITurnGrain>("a"), cluster.GrainFactory.GetGrain<ITurnGrain>("b"));
    }
}

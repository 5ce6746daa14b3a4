using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class CycleAndTimeoutTests
{
    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CallBackIntoAGrainHoldingItsTurnFailsWithCallCycle(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var a = cluster.GrainFactory.GetGrain<ITurnGrain>("a");

        var error = await Assert.ThrowsAsync<CallCycleException>(() => a.CallOtherAsync("b").Within());

        Assert.Equal(["turn/a", "turn/b", "turn/a"], error.Chain.Select(g => g.ToString()));
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ReadOnlyCallBackIsNotACycle(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var a = cluster.GrainFactory.GetGrain<ITurnGrain>("a");

        await a.CallOtherReadOnlyBackAsync("b").Within();
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task SlowCallTimesOutAndItsTokenIsCancelled(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o => o.CallTimeout = TimeSpan.FromMilliseconds(200));
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("slow");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.HangAsync(CancellationToken.None).Within());

        Assert.Equal("HangAsync", error.Method);
        Assert.True(await probe.TokenCancelled.Task.Within());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CallerCancellationCancelsTheCall(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("cancelled");
        using var caller = new CancellationTokenSource();

        var call = grain.HangAsync(caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        Assert.True(await probe.TokenCancelled.Task.Within());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CallsQueuedBehindAStuckTurnTimeOutInsteadOfHanging(StoreKind store)
    {
        var probe = new TestProbe();
        // Long enough for the last call's durable write on a loaded machine, short enough to keep the test quick.
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o => o.CallTimeout = TimeSpan.FromSeconds(1));
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("stuck");

        var stuck = grain.WaitForGateAsync();
        var queued = grain.RecordAsync(1);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => stuck.Within());
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.Within());
        probe.Gate.SetResult();
        await grain.RecordAsync(2).Within();
        Assert.Equal(["start 2", "end 2"], probe.Log);
    }
}

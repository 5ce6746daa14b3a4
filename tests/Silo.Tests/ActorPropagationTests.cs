using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class ActorPropagationTests
{
    private static readonly Actor Leader = new("leader-17", "leader");
    private static readonly Actor Chief = new("chief-3", "chief");

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ActorFlowsAcrossGrainToGrainCalls(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var a = cluster.GrainFactory.GetGrain<ITurnGrain>("a");

        using (CallContext.As(Leader))
        {
            Assert.Equal(Leader, await a.AskOtherWhoIsCallingAsync("b"));
            Assert.Equal(Leader, CallContext.Actor);
        }

        Assert.Equal(Actor.System, await a.AskOtherWhoIsCallingAsync("b"));
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task QueuedCallsRunAsTheirOwnCaller(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("shared");

        Task<Actor> first, second;
        using (CallContext.As(Leader)) first = grain.WhoIsCallingAfterGateAsync();
        using (CallContext.As(Chief)) second = grain.WhoIsCallingAsync();
        probe.Gate.SetResult();

        Assert.Equal(Leader, await first.Within());
        Assert.Equal(Chief, await second.Within());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CommitIsAttributedToTheActorOfTheCall(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("attributed");

        using (CallContext.As(Chief)) await counter.IncrementAsync();

        var audit = await cluster.Store.ReadAuditAsync(new GrainId("test-counter", "attributed"), CancellationToken.None);
        Assert.Equal(Chief.ToString(), Assert.Single(audit).Actor);
    }
}

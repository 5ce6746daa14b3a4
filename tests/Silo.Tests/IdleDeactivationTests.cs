using OrleansTilsyn.Silo.Testing;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class IdleDeactivationTests
{
    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ActivationsIdleLongerThanTheLimitAreDeactivated(StoreKind store)
    {
        var probe = new TestProbe();
        var realTime = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o =>
        {
            o.InfrastructureTime = realTime;
            o.IdleDeactivationAfter = TimeSpan.FromMinutes(10);
            o.IdleCollectionInterval = TimeSpan.FromDays(1); // the test collects itself
        });
        var silo = cluster.Silo(0);
        var quiet = silo.GrainFactory.GetGrain<ITurnGrain>("quiet");
        var busy = silo.GrainFactory.GetGrain<ITurnGrain>("busy");
        await quiet.PingAsync();
        await busy.RecordAsync(1);

        realTime.AdvanceBy(TimeSpan.FromMinutes(6));
        await busy.RecordAsync(2);
        realTime.AdvanceBy(TimeSpan.FromMinutes(6));

        Assert.Equal(1, await silo.CollectIdleActivationsAsync());
        Assert.Equal(["quiet"], probe.Deactivated);
        Assert.Equal(1, silo.ActivationCount);

        await quiet.RecordAsync(3);
        Assert.Equal(["quiet", "busy", "quiet"], probe.Activated);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task StatefulGrainReloadsItsStateAfterIdleDeactivation(StoreKind store)
    {
        var realTime = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe(), configure: o =>
        {
            o.InfrastructureTime = realTime;
            o.IdleCollectionInterval = TimeSpan.FromDays(1); // the test collects itself
        });
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("sleepy");
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        realTime.AdvanceBy(cluster.Silo(0).Options.IdleDeactivationAfter);
        Assert.Equal(1, await cluster.Silo(0).CollectIdleActivationsAsync());
        Assert.Equal(0, cluster.Silo(0).ActivationCount);

        Assert.Equal(2, await counter.GetAsync());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task GrainCanAskToBeDeactivatedAfterItsTurn(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        var grain = cluster.GrainFactory.GetGrain<ITurnGrain>("done");

        await grain.DeactivateSoonAsync();

        Assert.Equal(["done"], probe.Deactivated);
        Assert.Equal(0, cluster.Silo(0).ActivationCount);
        await grain.RecordAsync(1);
        Assert.Equal(1, cluster.Silo(0).ActivationCount);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task BackgroundCollectorDeactivatesIdleActivations(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o =>
        {
            o.IdleDeactivationAfter = TimeSpan.FromMilliseconds(50);
            o.IdleCollectionInterval = TimeSpan.FromMilliseconds(20);
        });
        await cluster.GrainFactory.GetGrain<ITurnGrain>("forgotten").PingAsync();

        var deadline = DateTimeOffset.UtcNow + TestSilos.Patience;
        while (cluster.Silo(0).ActivationCount > 0 && DateTimeOffset.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(0, cluster.Silo(0).ActivationCount);
        Assert.Equal(["forgotten"], probe.Deactivated);
    }
}

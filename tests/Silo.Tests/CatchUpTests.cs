using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Testing;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class CatchUpTests
{
    private static readonly DateTimeOffset Start = TestSilos.Start;

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task RemindersMissedWhileDownAreDeliveredAfterRestartInDueOrderWithBoundedConcurrency(StoreKind store)
    {
        var probe = new TestProbe { DeliveryPause = TimeSpan.FromMilliseconds(5) };
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o => o.ReminderConcurrency = 3);
        for (var hour = 1; hour <= 3; hour++)
        for (var unit = 0; unit < 8; unit++)
            await cluster.GrainFactory.GetGrain<IReminderGrain>($"unit-{unit}").ScheduleAsync($"due-{hour}", Start.AddHours(hour));

        cluster.KillSilo(0);
        await cluster.AdvanceByAsync(TimeSpan.FromDays(2));
        Assert.Empty(probe.Deliveries);
        await cluster.RestartSiloAsync(0);
        Assert.Equal(24, await cluster.DeliverDueAsync().Within());

        var deliveries = probe.Deliveries.OrderBy(d => d.Sequence).ToArray();
        Assert.Equal(24, deliveries.Length);
        Assert.Equal(deliveries.Select(d => d.Status.DueAt).Order(), deliveries.Select(d => d.Status.DueAt));
        Assert.All(deliveries, d => Assert.Equal(Start.AddDays(2), d.Status.CurrentTime));
        Assert.InRange(probe.MaxConcurrentDeliveries, 2, 3);
        Assert.Equal(0, (await cluster.Store.CountAsync(CancellationToken.None)).Reminders);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task RemindersLeasedByAKilledSiloAreDeliveredByAnotherAfterTheLeaseExpires(StoreKind store)
    {
        var probe = new TestProbe();
        var realTime = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestSilos.StartAsync(store, probe, silos: 2, configure: o => o.InfrastructureTime = realTime);
        var grain = cluster.Silo(1).GrainFactory.GetGrain<IReminderGrain>("orphaned");
        await grain.ScheduleAsync("visit", Start.AddHours(1));
        cluster.Clock.AdvanceBy(TimeSpan.FromHours(2));
        Assert.Single(await cluster.Silo(0).Reminders.ClaimAsync(cluster.Clock.GetUtcNow(), 10, CancellationToken.None));

        cluster.KillSilo(0);
        Assert.Equal(0, await cluster.DeliverDueAsync());
        await cluster.AdvanceByAsync(TimeSpan.FromHours(1));
        Assert.Empty(probe.Deliveries);

        realTime.AdvanceBy(cluster.Silo(1).Options.ReminderLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cluster.DeliverDueAsync());
        var delivery = Assert.Single(await grain.DeliveriesAsync());
        Assert.Equal(Start.AddHours(1), delivery.DueAt);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task AdvanceGoesPastRemindersItCannotClaim(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe, silos: 2);
        await cluster.GrainFactory.GetGrain<IReminderGrain>("stuck").ScheduleAsync("leased", Start.AddHours(1));
        await cluster.GrainFactory.GetGrain<IReminderGrain>("free").ScheduleAsync("later", Start.AddHours(5));
        cluster.Clock.AdvanceBy(TimeSpan.FromHours(1));
        Assert.Single(await cluster.Silo(0).Reminders.ClaimAsync(cluster.Clock.GetUtcNow(), 10, CancellationToken.None));
        cluster.KillSilo(0);

        await cluster.AdvanceByAsync(TimeSpan.FromHours(10)).Within();

        var delivery = Assert.Single(probe.Deliveries);
        Assert.Equal(("free", Start.AddHours(5)), (delivery.Grain, delivery.Now));
    }
}

using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Testing;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class ReminderTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = TestSilos.Start;

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task OneShotReminderIsDeliveredOnceWhenTheClockReachesIt(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("one-shot");
        var due = Start.AddDays(1).AddHours(3);
        await grain.ScheduleAsync("visit", due);

        await cluster.AdvanceByAsync(TimeSpan.FromDays(1));
        Assert.Empty(await grain.DeliveriesAsync());

        await cluster.AdvanceByAsync(TimeSpan.FromDays(30));

        var delivery = Assert.Single(await grain.DeliveriesAsync());
        Assert.Equal(new Delivery("visit", due, due, due, 1, Actor.Reminder.ToString()), delivery);
        Assert.Empty(await cluster.Store.ListRemindersAsync(new GrainId("test-reminders", "one-shot"), None));
        Assert.Equal(Start.AddDays(31), cluster.Clock.GetUtcNow());
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task HandlerReschedulesItsComputedNextDateAndEachOccurrenceSeesItsDueTime(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("yearly");
        var first = new DateTimeOffset(2025, 3, 31, 9, 0, 0, TimeSpan.Zero);
        await grain.ScheduleYearlyAsync("quality-report", first);

        await cluster.AdvanceToAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var deliveries = await grain.DeliveriesAsync();
        Assert.Equal(Enumerable.Range(0, 5).Select(first.AddYears), deliveries.Select(d => d.DueAt));
        Assert.All(deliveries, d => Assert.Equal(d.DueAt, d.Now));
        var next = Assert.Single(await cluster.Store.ListRemindersAsync(new GrainId("test-reminders", "yearly"), None));
        Assert.Equal(new DateTimeOffset(2030, 3, 31, 9, 0, 0, TimeSpan.Zero), next.DueAt);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ReminderFarAheadWaitsUntilItsTime(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("far");
        var due = Start.AddYears(5).AddDays(3);
        await grain.ScheduleAsync("loop-end", due);

        await cluster.AdvanceToAsync(due.AddTicks(-1));
        Assert.Empty(await grain.DeliveriesAsync());

        await cluster.AdvanceToAsync(due);
        Assert.Equal(due, Assert.Single(await grain.DeliveriesAsync()).Now);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CancelledReminderIsNotDelivered(StoreKind store)
    {
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("cancelled");
        await grain.ScheduleAsync("keep", Start.AddDays(2));
        await grain.ScheduleAsync("drop", Start.AddDays(1));
        await grain.CancelAsync("drop");

        await cluster.AdvanceByAsync(TimeSpan.FromDays(10));

        Assert.Equal(["keep"], (await grain.DeliveriesAsync()).Select(d => d.Name));
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task RemindersOfManyGrainsAreDeliveredInDueOrder(StoreKind store)
    {
        var probe = new TestProbe();
        await using var cluster = await TestSilos.StartAsync(store, probe);
        for (var i = 9; i >= 0; i--)
            await cluster.GrainFactory.GetGrain<IReminderGrain>($"unit-{i}").ScheduleAsync("tick", Start.AddHours(i + 1));

        await cluster.AdvanceByAsync(TimeSpan.FromDays(1));

        var deliveries = probe.Deliveries.OrderBy(d => d.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"unit-{i}"), deliveries.Select(d => d.Grain));
        Assert.All(deliveries, d => Assert.Equal(d.Status.DueAt, d.Now));
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task FailedDeliveryIsRetriedAfterTheBackoffWithTheSameDueTime(StoreKind store)
    {
        var probe = new TestProbe();
        var realTime = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestSilos.StartAsync(store, probe, configure: o => o.InfrastructureTime = realTime);
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("flaky");
        var due = Start.AddDays(1);
        await grain.ScheduleAsync("visit", due);
        probe.FailNextDelivery["visit"] = 1;

        await cluster.AdvanceByAsync(TimeSpan.FromDays(2));
        Assert.Empty(await grain.DeliveriesAsync());
        Assert.Equal(1, Assert.Single(await cluster.Store.ListRemindersAsync(new GrainId("test-reminders", "flaky"), None)).Attempts);

        Assert.Equal(0, await cluster.DeliverDueAsync());
        realTime.AdvanceBy(cluster.Silo(0).Options.ReminderRetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cluster.DeliverDueAsync());

        var delivery = Assert.Single(await grain.DeliveriesAsync());
        Assert.Equal((due, 2), (delivery.DueAt, delivery.Attempt));
        Assert.Equal(Start.AddDays(2), delivery.Now);
    }
}

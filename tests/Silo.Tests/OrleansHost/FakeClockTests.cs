using OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.OrleansHost;

public sealed class FakeClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Due = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly HostProbe probe = new();
    private OrleansTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await OrleansTestHost.StartAsync(o => o.ConfigureServices = s => s.AddSingleton(probe));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GrainsSeeTheHostsFakeClockWhileTheUnkeyedClockStaysReal()
    {
        var grain = host.GrainFactory.GetGrain<IClockGrain>("clock");
        var before = await grain.LookAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        var after = await grain.LookAsync();

        Assert.True(before.InjectedIsHostClock);
        Assert.True(before.RuntimeIsHostClock);
        Assert.True(before.UnkeyedIsSystem);
        Assert.Equal(host.Clock.Start, before.Now);
        Assert.Equal(host.Clock.Start + TimeSpan.FromDays(3), after.Now);
    }

    [Fact]
    public async Task ReminderFirstTicksWhenTheClockPassesItsDueTimeAndNotBefore()
    {
        await host.GrainFactory.GetGrain<ITickGrain>("first").StartTickingAsync(Due, Period);

        await host.AdvanceAsync(Due - TimeSpan.FromSeconds(1));
        Assert.Empty(probe.TicksOf("first"));

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal([host.Clock.Start + Due], probe.TicksOf("first"));
    }

    [Fact]
    public async Task OneDayDeliversEveryHourlyTickOnItsTime()
    {
        await host.GrainFactory.GetGrain<ITickGrain>("day").StartTickingAsync(Due, Period);

        await host.AdvanceAsync(TimeSpan.FromDays(1));

        // Due at 0:10, then hourly up to 23:10: 24 ticks, each stamped with its exact due time.
        var expected = Enumerable.Range(0, 24).Select(h => host.Clock.Start + Due + h * Period);
        Assert.Equal(expected, probe.TicksOf("day"));
    }

    [Fact]
    public async Task TicksThatFallDueWhileTheOnlySiloIsDownAreSkipped()
    {
        await host.GrainFactory.GetGrain<ITickGrain>("outage").StartTickingAsync(Due, Period);
        await host.AdvanceAsync(TimeSpan.FromHours(1.5)); // ticks at 0:10 and 1:10

        await host.StopSiloAsync(host.Silos[0]);
        host.Clock.Advance(TimeSpan.FromHours(3)); // down from 1:30 to 4:30: ticks due at 2:10, 3:10, 4:10
        await host.StartSiloAsync();
        await host.AdvanceAsync(TimeSpan.FromHours(1.5)); // up from 4:30 to 6:00

        var hoursAfterStart = probe.TicksOf("outage").Select(t => (t - host.Clock.Start).TotalHours).ToList();
        Assert.Equal([10 / 60.0, 1 + 10 / 60.0, 5 + 10 / 60.0], hoursAfterStart);
    }

    [Fact]
    public async Task OneRawJumpOfTheFakeClockDeliversOnlyOneOfTheTicksItPasses()
    {
        await host.GrainFactory.GetGrain<ITickGrain>("jump").StartTickingAsync(Due, Period);

        // Without AdvanceAsync's stepping, the reminder's single due timer fires once and the reminder service
        // schedules its next tick after the new now: the other ticks in the interval are skipped.
        await Task.Run(() => host.Clock.Advance(TimeSpan.FromDays(1)));
        await host.RemindersSettledAsync();

        Assert.Equal([host.Clock.Start + TimeSpan.FromDays(1)], probe.TicksOf("jump"));
    }

    [Fact]
    public async Task TwoYearsOfDailyTicksAllArriveOnTheirDay()
    {
        await host.GrainFactory.GetGrain<ITickGrain>("loop").StartTickingAsync(TimeSpan.FromDays(1), TimeSpan.FromDays(1));

        await host.AdvanceAsync(TimeSpan.FromDays(730));

        Assert.Equal(Enumerable.Range(1, 730).Select(d => host.Clock.Start + TimeSpan.FromDays(d)), probe.TicksOf("loop"));
    }
}

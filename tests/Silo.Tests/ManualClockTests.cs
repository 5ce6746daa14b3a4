using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Silo.Tests;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimersFireInDueOrderAtTheirDueTimeWhenTheClockPassesThem()
    {
        var clock = new ManualClock(Start);
        var fired = new List<(string, DateTimeOffset)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.AdvanceBy(TimeSpan.FromMinutes(59));
        Assert.Empty(fired);
        clock.AdvanceBy(TimeSpan.FromHours(3));

        Assert.Equal([("early", Start.AddHours(1)), ("late", Start.AddHours(2))], fired);
        Assert.Equal(Start.AddMinutes(239), clock.GetUtcNow());
    }

    [Fact]
    public void PeriodicTimerFiresOncePerPeriodPassed()
    {
        var clock = new ManualClock(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        clock.AdvanceBy(TimeSpan.FromMinutes(35));

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task DelayOnTheClockCompletesWhenAdvanced()
    {
        var clock = new ManualClock(Start);
        var delay = Task.Delay(TimeSpan.FromDays(30), clock);
        Assert.False(delay.IsCompleted);

        clock.AdvanceBy(TimeSpan.FromDays(30));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void DisposedTimerDoesNotFireAndTheClockNeverGoesBack()
    {
        var clock = new ManualClock(Start);
        var fired = false;
        clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan).Dispose();
        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.False(fired);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start));
    }
}

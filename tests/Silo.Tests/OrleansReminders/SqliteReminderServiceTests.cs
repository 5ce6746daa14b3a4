using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>
/// Orleans' reminder service on a real (one-silo) cluster over the SQLite table, its reminder and grain clocks replaced
/// by a FakeTimeProvider (the keyed services; the unkeyed TimeProvider stays the system's). As observed here: one
/// advance delivers at most one tick, at once, timed "now"; the schedule stays on StartAt + n * period. So a test
/// delivers n ticks by n advances, each waiting for its tick before the next.
/// </summary>
public sealed class SqliteReminderServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _database = new();
    private readonly TimerRecordingClock _clock = new(T0);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSqliteReminderService(options => options.FilePath = _database.FilePath);
            silo.ConfigureServices(services =>
            {
                services.AddSingleton<ReminderTickLog>();
                services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _clock);
                services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, _clock);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _database.Dispose();
    }

    private ReminderTickLog Log => _cluster.Silos[0].ServiceProvider.GetRequiredService<ReminderTickLog>();

    [Fact]
    public async Task OneMinuteReminderTicksOncePerAdvanceOfTheFakeClock()
    {
        var probe = _cluster.Client.GetGrain<IReminderProbeGrain>("unit-1");

        await probe.RegisterAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        Assert.IsType<SqliteReminderTable>(_cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>());
        Assert.Equal(1L, RowsInFile());

        for (var minute = 1; minute <= 3; minute++) await AdvanceAndAwaitTick(TimeSpan.FromMinutes(1), minute);
        // Ten due ticks at once: one tick now, the missed ones skipped; the next comes a period later.
        await AdvanceAndAwaitTick(TimeSpan.FromMinutes(10), 4);
        await AdvanceAndAwaitTick(TimeSpan.FromMinutes(1), 5);

        var ticks = Log.Ticks.ToList();
        Assert.All(ticks, t => Assert.Equal(("unit-1", ReminderProbeGrain.ReminderName), (t.Grain, t.Reminder)));
        Assert.Equal([1, 2, 3, 13, 14], ticks.Select(t => (int)(t.CurrentTickTime - T0.UtcDateTime).TotalMinutes));
        Assert.All(ticks, t => Assert.Equal(T0.UtcDateTime.AddMinutes(1), t.FirstTickTime));
    }

    private async Task AdvanceAndAwaitTick(TimeSpan step, int ticks)
    {
        // The reminder service arms its wait for the next tick after delivering the last one; advancing before that would
        // let it measure the wait from the advanced time. Every tick here is on the one-minute grid, so the wait it arms
        // with a new timer is due one minute from now. After a late tick it re-arms an existing timer, which this clock
        // does not see, so the wait for a new timer is bounded.
        var nextTick = _clock.GetUtcNow().AddMinutes(1);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_clock.HasTimerDueAt(nextTick) && waited.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(10);
        _clock.Advance(step);
        waited.Restart();
        while (Log.Ticks.Count < ticks && waited.Elapsed < TestSilos.Patience) await Task.Delay(10);
        Assert.True(Log.Ticks.Count >= ticks, $"tick {ticks} did not arrive after advancing the clock to {_clock.GetUtcNow():HH:mm:ss}");
    }

    private long RowsInFile()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orleans_reminder";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>A fake clock that remembers when each timer created on it falls due.</summary>
internal sealed class TimerRecordingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateTimeOffset, bool> _dueTimes = new();

    public bool HasTimerDueAt(DateTimeOffset due) => _dueTimes.ContainsKey(due);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan) _dueTimes.TryAdd(GetUtcNow() + dueTime, true);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}

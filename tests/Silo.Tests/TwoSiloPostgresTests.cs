using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Telemetry;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;
using static OrleansTilsyn.Silo.Tests.Support.TestSilos;

namespace OrleansTilsyn.Silo.Tests;

/// <summary>Two silos of one cluster sharing a PostgreSQL database, driven through grains (not the store).</summary>
public sealed class TwoSiloPostgresTests
{
    private const int Commands = 10_000;
    private const int HotGrains = 8;
    private const int CallersPerSilo = 16;

    [Fact]
    public async Task TwoSilosHammeringTheSameGrainsLoseNoUpdate()
    {
        var probe = new TestProbe();
        await using var cluster = await StartAsync(StoreKind.Postgres, probe, silos: 2);
        using var staleWrites = new StaleWriteCounter();
        var remaining = Commands;
        var conflicts = 0;

        async Task Caller(int silo, int caller)
        {
            var factory = cluster.Silo(silo).GrainFactory;
            for (var i = caller; Interlocked.Decrement(ref remaining) >= 0; i++)
            {
                var grain = factory.GetGrain<ICounterGrain>($"hot-{i % HotGrains}");
                while (true)
                {
                    try
                    {
                        await grain.IncrementAsync();
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        }

        var callers = Enumerable.Range(0, 2).SelectMany(silo => Enumerable.Range(0, CallersPerSilo).Select(c => Caller(silo, c)));
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromMinutes(5));

        var total = 0L;
        for (var g = 0; g < HotGrains; g++)
        {
            var id = new GrainId("test-counter", $"hot-{g}");
            var fromFirst = await cluster.Silo(0).GrainFactory.GetGrain<ICounterGrain>($"hot-{g}").GetAsync();
            var fromSecond = await cluster.Silo(1).GrainFactory.GetGrain<ICounterGrain>($"hot-{g}").GetAsync();
            var audit = await cluster.Store.ReadAuditAsync(id, CancellationToken.None);
            Assert.Equal(fromFirst, fromSecond);
            Assert.Equal(fromFirst, audit.Count);
            Assert.Equal(Enumerable.Range(1, fromFirst).Select(v => (long)v), audit.Select(a => a.Version));
            total += fromFirst;
        }

        Assert.Equal(Commands, total);
        Assert.True(staleWrites.Count > 0, "The two silos never wrote over each other: the test did not exercise conflicts.");
    }

    [Fact]
    public async Task TwoSilosDeliverEveryReminderExactlyOnce()
    {
        var probe = new TestProbe();
        await using var cluster = await StartAsync(StoreKind.Postgres, probe, silos: 2);
        const int grains = 200, perGrain = 10;
        for (var g = 0; g < grains; g++)
        {
            var grain = cluster.Silo(g % 2).GrainFactory.GetGrain<IReminderGrain>($"r-{g}");
            for (var r = 0; r < perGrain; r++) await grain.ScheduleAsync($"due-{r}", Start.AddMinutes(1 + (g + r) % 37));
        }

        // 2,000 reminder deliveries through PostgreSQL from two silos: the bound is patience on a loaded machine, not a timing claim.
        await cluster.AdvanceByAsync(TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromMinutes(3));

        var delivered = probe.Deliveries.GroupBy(d => (d.Grain, d.Reminder)).ToList();
        Assert.Equal(grains * perGrain, delivered.Count);
        Assert.All(delivered, occurrence => Assert.Single(occurrence));
        Assert.Equal(0, (await cluster.Store.CountAsync(CancellationToken.None)).Reminders);
    }

    /// <summary>Counts the runtime's stale-write events while alive.</summary>
    private sealed class StaleWriteCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public StaleWriteCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SiloTelemetry.Name && instrument.Name == "tilsyn.state.stale_writes")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

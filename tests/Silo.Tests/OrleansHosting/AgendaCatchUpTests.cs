using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Telemetry;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

/// <summary>
/// The agenda catch-up on the embedded stores: reminders registered by a first host at T0, that host stopped, a second
/// host started an hour later on the same folder (Orleans skips the ticks missed in between).
/// </summary>
public sealed class AgendaCatchUpTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Restart = T0.AddHours(1);

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AStartedSiloWakesEachPastDueAgendaGrainOnceAndNotThoseDueLater()
    {
        await ScheduleAndStopAsync(("due-", TimeSpan.FromMinutes(10), 5), ("due-at-restart-", TimeSpan.FromHours(1), 1), ("later-", TimeSpan.FromHours(3), 3));

        await using var host = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, Restart);
        var result = await host.CatchUp;

        Assert.Equal(new AgendaCatchUpResult(Due: 6, Woken: 6, Failed: 0, NotYetDue: 3), result);
        Assert.Equal(
            [.. Enumerable.Range(0, 5).Select(i => ("due-" + i, 1)), ("due-at-restart-0", 1)],
            host.Wakes.Wakes.Select(w => (w.Key, w.Value)).Order());
        Assert.Empty(host.Wakes.Ticks);
    }

    [Fact]
    public async Task NoMoreWakesRunAtOnceThanConfigured()
    {
        await ScheduleAndStopAsync(("due-", TimeSpan.FromMinutes(10), 12));
        var wakes = new AgendaWakeLog();
        wakes.Hold();

        await using var host = await TilsynTestHost.StartEmbeddedAsync(
            _folder.Path, Restart, silo => silo.AddAgendaCatchUp(o => o.MaxConcurrentWakes = 3), wakes);
        await Eventually(() => wakes.InFlight == 3, "three wakes in flight");
        wakes.Release();
        var result = await host.CatchUp;

        Assert.Equal(12, result.Woken);
        Assert.Equal(3, wakes.MaxInFlight);
        Assert.All(wakes.Wakes.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task AFailedWakeIsCountedAndTheOthersStillRun()
    {
        await ScheduleAndStopAsync(("due-", TimeSpan.FromMinutes(10), 2));
        var wakes = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: "tilsyn.agenda.catch_up.wakes", Meter.Name: SiloTelemetry.Name }) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: string outcome }) wakes.AddOrUpdate(outcome, value, (_, sum) => sum + value);
            }
        });
        listener.Start();

        await using var host = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, Restart, silo => silo.ConfigureServices(services =>
            services.AddSingleton(new AgendaWakeLog { FailFor = "due-1" })));
        var result = await host.CatchUp;

        Assert.Equal(new AgendaCatchUpResult(Due: 2, Woken: 1, Failed: 1, NotYetDue: 0), result);
        Assert.Equal(["due-0"], host.Wakes.Wakes.Keys);
        // Other tests' silos catch up in parallel on the same meter: they may add to the counts, never take away.
        Assert.True(wakes.GetValueOrDefault("woken") >= 1, "woken wakes are counted");
        Assert.True(wakes.GetValueOrDefault("failed") >= 1, "failed wakes are counted");
    }

    private async Task ScheduleAndStopAsync(params (string Prefix, TimeSpan DueIn, int Count)[] groups)
    {
        await using var host = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0);
        Assert.Equal(new AgendaCatchUpResult(0, 0, 0, 0), await host.CatchUp);
        foreach (var (prefix, dueIn, count) in groups)
        {
            for (var i = 0; i < count; i++) await host.Grains.GetGrain<IAgendaProbeGrain>(prefix + i).ScheduleAsync(dueIn);
        }
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TestSilos.Patience) await Task.Delay(10);
        Assert.True(condition(), $"never saw {what}");
    }
}

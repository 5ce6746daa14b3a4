using System.Diagnostics;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Benchmarks;

/// <summary>CPU cost of single unit-grain operations on the in-memory store (one caller, no parallelism).</summary>
public static class UnitCommandCost
{
    public static async Task RunAsync(int units = 2000)
    {
        var clock = new ManualClock(new DateTimeOffset(2023, 3, 30, 12, 0, 0, TimeSpan.Zero));
        await using var store = new InMemoryGrainStore();
        await using var silo = await TilsynSilo.StartAsync(new SiloOptions { SiloName = "cost", PollReminders = false }, store, clock);
        var admin = new Actor("forvaltning", "administration");
        var ids = Enumerable.Range(0, units).Select(i => $"u-{i:D5}").ToArray();
        using (CallContext.As(admin))
        {
            await silo.GrainFactory.GetGrain<IAreaGrain>("0-6/2021").SetThemesAsync([new("A", "A")]);
            await Measure("register", ids, id => silo.GrainFactory.GetGrain<IUnitGrain>(id).RegisterAsync(
                new UnitDto(id, "Enhed", Sector.Dagtilbud, $"leder-{id}", "chef-1", $"b-{id}", [])));
            await Measure("get timeline", ids, id => silo.GrainFactory.GetGrain<IUnitGrain>(id).GetTimelineAsync());
            await Measure("data package released (no change)", ids, id => silo.GrainFactory.GetGrain<IUnitGrain>(id).DataPackageReleasedAsync("2023-Spring"));
            await Measure("complete overview (refused)", ids, id => silo.GrainFactory.GetGrain<IUnitGrain>(id).CompleteFocusAreaOverviewAsync());
            await Measure("schedule 1:1 (commit, no tasks)", ids, id => silo.GrainFactory.GetGrain<IUnitGrain>(id).ScheduleOneToOneAsync("2021-Autumn.3", clock.GetUtcNow().AddDays(1)));
        }

        foreach (var id in ids.Take(1)) Console.WriteLine($"state {(await store.ReadStateAsync(new GrainId("unit", id), default))!.StateJson.Length} bytes");
    }

    private static async Task Measure<T>(string name, string[] ids, Func<string, Task<T>> call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        foreach (var id in ids) await call(id);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name,-40} {wall.Elapsed.TotalMicroseconds / ids.Length,8:0} µs wall {used.TotalMicroseconds / ids.Length,8:0} µs cpu per call");
    }
}

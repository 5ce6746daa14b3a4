using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// Memory per idle activation: N grains whose small state is stored in SQLite (so the store holds nothing
/// on the managed heap) are activated through grain references; the managed heap after a full blocking
/// GC, minus the same before, divided by N. Then the silo's own idle collector (on a manual real-time
/// clock moved past SiloOptions.IdleDeactivationAfter) deactivates them and the heap is measured again.
/// Working set deltas are printed beside, but they depend on when the GC returns memory to the OS.
/// </summary>
public static class ActivationMemory
{
    public static readonly int[] Sizes = [10_000, 100_000];

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== memory: idle activations with a small stored state, SQLite store, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        using var file = new TempSqliteFile("memory");
        await SeedAsync(file.ConnectionString, Sizes.Max());
        var results = new List<BenchmarkResult>();
        foreach (var count in Sizes)
        {
            var retained = new List<double>();
            var workingSet = new List<double>();
            var perActivation = await Measurement.RepeatAsync($"heap per activation (N={count:N0})", "B", settings, async () =>
            {
                var run = await RunOnceAsync(file.ConnectionString, count);
                retained.Add(run.RetainedPerActivation);
                workingSet.Add(run.WorkingSetPerActivation);
                return run.HeapPerActivation;
            });
            results.Add(new($"memory: managed heap per idle activation, N={count:N0}", "B", perActivation, HigherIsBetter: false));
            results.Add(new($"memory: heap left per activation after idle collection, N={count:N0}", "B", new Samples(retained[settings.Warmups..]), HigherIsBetter: false));
            results.Add(new($"memory: working set per activation, N={count:N0}", "B", new Samples(workingSet[settings.Warmups..]), HigherIsBetter: false));
        }

        return results;
    }

    internal sealed record MemoryRun(double HeapPerActivation, double RetainedPerActivation, double WorkingSetPerActivation);

    internal static async Task<MemoryRun> RunOnceAsync(string connectionString, int count)
    {
        var realTime = new ManualClock(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));
        var options = new SiloOptions { SiloName = "bench", PollReminders = false, InfrastructureTime = realTime };
        options.GrainAssemblies.Add(typeof(IdleGrain).Assembly);
        await using var store = new SqliteGrainStore(connectionString);
        await using var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System);
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (i, _) => await silo.GrainFactory.GetGrain<IIdleGrain>("warm-" + i).VisitsAsync());
        await CollectIdleAsync(silo, realTime);

        var heapBefore = Measurement.CollectAndMeasureHeap();
        var workingSetBefore = WorkingSet();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await silo.GrainFactory.GetGrain<IIdleGrain>(Key(i)).VisitsAsync());
        var heapActive = Measurement.CollectAndMeasureHeap();
        var workingSetActive = WorkingSet();
        Check.That(silo.ActivationCount == count, $"{count:N0} activations alive after a full GC");

        var collecting = Stopwatch.StartNew();
        await CollectIdleAsync(silo, realTime);
        Check.That(silo.ActivationCount == 0, $"the idle collector deactivated all {count:N0} in {collecting.Elapsed.TotalSeconds:N2} s");
        var heapAfter = Measurement.CollectAndMeasureHeap();

        var run = new MemoryRun(
            (double)(heapActive - heapBefore) / count,
            (double)(heapAfter - heapBefore) / count,
            (double)(workingSetActive - workingSetBefore) / count);
        Console.WriteLine(
            $"    heap {Mb(heapBefore)} -> {Mb(heapActive)} with {count:N0} active -> {Mb(heapAfter)} after idle collection; " +
            $"working set {Mb(workingSetBefore)} -> {Mb(workingSetActive)} ({run.WorkingSetPerActivation:N0} B each)");
        Console.WriteLine($"    heap left after collection: {run.RetainedPerActivation:N0} B per former activation (the factory keeps grain references cached until it holds SiloOptions.ProxyCacheSize = {silo.Options.ProxyCacheSize:N0}, then empties the cache)");
        return run;
    }

    /// <summary>Moves the manual real-time clock past the idle limit, then interval by interval, until the collector has run.</summary>
    private static async Task CollectIdleAsync(TilsynSilo silo, ManualClock realTime)
    {
        realTime.AdvanceBy(silo.Options.IdleDeactivationAfter);
        var deadline = Stopwatch.StartNew();
        while (silo.ActivationCount > 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            realTime.AdvanceBy(silo.Options.IdleCollectionInterval);
            await Task.Delay(20);
        }
    }

    internal static async Task SeedAsync(string connectionString, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var store = new SqliteGrainStore(connectionString);
        await store.InitializeAsync(CancellationToken.None);
        var json = StateJson.CreateOptions();
        var since = new DateTimeOffset(2029, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var type = GrainTypeName.Of(typeof(IIdleGrain));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
        {
            var grain = new GrainId(type, Key(i));
            var state = new IdleGrainState { Title = "Team " + i, Visits = i % 50, Since = since.AddMinutes(i) };
            var audit = new AuditEvent(grain, 0, since, "system:seed", "seed", "ok", null);
            await store.WriteStateAsync(new StateWrite(grain, 0, JsonSerializer.Serialize(state, json), audit, []), token);
        });
        Console.WriteLine($"  seeded {count:N0} grain states in {stopwatch.Elapsed.TotalSeconds:N2} s");
    }

    private static string Key(int i) => "idle-" + i;

    internal static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    internal static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";
}

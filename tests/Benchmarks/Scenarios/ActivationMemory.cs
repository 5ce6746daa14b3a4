using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Grains.Common;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// Managed heap per idle Orleans activation of a small committing grain (goal: at most 10 KB) for N = 10,000 and
/// 100,000 (--quick: 2,000 and 10,000): the states are seeded in the embedded stores' SQLite file, then each repetition
/// starts a silo on that folder, activates the N grains and measures the heap after a full blocking GC against the
/// same before; then Orleans' activation collector (forced, age limit zero) deactivates them and the heap is
/// measured again. The working set per activation is reported beside.
/// </summary>
public static class ActivationMemory
{
    public const double TargetBytes = 10 * 1024;

    private static readonly int[] Sizes = [10_000, 100_000];
    private static readonly int[] QuickSizes = [2_000, 10_000];

    private static readonly DateTimeOffset Since = new(2029, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Per activation: heap while active, heap left after collection, working set while active (bytes).</summary>
    private sealed record MemoryRun(double HeapPerActivation, double RetainedPerActivation, double WorkingSetPerActivation);

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        var sizes = settings.Quick ? QuickSizes : Sizes;
        Console.WriteLine($"== memory: idle committing grains with a small stored state, embedded SQLite stores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        using var folder = new TempDataFolder("memory");
        await SeedAsync(folder.Path, sizes.Max());

        var results = new List<BenchmarkResult>();
        foreach (var count in sizes)
        {
            var retained = new List<double>();
            var workingSet = new List<double>();
            var heap = await Measurement.RepeatAsync($"heap per activation (N={count:N0})", "B", settings, async () =>
            {
                var run = await RunOnceAsync(folder.Path, count);
                retained.Add(run.RetainedPerActivation);
                workingSet.Add(run.WorkingSetPerActivation);
                return run.HeapPerActivation;
            });

            results.Add(new($"memory: managed heap per idle activation, N={count:N0}", "B", heap, Target.Maximum(TargetBytes), HigherIsBetter: false));
            results.Add(new($"memory: heap left per activation after collection, N={count:N0}", "B", new Samples(retained[settings.Warmups..]), HigherIsBetter: false));
            results.Add(new($"memory: working set per activation, N={count:N0}", "B", new Samples(workingSet[settings.Warmups..]), HigherIsBetter: false));
        }

        return results;
    }

    private static async Task<MemoryRun> RunOnceAsync(string dataFolder, int count)
    {
        await using var silo = await BenchSilo.StartAsync(BenchStores.Sqlite, dataFolder);
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (i, _) => await silo.Grains.GetGrain<IIdleCommittingGrain>("warm-" + i).VisitsAsync());
        await CollectAllAsync(silo);

        var heapBefore = Measurement.CollectAndMeasureHeap();
        var workingSetBefore = WorkingSet();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await silo.Grains.GetGrain<IIdleCommittingGrain>(Key(i)).VisitsAsync());
        var heapActive = Measurement.CollectAndMeasureHeap();
        var workingSetActive = WorkingSet();
        var active = await silo.ActivationsOfAsync(IdleCommittingGrain.GrainTypeName);
        Check.That(active == count, $"{count:N0} activations alive after a full GC (found {active:N0})");
        var visits = await silo.Grains.GetGrain<IIdleCommittingGrain>(Key(count - 1)).VisitsAsync();
        Check.That(visits == (count - 1) % 50, "the activations loaded their seeded state");

        var collecting = Stopwatch.StartNew();
        await CollectAllAsync(silo);
        Check.That(await silo.ActivationsOfAsync(IdleCommittingGrain.GrainTypeName) == 0,
            $"Orleans' activation collector deactivated all {count:N0} in {collecting.Elapsed.TotalSeconds:N2} s");
        var heapAfter = Measurement.CollectAndMeasureHeap();

        var run = new MemoryRun(
            (double)(heapActive - heapBefore) / count,
            (double)(heapAfter - heapBefore) / count,
            (double)(workingSetActive - workingSetBefore) / count);
        Console.WriteLine(
            $"    heap {Mb(heapBefore)} -> {Mb(heapActive)} with {count:N0} active -> " +
            $"{Mb(heapAfter)} after collection; working set {Mb(workingSetBefore)} -> " +
            $"{Mb(workingSetActive)} ({run.WorkingSetPerActivation:N0} B each)");
        return run;
    }

    /// <summary>Forces Orleans' activation collector (age limit zero) until no idle grain is left, for at most a minute.</summary>
    private static async Task CollectAllAsync(BenchSilo silo)
    {
        var waited = Stopwatch.StartNew();
        do
        {
            await silo.CollectIdleActivationsAsync(TimeSpan.Zero);
            if (await silo.ActivationsOfAsync(IdleCommittingGrain.GrainTypeName) == 0) return;
            await Task.Delay(20);
        }
        while (waited.Elapsed < TimeSpan.FromMinutes(1));
    }

    /// <summary>Writes the grains' committed states straight through the silo's default grain storage (no activations).</summary>
    private static async Task SeedAsync(string dataFolder, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var silo = await BenchSilo.StartAsync(BenchStores.Sqlite, dataFolder);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var state = new IdleCommittingState { Title = "Team " + i, Visits = i % 50, Since = Since.AddMinutes(i) };
            var committed = new Committed<IdleCommittingState> { Value = state, Version = 1 };
            var grain = GrainId.Create(IdleCommittingGrain.GrainTypeName, Key(i));
            await storage.WriteStateAsync(IdleCommittingGrain.StateName, grain, new GrainState<Committed<IdleCommittingState>>(committed));
        });
        Console.WriteLine($"  seeded {count:N0} grain states in {stopwatch.Elapsed.TotalSeconds:N2} s");
    }

    private static string Key(int i) => "idle-" + i;

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";
}

using System.Diagnostics;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Benchmarks;

/// <summary>No-op grain calls per second through proxies over many activations (target: 300,000/s on 2 cores).</summary>
public static class GrainCallThroughput
{
    public static async Task<double> RunAsync(int activations = 10_000, int workers = 8, TimeSpan? duration = null)
    {
        var options = new SiloOptions { SiloName = "bench", PollReminders = false };
        options.GrainAssemblies.Add(typeof(NoOpGrain).Assembly);
        await using var store = new InMemoryGrainStore();
        await using var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System);
        var grains = Enumerable.Range(0, activations).Select(i => silo.GrainFactory.GetGrain<INoOpGrain>($"g{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.NoOpAsync()));

        await MeasureAsync(grains, workers, TimeSpan.FromSeconds(1)); // warm-up (JIT tiering)
        var rate = await MeasureAsync(grains, workers, duration ?? TimeSpan.FromSeconds(5));
        Console.WriteLine($"grain calls: {rate:N0}/s over {silo.ActivationCount:N0} activations, {workers} callers, {Environment.ProcessorCount} cores");
        return rate;
    }

    private static async Task<double> MeasureAsync(INoOpGrain[] grains, int workers, TimeSpan duration)
    {
        long calls = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            long mine = 0;
            for (var i = w; stopwatch.Elapsed < duration; i = (i + workers) % grains.Length)
            {
                await grains[i].NoOpAsync();
                mine++;
            }

            Interlocked.Add(ref calls, mine);
        })));
        return calls / stopwatch.Elapsed.TotalSeconds;
    }
}

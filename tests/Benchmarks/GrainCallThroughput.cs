using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// No-op grain calls per second through the grain references of <see cref="TilsynSilo.GrainFactory"/>
/// over 10,000 activations that are all activated before timing (target: 300,000/s on 2 cores).
/// Each caller walks its own stride of grains, so calls rarely queue behind each other.
/// </summary>
public static class GrainCallThroughput
{
    public const int Activations = 10_000;
    public const int Callers = 8;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== grain-calls: no-op calls over {Activations:N0} activations, {Callers} concurrent callers, {Environment.ProcessorCount} cores");
        var options = new SiloOptions { SiloName = "bench", PollReminders = false };
        options.GrainAssemblies.Add(typeof(NoOpGrain).Assembly);
        await using var store = new InMemoryGrainStore();
        await using var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System);
        var grains = Enumerable.Range(0, Activations).Select(i => silo.GrainFactory.GetGrain<INoOpGrain>($"g{i}")).ToArray();
        Check.That(grains.All(g => g is GrainProxy), "grain references are the runtime's proxies");
        await Task.WhenAll(grains.Select(g => g.NoOpAsync()));
        Check.That(silo.ActivationCount == Activations, $"{Activations:N0} activations before timing (found {silo.ActivationCount:N0})");

        long counted = Activations;
        var samples = await Measurement.RepeatAsync("grain calls", "calls/s", settings, async () =>
        {
            var run = await CallerLoad.RunAsync(Callers, settings.Duration,
                (caller, n) => grains[(int)((caller + n * Callers) % Activations)].NoOpAsync());
            counted += run.Operations;
            Console.WriteLine($"    {run.Operations:N0} calls in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per call");
            return run.PerSecond;
        });

        Check.That(silo.ActivationCount == Activations, "no activation was added or dropped while timing");
        var executed = (await Task.WhenAll(grains.Select(g => g.CallsAsync()))).Sum();
        Check.That(executed == counted, $"every counted call ran on its grain ({executed:N0} ran, {counted:N0} counted)");
        return [new BenchmarkResult($"grain-calls: no-op calls, {Activations:N0} activations", "calls/s", samples, Target.Minimum(300_000))];
    }
}

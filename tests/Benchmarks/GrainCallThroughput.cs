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
        await using var load = await OldGrainCallLoad.StartAsync(Callers);
        var samples = await Measurement.RepeatAsync("grain calls", "calls/s", settings, () => load.RunAsync(settings.Duration));
        await load.VerifyAsync();
        return [new BenchmarkResult($"grain-calls: no-op calls, {Activations:N0} activations", "calls/s", samples, Target.Minimum(300_000))];
    }
}

/// <summary>The old runtime's no-op grains, all activated, called by <c>callers</c> concurrent callers.</summary>
public sealed class OldGrainCallLoad : ITimedLoad
{
    private readonly InMemoryGrainStore _store;
    private readonly TilsynSilo _silo;
    private readonly INoOpGrain[] _grains;
    private readonly int _callers;
    private long _counted;

    private OldGrainCallLoad(InMemoryGrainStore store, TilsynSilo silo, INoOpGrain[] grains, int callers)
    {
        _store = store;
        _silo = silo;
        _grains = grains;
        _callers = callers;
        _counted = grains.Length;
    }

    public static async Task<OldGrainCallLoad> StartAsync(int callers)
    {
        var options = new SiloOptions { SiloName = "bench", PollReminders = false };
        options.GrainAssemblies.Add(typeof(NoOpGrain).Assembly);
        var store = new InMemoryGrainStore();
        var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System);
        var grains = Enumerable.Range(0, GrainCallThroughput.Activations).Select(i => silo.GrainFactory.GetGrain<INoOpGrain>($"g{i}")).ToArray();
        Check.That(grains.All(g => g is GrainProxy), "grain references are the runtime's proxies");
        await Task.WhenAll(grains.Select(g => g.NoOpAsync()));
        Check.That(silo.ActivationCount == grains.Length, $"{grains.Length:N0} activations before timing (found {silo.ActivationCount:N0})");
        return new OldGrainCallLoad(store, silo, grains, callers);
    }

    public async Task<double> RunAsync(TimeSpan duration)
    {
        var run = await CallerLoad.RunAsync(_callers, duration, (caller, n) => _grains[(int)((caller + n * _callers) % _grains.Length)].NoOpAsync());
        _counted += run.Operations;
        Console.WriteLine($"    old runtime: {run.Operations:N0} calls in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per call");
        return run.PerSecond;
    }

    public async Task VerifyAsync()
    {
        Check.That(_silo.ActivationCount == _grains.Length, "no activation was added or dropped while timing");
        var executed = (await Task.WhenAll(_grains.Select(g => g.CallsAsync()))).Sum();
        Check.That(executed == _counted, $"every counted call ran on its grain ({executed:N0} ran, {_counted:N0} counted)");
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _store.DisposeAsync();
    }
}

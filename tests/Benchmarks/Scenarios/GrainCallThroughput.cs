namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// No-op grain calls per second on a real Orleans silo in this process: 10,000 activations, all activated before
/// timing, 64 concurrent callers through the silo's own grain factory (goal: 300,000/s).
/// </summary>
public static class GrainCallThroughput
{
    public const int Activations = 10_000;
    public const int Callers = 64;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== grain-calls: no-op calls over {Activations:N0} activations, {Callers} concurrent callers, {Environment.ProcessorCount} cores");
        await using var load = await GrainCallLoad.StartAsync(Activations, Callers);
        var samples = await Measurement.RepeatAsync("grain calls", "calls/s", settings, () => load.RunAsync(settings.Duration));
        await load.VerifyAsync();
        return [new BenchmarkResult($"grain-calls: no-op calls, {Activations:N0} activations, {Callers} callers", "calls/s", samples, Target.Minimum(300_000))];
    }
}

/// <summary>No-op grains, all activated, called by <c>callers</c> concurrent callers, each on its own stride of grains.</summary>
public sealed class GrainCallLoad : IAsyncDisposable
{
    private readonly BenchSilo _silo;
    private readonly INoOpGrain[] _grains;
    private readonly int _callers;
    private long _counted;

    private GrainCallLoad(BenchSilo silo, INoOpGrain[] grains, int callers)
    {
        _silo = silo;
        _grains = grains;
        _callers = callers;
        _counted = grains.Length;
    }

    public static async Task<GrainCallLoad> StartAsync(int activations, int callers)
    {
        var silo = await BenchSilo.StartAsync(BenchStores.Memory);
        var grains = Enumerable.Range(0, activations).Select(i => silo.Grains.GetGrain<INoOpGrain>($"g{i}")).ToArray();
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (grain, _) => await grain.NoOpAsync());
        var active = await silo.ActivationsOfAsync(NoOpGrain.GrainTypeName);
        Check.That(active == activations, $"{activations:N0} activations before timing (found {active:N0})");
        return new GrainCallLoad(silo, grains, callers);
    }

    public async Task<double> RunAsync(TimeSpan duration)
    {
        var run = await CallerLoad.RunAsync(_callers, duration, (caller, n) => _grains[(int)((caller + n * _callers) % _grains.Length)].NoOpAsync());
        _counted += run.Operations;
        Console.WriteLine($"    {run.Operations:N0} calls in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per call");
        return run.PerSecond;
    }

    public async Task VerifyAsync()
    {
        var active = await _silo.ActivationsOfAsync(NoOpGrain.GrainTypeName);
        Check.That(active == _grains.Length, $"no activation was added or dropped while timing ({active:N0})");
        var executed = (await Task.WhenAll(_grains.Select(g => g.CallsAsync()))).Sum();
        Check.That(executed == _counted, $"every counted call ran on its grain ({executed:N0} ran, {_counted:N0} counted)");
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}

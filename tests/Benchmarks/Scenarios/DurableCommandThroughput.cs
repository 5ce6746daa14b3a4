using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// Durable commands per second on a real Orleans silo: 64 concurrent callers, each calling a random one of 1,000 live
/// <see cref="CommandLedgerGrain"/>s (a <c>CommittingGrain</c>: one commit = state write with its audit event, the event
/// then appended to the audit log). On the embedded stores (SQLite files in a temp folder; goal 5,000/s) and on memory
/// storage.
/// </summary>
public static class DurableCommandThroughput
{
    public const int Grains = 1_000;
    public const int Callers = 64;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== durable-commands: {Callers} callers over {Grains:N0} grains, state + audit per command, {Environment.ProcessorCount} cores");
        var results = new List<BenchmarkResult>();
        using (var folder = new TempDataFolder("durable"))
        {
            await using var sqlite = await CommandLedgerLoad.StartAsync("sqlite", BenchStores.Sqlite, folder.Path);
            results.Add(await MeasureAsync(sqlite, settings, Target.Minimum(5_000)));
        }

        await using (var memory = await CommandLedgerLoad.StartAsync("memory", BenchStores.Memory, null))
            results.Add(await MeasureAsync(memory, settings, null));

        return results;
    }

    private static async Task<BenchmarkResult> MeasureAsync(CommandLedgerLoad load, BenchmarkSettings settings, Target? target)
    {
        Console.WriteLine($"-- {load.StoreName}");
        var samples = await Measurement.RepeatAsync($"durable commands ({load.StoreName})", "commands/s", settings, () => load.RunAsync(settings.Duration));
        await load.VerifyAsync();
        return new BenchmarkResult($"durable-commands: {load.StoreName}", "commands/s", samples, target);
    }
}

/// <summary>The durable command load: 1,000 live committing grains, each command a random grain's commit.</summary>
public sealed class CommandLedgerLoad : IAsyncDisposable
{
    private readonly BenchSilo _silo;
    private readonly ICommandLedgerGrain[] _grains;
    private readonly Random[] _random;
    private long _issued;

    private CommandLedgerLoad(string storeName, BenchSilo silo, ICommandLedgerGrain[] grains)
    {
        StoreName = storeName;
        _silo = silo;
        _grains = grains;
        _random = Enumerable.Range(0, DurableCommandThroughput.Callers).Select(caller => new Random(caller)).ToArray();
        _issued = grains.Length;
    }

    public string StoreName { get; }

    public static async Task<CommandLedgerLoad> StartAsync(string storeName, BenchStores stores, string? dataFolder)
    {
        var silo = await BenchSilo.StartAsync(stores, dataFolder);
        var grains = Enumerable.Range(0, DurableCommandThroughput.Grains).Select(i => silo.Grains.GetGrain<ICommandLedgerGrain>(Key(i))).ToArray();

        // The first command activates each grain and creates its state row; timing then measures commits of live grains.
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = DurableCommandThroughput.Callers }, async (grain, _) => await grain.PostAsync(1));
        var active = await silo.ActivationsOfAsync(CommandLedgerGrain.GrainTypeName);
        Check.That(active == grains.Length, $"{grains.Length:N0} activations before timing ({storeName})");
        return new CommandLedgerLoad(storeName, silo, grains);
    }

    public async Task<double> RunAsync(TimeSpan duration)
    {
        var run = await CallerLoad.RunAsync(DurableCommandThroughput.Callers, duration, (caller, _) => _grains[_random[caller].Next(_grains.Length)].PostAsync(1));
        _issued += run.Operations;
        Console.WriteLine($"    {StoreName}: {run.Operations:N0} commands in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per command");
        return run.PerSecond;
    }

    public async Task VerifyAsync()
    {
        var audit = _silo.Services.GetRequiredService<IAuditLog>();
        var events = (await Task.WhenAll(Enumerable.Range(0, _grains.Length)
            .Select(i => audit.CountAsync(CommandLedgerGrain.AuditGrain(Key(i)), CancellationToken.None)))).Sum();
        Check.That(events == _issued, $"one audit event per command ({events:N0} events, {_issued:N0} commands, {StoreName})");
        var balances = (await Task.WhenAll(_grains.Select(g => g.GetAsync()))).Sum(s => s.Balance);
        Check.That(balances == _issued, $"the balances add up to the commands ({StoreName})");
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    private static string Key(int i) => $"ledger-{i}";
}

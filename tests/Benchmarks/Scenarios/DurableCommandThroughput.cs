using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// Durable commands per second on a real Orleans silo: 64 concurrent callers, each calling a random one of 1,000 live
/// <see cref="CommandLedgerGrain"/>s (a <c>CommittingGrain</c>: one commit = state write with its audit event, the event
/// then appended to the audit log). On the embedded stores (SQLite files in a temp folder; goal 5,000/s) and on memory
/// storage. With --compare the old runtime's <see cref="LedgerGrain"/> runs alternately on its SQLite and memory stores.
/// </summary>
public static class DurableCommandThroughput
{
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== orleans-durable-commands: {DurableCommandThroughput.Callers} callers over {DurableCommandThroughput.Grains:N0} grains, " +
            $"state + audit per command, {Environment.ProcessorCount} cores" + (settings.Compare ? ", alternating with the old runtime" : ""));
        var results = new List<BenchmarkResult>();
        using (var folder = new TempDataFolder("durable"))
        using (var oldFile = new TempSqliteFile("durable-old"))
        {
            await using var orleans = await CommandLedgerLoad.StartAsync("sqlite", BenchStores.Sqlite, folder.Path);
            results.AddRange(await MeasureAsync("sqlite", orleans, settings, Target.Minimum(10_000), Target.Minimum(5_000),
                () => OldLedgerLoad.StartAsync("sqlite", new SqliteGrainStore(oldFile.ConnectionString), settings.Profile)));
        }

        await using (var orleans = await CommandLedgerLoad.StartAsync("memory", BenchStores.Memory, null))
        {
            results.AddRange(await MeasureAsync("memory", orleans, settings, null, null,
                () => OldLedgerLoad.StartAsync("in-memory", new InMemoryGrainStore(), settings.Profile)));
        }

        return results;
    }

    private static async Task<IEnumerable<BenchmarkResult>> MeasureAsync(
        string storeName, CommandLedgerLoad orleans, BenchmarkSettings settings, Target? oldTarget, Target? orleansTarget, Func<Task<OldLedgerLoad>> startOld)
    {
        Console.WriteLine($"-- {storeName}");
        var name = $"durable-commands: {storeName}";
        if (!settings.Compare)
        {
            var samples = await Measurement.RepeatAsync($"orleans durable commands ({storeName})", "commands/s", settings, () => orleans.RunAsync(settings.Duration));
            await orleans.VerifyAsync();
            return [new BenchmarkResult($"{name}: orleans", "commands/s", samples, orleansTarget)];
        }

        await using var old = await startOld();
        var compared = await ComparedMeasurement.RepeatAlternatelyAsync($"durable commands ({storeName})", "commands/s", settings,
            () => old.RunAsync(settings.Duration), () => orleans.RunAsync(settings.Duration));
        await old.VerifyAsync();
        await orleans.VerifyAsync();
        return compared.Results(name, "commands/s", oldTarget, orleansTarget);
    }
}

/// <summary>Orleans' durable command load: 1,000 live committing grains, each command a random grain's commit.</summary>
public sealed class CommandLedgerLoad : ITimedLoad
{
    private readonly string _storeName;
    private readonly BenchSilo _silo;
    private readonly ICommandLedgerGrain[] _grains;
    private readonly Random[] _random;
    private long _issued;

    private CommandLedgerLoad(string storeName, BenchSilo silo, ICommandLedgerGrain[] grains)
    {
        _storeName = storeName;
        _silo = silo;
        _grains = grains;
        _random = Enumerable.Range(0, DurableCommandThroughput.Callers).Select(caller => new Random(caller)).ToArray();
        _issued = grains.Length;
    }

    public static async Task<CommandLedgerLoad> StartAsync(string storeName, BenchStores stores, string? dataFolder)
    {
        var silo = await BenchSilo.StartAsync(stores, dataFolder);
        var grains = Enumerable.Range(0, DurableCommandThroughput.Grains).Select(i => silo.Grains.GetGrain<ICommandLedgerGrain>(Key(i))).ToArray();

        // The first command activates each grain and creates its state row; timing then measures commits of live grains.
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = DurableCommandThroughput.Callers }, async (grain, _) => await grain.PostAsync(1));
        var active = await silo.ActivationsOfAsync(CommandLedgerGrain.GrainTypeName);
        Check.That(active == grains.Length, $"{grains.Length:N0} Orleans activations before timing ({storeName})");
        return new CommandLedgerLoad(storeName, silo, grains);
    }

    public async Task<double> RunAsync(TimeSpan duration)
    {
        var run = await CallerLoad.RunAsync(DurableCommandThroughput.Callers, duration, (caller, _) => _grains[_random[caller].Next(_grains.Length)].PostAsync(1));
        _issued += run.Operations;
        Console.WriteLine($"    orleans ({_storeName}): {run.Operations:N0} commands in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per command");
        return run.PerSecond;
    }

    public async Task VerifyAsync()
    {
        var audit = _silo.Services.GetRequiredService<IAuditLog>();
        var events = (await Task.WhenAll(Enumerable.Range(0, _grains.Length)
            .Select(i => audit.CountAsync(CommandLedgerGrain.AuditGrain(Key(i)), CancellationToken.None)))).Sum();
        Check.That(events == _issued, $"one audit event per Orleans command ({events:N0} events, {_issued:N0} commands, {_storeName})");
        var balances = (await Task.WhenAll(_grains.Select(g => g.GetAsync()))).Sum(s => s.Balance);
        Check.That(balances == _issued, $"the Orleans balances add up to the commands ({_storeName})");
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    private static string Key(int i) => $"ledger-{i}";
}

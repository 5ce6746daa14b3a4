using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// The old runtime's durable command load: <see cref="DurableCommandThroughput.Grains"/> live <see cref="LedgerGrain"/>s
/// on one store, each command a random grain's commit of state + audit event (optionally with a reminder).
/// </summary>
public sealed class OldLedgerLoad : ITimedLoad
{
    private readonly IGrainStore _store;
    private readonly TimedGrainStore? _timed;
    private readonly string _storeName;
    private readonly TilsynSilo _silo;
    private readonly ILedgerGrain[] _grains;
    private readonly Random[] _random;
    private long _issued;

    private OldLedgerLoad(IGrainStore store, TimedGrainStore? timed, string storeName, TilsynSilo silo, ILedgerGrain[] grains)
    {
        _store = store;
        _timed = timed;
        _storeName = storeName;
        _silo = silo;
        _grains = grains;
        _random = Enumerable.Range(0, DurableCommandThroughput.Callers).Select(caller => new Random(caller)).ToArray();
        _issued = grains.Length;
    }

    /// <summary>Starts a silo on <paramref name="engine"/> (owned from here on) and gives each grain its first command.</summary>
    public static async Task<OldLedgerLoad> StartAsync(string storeName, IGrainStore engine, bool profile)
    {
        var timed = profile ? new TimedGrainStore(engine) : null;
        IGrainStore store = timed ?? engine;
        var options = new SiloOptions { SiloName = "bench", PollReminders = false };
        options.GrainAssemblies.Add(typeof(LedgerGrain).Assembly);
        var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System);
        var grains = Enumerable.Range(0, DurableCommandThroughput.Grains).Select(i => silo.GrainFactory.GetGrain<ILedgerGrain>($"ledger-{i}")).ToArray();

        // The first command activates each grain and creates its state row; timing then measures commits of live grains.
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = DurableCommandThroughput.Callers }, async (grain, _) => await grain.PostAsync(1));
        Check.That(silo.ActivationCount == grains.Length, $"{grains.Length:N0} activations before timing");
        return new OldLedgerLoad(store, timed, storeName, silo, grains);
    }

    public Task<double> RunAsync(TimeSpan duration) => RunCommandsAsync(duration, (caller, _) => _grains[_random[caller].Next(_grains.Length)].PostAsync(1));

    public Task<double> RunWithReminderAsync(TimeSpan duration)
    {
        var followUpAt = _silo.Clock.GetUtcNow().AddDays(1);
        return RunCommandsAsync(duration, (caller, _) => _grains[_random[caller].Next(_grains.Length)].PostWithFollowUpAsync(1, followUpAt));
    }

    public async Task VerifyAsync()
    {
        var counts = await _store.CountAsync(CancellationToken.None);
        Check.That(counts.AuditEvents == _issued, $"one audit event per command ({counts.AuditEvents:N0} events, {_issued:N0} commands)");
        Check.That(counts.States == _grains.Length, $"{_grains.Length:N0} state rows");
        Check.That(counts.Reminders <= _grains.Length, $"at most one follow-up reminder per grain ({counts.Reminders:N0})");
        var balances = (await Task.WhenAll(_grains.Select(g => g.GetAsync()))).Sum(s => s.Balance);
        Check.That(balances == _issued, "the balances add up to the commands");
    }

    /// <summary>Reminder rows in the store: one per grain once the reminder variant has run.</summary>
    public async Task<long> RemindersAsync() => (await _store.CountAsync(CancellationToken.None)).Reminders;

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<double> RunCommandsAsync(TimeSpan duration, Func<int, long, Task> command)
    {
        var run = await CallerLoad.RunAsync(DurableCommandThroughput.Callers, duration, command);
        _issued += run.Operations;
        Console.WriteLine($"    old runtime ({_storeName}): {run.Operations:N0} commands in {run.Elapsed.TotalSeconds:N2} s, {run.BytesPerOperation:N0} B allocated per command");
        _timed?.PrintAndReset(_storeName);
        return run.PerSecond;
    }
}

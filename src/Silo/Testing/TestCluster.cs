using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Testing;

/// <summary>
/// N silos in one process on one shared store and one manual clock (what Orleans' TestingHost gives).
/// Reminders are delivered only when the clock is advanced through the cluster.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TilsynSilo?[] _silos;
    private readonly Action<SiloOptions>? _configure;
    private readonly ManualTimeDriver _driver;

    private TestCluster(int siloCount, IGrainStore store, ManualClock clock, Action<SiloOptions>? configure)
    {
        _silos = new TilsynSilo?[siloCount];
        Store = store;
        Clock = clock;
        _configure = configure;
        _driver = new ManualTimeDriver(clock, store, LiveReminderServices);
    }

    public IGrainStore Store { get; }
    public ManualClock Clock { get; }
    public int SiloCount => _silos.Length;

    /// <summary>The grain factory of the first live silo.</summary>
    public IGrainFactory GrainFactory => _silos.FirstOrDefault(s => s is not null)?.GrainFactory
        ?? throw new InvalidOperationException("No silo of the cluster is running.");

    /// <summary>
    /// Starts <paramref name="siloCount"/> silos named silo-0.. on the store made by <paramref name="storeFactory"/>
    /// (disposed with the cluster). Defaults: no reminder polling; RevalidateReads when there are several silos;
    /// <paramref name="configure"/> runs last, once per silo.
    /// </summary>
    public static async Task<TestCluster> StartAsync(int siloCount, Func<IGrainStore> storeFactory, ManualClock clock, Action<SiloOptions>? configure = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(siloCount, 1);
        ArgumentNullException.ThrowIfNull(storeFactory);
        ArgumentNullException.ThrowIfNull(clock);
        var cluster = new TestCluster(siloCount, storeFactory(), clock, configure);
        try
        {
            for (var i = 0; i < siloCount; i++) await cluster.RestartSiloAsync(i);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public TilsynSilo Silo(int index) => _silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");

    public Task AdvanceByAsync(TimeSpan delta, CancellationToken cancellationToken = default) => _driver.AdvanceByAsync(delta, cancellationToken);

    public Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default) => _driver.AdvanceToAsync(target, cancellationToken);

    /// <summary>Delivers what is due at the current time (e.g. overdue reminders after a restart).</summary>
    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => _driver.DeliverDueAsync(cancellationToken);

    /// <summary>Drops a silo abruptly: no deactivation; reminder leases it holds stay until they expire.</summary>
    public void KillSilo(int index)
    {
        var silo = Silo(index);
        _silos[index] = null;
        silo.Kill();
    }

    /// <summary>Starts the silo at <paramref name="index"/> afresh (stopping it first if it runs).</summary>
    public async Task RestartSiloAsync(int index)
    {
        if (_silos[index] is { } running)
        {
            _silos[index] = null;
            await running.DisposeAsync();
        }

        var options = new SiloOptions
        {
            SiloName = $"silo-{index}",
            PollReminders = false,
            RevalidateReads = _silos.Length > 1,
        };
        _configure?.Invoke(options);
        _silos[index] = await TilsynSilo.StartAsync(options, Store, Clock);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            if (_silos[i] is not { } silo) continue;
            _silos[i] = null;
            await silo.DisposeAsync();
        }

        await Store.DisposeAsync();
    }

    private IReadOnlyList<ReminderService> LiveReminderServices() =>
        _silos.OfType<TilsynSilo>().Select(s => s.Reminders).ToArray();
}

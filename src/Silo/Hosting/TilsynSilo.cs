using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>
/// One silo: its grain factory, activations and reminder service on a store and a domain clock.
/// Hosted by AddTilsynSilo, or run without a host through <see cref="StartAsync(SiloOptions, IGrainStore, TimeProvider, CancellationToken)"/>.
/// </summary>
public sealed class TilsynSilo : IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private ServiceProvider? _ownedServices;
    private BackgroundService[] _ownedLoops = [];
    private int _stopped;

    public TilsynSilo(SiloOptions options, IGrainStore store, TimeProvider clock, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(services);
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<TilsynSilo>();
        _runtime = new GrainRuntime(options, new GrainTypeRegistry(options.GrainAssemblies), store, clock, services, loggers.CreateLogger("OrleansTilsyn.Silo.Runtime"));
        Reminders = new ReminderService(_runtime, loggers.CreateLogger<ReminderService>());
    }

    public string Name => Options.SiloName;
    public SiloOptions Options => _runtime.Options;
    public IGrainFactory GrainFactory => _runtime.GrainFactory;
    public ReminderService Reminders { get; }
    public IGrainStore Store => _runtime.Store;

    /// <summary>The domain clock.</summary>
    public TimeProvider Clock => _runtime.Clock;

    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>Completes when the silo has started (options valid, store initialized).</summary>
    public Task Started => _started.Task;

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts a silo without a generic host; dispose it to stop. The caller keeps owning the store.</summary>
    public static async Task<TilsynSilo> StartAsync(SiloOptions options, IGrainStore store, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        TilsynSilo? silo = null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(store);
        services.AddSingleton(options);
        services.AddSingleton<IGrainFactory>(_ => silo!.GrainFactory);
        options.ConfigureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        silo = new TilsynSilo(options, store, clock, provider) { _ownedServices = provider };
        try
        {
            await silo.StartAsync(cancellationToken);
            silo._ownedLoops = [new ReminderPoller(silo), new IdleCollector(silo)];
            foreach (var loop in silo._ownedLoops) await loop.StartAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Validates the options and initializes the store.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var errors = Options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException($"Invalid silo options: {string.Join(" ", errors)}");
        await Store.InitializeAsync(cancellationToken);
        _started.TrySetResult();
        _logger.LogInformation("Silo {Silo} started.", Name);
    }

    /// <summary>Stops taking calls and deactivates every activation (OnDeactivateAsync runs).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _stopping.CancelAsync();
        foreach (var loop in _ownedLoops) await loop.StopAsync(cancellationToken);
        _runtime.Stop();
        var deactivations = _runtime.Catalog.All.Select(DeactivateAsync).ToArray();
        try
        {
            await Task.WhenAll(deactivations).WaitAsync(Options.CallTimeout, Options.InfrastructureTime, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Silo {Silo}: some activations did not deactivate within {Timeout}.", Name, Options.CallTimeout);
        }

        _runtime.Catalog.AbandonAll(_runtime.StoppedError());
        _logger.LogInformation("Silo {Silo} stopped.", Name);
    }

    /// <summary>Deactivates the activations idle for SiloOptions.IdleDeactivationAfter; returns how many.</summary>
    public async Task<int> CollectIdleActivationsAsync(CancellationToken cancellationToken = default)
    {
        var idleAfter = Options.IdleDeactivationAfter;
        var turns = new List<Task<bool>>();
        foreach (var activation in _runtime.Catalog.All)
        {
            if (!activation.IsQuiet || !activation.IsIdleFor(idleAfter)) continue;
            var turn = new DeactivationTurn(idleAfter);
            if (activation.TryPost(turn)) turns.Add(turn.Completion);
        }

        var results = await Task.WhenAll(turns).WaitAsync(cancellationToken);
        return results.Count(deactivated => deactivated);
    }

    /// <summary>Drops the silo abruptly: no deactivation, reminder leases it holds stay until they expire.</summary>
    internal void Kill()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _stopping.Cancel();
        _runtime.Stop();
        _runtime.Catalog.AbandonAll(_runtime.StoppedError());
        _logger.LogWarning("Silo {Silo} killed.", Name);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownedServices is not null) await _ownedServices.DisposeAsync();
        _stopping.Dispose();
    }

    private static Task<bool> DeactivateAsync(Activation activation)
    {
        var turn = new DeactivationTurn(null);
        return activation.TryPost(turn) ? turn.Completion : Task.FromResult(false);
    }
}

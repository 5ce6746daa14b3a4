using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansTilsyn.TestSupport;

/// <summary>
/// An Orleans <see cref="InProcessTestCluster"/> on a fake clock: grain state and reminder rows in
/// <see cref="SharedMemoryStores"/> (they outlive any silo), one <see cref="SteppedFakeClock"/> as the keyed
/// TimeProviders "Orleans.Grains" (grain time, grain timers) and "Orleans.Reminders" (the reminder service), while the
/// unkeyed TimeProvider and every other area (membership, messaging, directory) stay on real time.
/// </summary>
public sealed class OrleansTestHost : IAsyncDisposable
{
    /// <summary>Real-time bound for anything the host waits for, so a bug fails a test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly OrleansTestHostOptions options;
    private readonly ConcurrentDictionary<SiloAddress, bool> liveSilos = new();
    private readonly ReminderActivityTracker reminders;
    private InProcessTestCluster cluster = null!;

    private OrleansTestHost(OrleansTestHostOptions options)
    {
        this.options = options;
        Clock = new SteppedFakeClock(options.Start);
        reminders = new ReminderActivityTracker(silo => silo is not null && liveSilos.ContainsKey(silo));
    }

    public SteppedFakeClock Clock { get; }

    public SharedMemoryStores Stores { get; } = new();

    public InProcessTestCluster Cluster => cluster;

    /// <summary>The test cluster's external client (an Orleans client connected through the silos' gateways).</summary>
    public IGrainFactory GrainFactory => cluster.Client;

    public IReadOnlyList<InProcessSiloHandle> Silos => cluster.Silos;

    public static async Task<OrleansTestHost> StartAsync(Action<OrleansTestHostOptions>? configure = null)
    {
        var options = new OrleansTestHostOptions();
        configure?.Invoke(options);
        var host = new OrleansTestHost(options);
        var builder = new InProcessTestClusterBuilder((short)options.Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => host.ConfigureSilo(silo));
        host.cluster = builder.Build();
        try
        {
            await host.cluster.DeployAsync().WaitAsync(Patience);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>The grain factory of one silo (what a gateway co-hosted with that silo uses).</summary>
    public static IGrainFactory GrainFactoryOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Moves the fake clock forward by <paramref name="duration"/>, stopping at every reminder tick that falls due (and
    /// at least every <see cref="OrleansTestHostOptions.MaxStep"/>), and after each stop waits until every resident
    /// reminder has delivered its due tick and waits again. Nothing due in the interval is skipped.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var target = Clock.GetUtcNow() + duration;
        await reminders.WaitSettledAsync(Clock.GetUtcNow(), Patience);
        while (Clock.GetUtcNow() < target)
        {
            var now = Clock.GetUtcNow();
            var next = Min(target, now + options.MaxStep);
            if (reminders.NextDue() is { } due && due > now && due < next) next = due;
            // Advance runs due timer callbacks inline; keep them off the test's thread.
            await Task.Run(() => Clock.Advance(next - now));
            await reminders.WaitSettledAsync(next, Patience);
        }
    }

    /// <summary>Waits until every resident reminder waits for a time after now (e.g. after registering one).</summary>
    public Task RemindersSettledAsync() => reminders.WaitSettledAsync(Clock.GetUtcNow(), Patience);

    /// <summary>Kills a silo without a goodbye (a crash), then waits until the other silos have noticed.</summary>
    public async Task KillSiloAsync(InProcessSiloHandle silo)
    {
        liveSilos.TryRemove(silo.SiloAddress, out _);
        reminders.ForgetSilo(silo.SiloAddress);
        await cluster.KillSiloAsync(silo).WaitAsync(Patience);
        if (cluster.Silos.Count > 0) await cluster.WaitForLivenessToStabilizeAsync(didKill: true).WaitAsync(Patience);
    }

    /// <summary>Stops a silo gracefully (it leaves the membership table as dead).</summary>
    public async Task StopSiloAsync(InProcessSiloHandle silo)
    {
        liveSilos.TryRemove(silo.SiloAddress, out _);
        reminders.ForgetSilo(silo.SiloAddress);
        await cluster.StopSiloAsync(silo).WaitAsync(Patience);
    }

    /// <summary>Starts one more silo (after a kill or stop: the restart), configured like the others.</summary>
    public async Task<InProcessSiloHandle> StartSiloAsync()
    {
        var silo = await cluster.StartAdditionalSiloAsync().WaitAsync(Patience);
        await reminders.WaitSettledAsync(Clock.GetUtcNow(), Patience);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        reminders.Dispose();
        if (cluster is not null) await cluster.DisposeAsync();
    }

    private void ConfigureSilo(ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddSingleton(Clock);
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Clock);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock);
        services.AddSingleton(Stores);
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (sp, _) => new SharedMemoryGrainStorage(Stores, sp.GetRequiredService<Serializer>()));
        silo.AddReminders();
        services.AddSingleton<IReminderTable>(new SharedMemoryReminderTable(Stores));
        services.Configure<ReminderOptions>(reminder =>
        {
            reminder.MinimumReminderPeriod = options.MinimumReminderPeriod;
            reminder.RefreshReminderListPeriod = options.RefreshReminderListPeriod;
            reminder.ReminderLoadingWindow = options.ReminderLoadingWindow;
            reminder.InitializationTimeout = options.ReminderInitializationTimeout;
        });
        // A killed silo is declared dead after one missed probe of one second, instead of about fifteen seconds.
        services.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            membership.NumMissedProbesLimit = 1;
            membership.NumVotesForDeathDeclaration = 1;
        });
        // Known before the silo's reminder service starts, so none of its reminder events are missed.
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
            new SiloJoin(() => liveSilos[sp.GetRequiredService<ILocalSiloDetails>().SiloAddress] = true));
        options.ConfigureServices(services);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class SiloJoin(Action join) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(OrleansTestHost), ServiceLifecycleStage.First, _ =>
            {
                join();
                return Task.CompletedTask;
            });
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Silo.Audit;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>Where a benchmark silo keeps grain state, reminders and the audit log.</summary>
public enum BenchStores
{
    /// <summary>The embedded deployment: <see cref="TilsynSiloBuilderExtensions.UseTilsynEmbeddedStores"/> in a data folder.</summary>
    Sqlite,

    /// <summary>
    /// Orleans' memory grain storage (its storage grains, state serialized as by the embedded stores) and reminders, the
    /// memory audit log: the runtime's cost without a disk.
    /// </summary>
    Memory,
}

/// <summary>
/// A real Orleans silo in this process, built as the gateway builds it (<c>Host.CreateApplicationBuilder().UseOrleans(...)</c>)
/// with committing grains registered, on free ports. Optionally on a fake reminder/grain clock. Logs warnings and errors only.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private BenchSilo(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(BenchStores stores, string? dataFolder = null, TimeProvider? clock = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

        // Its first check after start measures from time zero and warns of a stall of decades.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        if (clock is not null)
        {
            builder.Services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
            builder.Services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        }

        builder.Services.AddCommittingGrains();
        builder.UseOrleans(silo =>
        {
            if (stores == BenchStores.Sqlite)
            {
                silo.UseTilsynEmbeddedStores(dataFolder ?? throw new ArgumentNullException(nameof(dataFolder)), FreePort(), FreePort());
                return;
            }

            silo.UseLocalhostClustering(FreePort(), FreePort());
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.ConfigureServices(services =>
            {
                services.AddMemoryAuditLog();

                // The serializer the embedded and cluster stores use (Orleans' default is Newtonsoft JSON with type names).
                services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BenchSilo(host);
    }

    /// <summary>Activations of <paramref name="grainType"/> in this silo (through Orleans' management grain).</summary>
    public async Task<int> ActivationsOfAsync(string grainType) =>
        (await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(grainType))).Count;

    /// <summary>Deactivates every activation idle for at least <paramref name="idleFor"/> (Orleans' activation collector, forced).</summary>
    public Task CollectIdleActivationsAsync(TimeSpan idleFor) =>
        Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(idleFor);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

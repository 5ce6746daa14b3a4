using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

/// <summary>
/// A real silo host as the gateway will build it (<c>Host.CreateApplicationBuilder().UseOrleans(...)</c>), its reminder
/// and grain clocks a <see cref="FakeTimeProvider"/> and an <see cref="AgendaWakeLog"/> for the probe grains.
/// </summary>
internal sealed class TilsynTestHost : IAsyncDisposable
{
    private TilsynTestHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public AgendaWakeLog Wakes => Services.GetRequiredService<AgendaWakeLog>();

    public static IHost Build(DateTimeOffset now, Action<ISiloBuilder> configureSilo, AgendaWakeLog? wakes = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var clock = new FakeTimeProvider(now);
        builder.Services.AddSingleton(wakes ?? new AgendaWakeLog());
        builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        builder.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        builder.UseOrleans(configureSilo);
        return builder.Build();
    }

    public static async Task<TilsynTestHost> StartAsync(DateTimeOffset now, Action<ISiloBuilder> configureSilo, AgendaWakeLog? wakes = null)
    {
        var host = Build(now, configureSilo, wakes);
        try
        {
            await host.StartAsync().Within();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TilsynTestHost(host);
    }

    /// <summary>The embedded stores in <paramref name="folder"/> on free ports.</summary>
    public static Task<TilsynTestHost> StartEmbeddedAsync(string folder, DateTimeOffset now, Action<ISiloBuilder>? more = null, AgendaWakeLog? wakes = null) =>
        StartAsync(now, silo =>
        {
            silo.UseTilsynEmbeddedStores(folder, FreePort(), FreePort());
            more?.Invoke(silo);
        }, wakes);

    /// <summary>This silo's agenda catch-up, once it has run.</summary>
    internal Task<AgendaCatchUpResult> CatchUp => Services.GetRequiredService<AgendaCatchUp>().Completion.Within();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync().Within();
        }
        finally
        {
            Host.Dispose();
        }
    }
}

/// <summary>A data folder in the temp directory, deleted on dispose.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tilsyn-hosting-" + Guid.NewGuid().ToString("N"), "data");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleanup takes it later.
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>
/// A one-silo Orleans cluster with a grain storage provider registered under <see cref="StorageName"/>; the provider
/// is resolved from the silo's services by name, as Orleans' persistent state does, after the silo lifecycle started it.
/// </summary>
public sealed class GrainStorageCluster(Action<ISiloBuilder> addStorage) : IAsyncDisposable
{
    public const string StorageName = "conformance";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage => Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageName);

    public static async Task<GrainStorageCluster> StartAsync(Action<ISiloBuilder> addStorage)
    {
        var cluster = new GrainStorageCluster(addStorage);
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task DeployAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => addStorage(silo));
        Cluster = builder.Build();
        try
        {
            await Cluster.DeployAsync();
        }
        catch
        {
            await Cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>One cluster per test class (xunit class fixture): the provider is configured by the subclass.</summary>
public abstract class GrainStorageClusterFixture : IAsyncLifetime
{
    private GrainStorageCluster? _cluster;

    public IGrainStorage Storage => _cluster!.Storage;

    protected abstract void AddStorage(ISiloBuilder silo);

    public async Task InitializeAsync() => _cluster = await GrainStorageCluster.StartAsync(AddStorage);

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

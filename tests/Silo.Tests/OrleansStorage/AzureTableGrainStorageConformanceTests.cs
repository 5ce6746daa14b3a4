using Azure.Data.Tables;
using Orleans.Hosting;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

public sealed class AzureTableGrainStorageFixture : GrainStorageClusterFixture
{
    private readonly string _table = AzuriteStorage.UniqueTableName("grainstate");

    protected override void AddStorage(ISiloBuilder silo) => silo.AddAzureTableGrainStorage(GrainStorageCluster.StorageName, options =>
    {
        options.TableName = _table;
        options.TableServiceClient = new TableServiceClient(AzuriteStorage.ConnectionString);
    });
}

/// <summary>Orleans' <c>AzureTableGrainStorage</c> against Azurite: the cluster deployment's grain storage.</summary>
public sealed class AzureTableGrainStorageConformanceTests(AzureTableGrainStorageFixture fixture)
    : GrainStorageConformanceTests(fixture.Storage), IClassFixture<AzureTableGrainStorageFixture>;

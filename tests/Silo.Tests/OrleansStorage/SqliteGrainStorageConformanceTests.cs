using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

public class SqliteGrainStorageFixture : GrainStorageClusterFixture
{
    private readonly SqliteTestDatabase _file = new();

    protected override void AddStorage(ISiloBuilder silo) =>
        silo.AddSqliteGrainStorage(GrainStorageCluster.StorageName, options => options.FilePath = _file.FilePath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _file.Dispose();
    }
}

/// <summary>The same file storage with Orleans' binary serializer registered for the provider's name.</summary>
public sealed class SqliteOrleansSerializerGrainStorageFixture : SqliteGrainStorageFixture
{
    protected override void AddStorage(ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(
            GrainStorageCluster.StorageName, (services, _) => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        base.AddStorage(silo);
    }
}

/// <summary>Our SQLite grain storage with the silo's default serializer.</summary>
public sealed class SqliteGrainStorageConformanceTests(SqliteGrainStorageFixture fixture)
    : GrainStorageConformanceTests(fixture.Storage), IClassFixture<SqliteGrainStorageFixture>;

/// <summary>Our SQLite grain storage with Orleans' binary serializer (version-tolerant, by [Id] and [Alias]).</summary>
public sealed class SqliteOrleansSerializerGrainStorageConformanceTests(SqliteOrleansSerializerGrainStorageFixture fixture)
    : GrainStorageConformanceTests(fixture.Storage), IClassFixture<SqliteOrleansSerializerGrainStorageFixture>;

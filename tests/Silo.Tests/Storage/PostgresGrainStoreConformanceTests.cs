using Npgsql;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Storage;

/// <summary>Runs on a database created for this class; every test gets an empty schema of its own in it.</summary>
public sealed class PostgresGrainStoreConformanceTests(PostgresTestDatabase database)
    : SqlGrainStoreConformanceTests, IClassFixture<PostgresTestDatabase>
{
    private string _connectionString = "";

    protected override async Task CreateStorageAsync() => _connectionString = await database.CreateSchemaAsync();

    protected override IGrainStore CreateStore() => new PostgresGrainStore(_connectionString);

    protected override IReadOnlyList<SchemaMigration> Migrations => PostgresSchema.Migrations;

    protected override async Task<IReadOnlyList<int>> ReadAppliedSchemaVersionsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync()) versions.Add(reader.GetInt32(0));
        return versions;
    }

    protected override IGrainStore CreateUnreachableStore() =>
        new PostgresGrainStore(new NpgsqlConnectionStringBuilder(_connectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 }.ToString());

    [Fact]
    public async Task ConcurrentInitializersOfAFreshSchemaAllSucceed()
    {
        var fresh = await database.CreateSchemaAsync();
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresGrainStore(fresh)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))));

            await stores[0].WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), CancellationToken.None);
            Assert.Equal(1, await stores[5].ReadVersionAsync(Grain(), CancellationToken.None));
            await using var connection = new NpgsqlConnection(fresh);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_version", connection);
            Assert.Equal((long)PostgresSchema.Migrations.Count, await count.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }
}

using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>What only the SQLite grain storage promises: its file, its schema and its start-up checks.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();

    private Task<GrainStorageCluster> StartAsync(string? filePath) =>
        GrainStorageCluster.StartAsync(silo => silo.AddSqliteGrainStorage(GrainStorageCluster.StorageName, o => o.FilePath = filePath));

    [Fact]
    public async Task StatesSurviveReopeningTheFile()
    {
        var grain = GrainId.Create("conformance", "reopened");
        var written = new GrainState<ConformanceState>(ConformanceState.Sample("kept"));
        await using (var first = await StartAsync(_file.FilePath))
        {
            await first.Storage.WriteStateAsync("state", grain, written);
        }

        await using var second = await StartAsync(_file.FilePath);
        var read = new GrainState<ConformanceState>();
        await second.Storage.ReadStateAsync("state", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("kept", read.State!.Name);
    }

    [Fact]
    public async Task SchemaVersionIsRecordedInItsOwnTable()
    {
        await using (await StartAsync(_file.FilePath)) { }

        using var connection = _file.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version FROM {SqliteGrainStorageSchema.VersionTable} ORDER BY version";
        var versions = new List<long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) versions.Add(reader.GetInt64(0));
        }

        Assert.Equal(SqliteGrainStorageSchema.Migrations.Select(m => (long)m.Version).Order(), versions);
    }

    [Fact]
    public async Task FileWithANewerSchemaIsRefusedAtStart()
    {
        using (var connection = _file.OpenConnection())
        {
            SqliteSchema.Migrate(connection, SqliteGrainStorageSchema.VersionTable, SqliteGrainStorageSchema.Migrations);
            using var newer = connection.CreateCommand();
            newer.CommandText = $"INSERT INTO {SqliteGrainStorageSchema.VersionTable} (version, name) VALUES (99, 'from the future')";
            newer.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(_file.FilePath));

        var refusal = Assert.Single(Chain(exception).OfType<SqliteSchemaTooNewException>());
        Assert.Equal(99, refusal.FoundVersion);
        Assert.Contains("schema version 99", refusal.Message);
        Assert.Contains(_file.FilePath, refusal.Message);
    }

    [Fact]
    public async Task FileItsWalAndItsFolderAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Path.Combine(Path.GetDirectoryName(_file.FilePath)!, "data");
        var path = Path.Combine(folder, "grain-state.db");

        await using (var cluster = await StartAsync(path))
        {
            await cluster.Storage.WriteStateAsync("state", GrainId.Create("conformance", "mode"), new GrainState<ConformanceState>(new()));
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path + "-wal"));
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public async Task MissingFilePathStopsTheSiloWithAClearError()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(filePath: null));

        var error = Assert.Single(Chain(exception).OfType<OrleansConfigurationException>());
        Assert.Contains($"'{GrainStorageCluster.StorageName}'", error.Message);
        Assert.Contains(nameof(SqliteGrainStorageOptions.FilePath), error.Message);
    }

    private static IEnumerable<Exception> Chain(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Chain).Prepend(aggregate),
        { InnerException: { } inner } => Chain(inner).Prepend(exception),
        _ => [exception],
    };

    public void Dispose() => _file.Dispose();
}

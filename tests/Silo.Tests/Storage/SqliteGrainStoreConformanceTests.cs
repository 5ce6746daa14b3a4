using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Storage;

public sealed class SqliteGrainStoreConformanceTests : SqlGrainStoreConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override IGrainStore CreateStore() => new SqliteGrainStore(_database.ConnectionString);

    protected override Task DeleteStorageAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<SchemaMigration> Migrations => SqliteGrainStoreSchema.Migrations;

    protected override Task<IReadOnlyList<int>> ReadAppliedSchemaVersionsAsync()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read()) versions.Add(reader.GetInt32(0));
        return Task.FromResult<IReadOnlyList<int>>(versions);
    }

    protected override IGrainStore CreateUnreachableStore() =>
        new SqliteGrainStore($"Data Source={Path.Combine(Path.GetTempPath(), "tilsyn-missing-" + Guid.NewGuid().ToString("N"), "store.db")}");

    [Fact]
    public void DatabaseRunsInWriteAheadLogMode()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseWalAndShmFilesAreCreatedOwnerOnly()
    {
        using var fresh = new SqliteTestDatabase();
        await using var store = new SqliteGrainStore(fresh.ConnectionString);
        await store.InitializeAsync(CancellationToken.None);
        await store.WriteStateAsync(Write(Grain(), 0, "{}"), CancellationToken.None);

        var modes = new[] { "", "-wal", "-shm" }.Select(suffix => File.GetUnixFileMode(fresh.FilePath + suffix));

        Assert.All(modes, mode => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode));
    }

    [Fact]
    public async Task ConcurrentInitializersOfTheSameFileAllSucceed()
    {
        using var fresh = new SqliteTestDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => new SqliteGrainStore(fresh.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))));

            await stores[0].WriteStateAsync(Write(Grain(), 0, "{}"), CancellationToken.None);
            Assert.Equal(1, await stores[3].ReadVersionAsync(Grain(), CancellationToken.None));
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReminderVersionsStayUniqueAndGrowingWhenTwoStoresWriteToTheSameFile()
    {
        var other = await OpenStoreAsync();
        var writes = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? Store : other)
            .WriteStateAsync(Write(Grain($"u{i}"), 0, "{}", Schedule("first", T0), Schedule("second", T0.AddHours(1))), CancellationToken.None));
        await Task.WhenAll(writes);
        var before = await Store.ListRemindersAsync(Grain("u0"), CancellationToken.None);

        await other.WriteStateAsync(Write(Grain("u0"), 1, "{}", Schedule("first", T0)), CancellationToken.None);

        var versions = new List<long>();
        for (var i = 0; i < 40; i++)
            versions.AddRange((await Store.ListRemindersAsync(Grain($"u{i}"), CancellationToken.None)).Select(r => r.Version));
        Assert.Equal(80, versions.Distinct().Count());
        Assert.True(versions.Max() > before.Max(r => r.Version), "a later transaction of the other store continues the counter");
    }

    [Fact]
    public async Task RefusedAndFailingWritesInOneBatchLeaveTheOthersCommittedOnce()
    {
        await Store.WriteStateAsync(Write(Grain("stale"), 0, "{}"), CancellationToken.None);
        var broken = Write(Grain("broken"), 0, "{}", Schedule("expire", T0));
        broken = broken with { Audit = broken.Audit with { Actor = null! } };
        var stale = Write(Grain("stale"), 0, "{}");
        var fine = Enumerable.Range(0, 30).Select(i => Write(Grain($"u{i}"), 0, "{}", Schedule("expire", T0))).ToList();

        var writes = fine.Take(10).Append(stale).Concat(fine.Skip(10).Take(10)).Append(broken).Concat(fine.Skip(20))
            .Select(w => Store.WriteStateAsync(w, CancellationToken.None)).ToList();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(2, writes.Count(w => w.IsFaulted));
        Assert.IsType<StaleStateException>(writes[10].Exception!.InnerException);
        Assert.Equal(1, await Store.ReadVersionAsync(Grain("stale"), CancellationToken.None));
        Assert.Null(await Store.ReadStateAsync(Grain("broken"), CancellationToken.None));
        Assert.Equal(new StoreCounts(31, 31, 30), await Store.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void InMemoryDatabasesAreRefused(string connectionString) =>
        Assert.Throws<ArgumentException>(() => new SqliteGrainStore(connectionString));

    [Fact]
    public async Task CommittedWritesAreCheckpointedIntoTheDatabaseFileWhileTheStoreRuns()
    {
        using var fresh = new SqliteTestDatabase();
        await using var store = new SqliteGrainStore(fresh.ConnectionString);
        await store.InitializeAsync(CancellationToken.None);
        var emptySize = new FileInfo(fresh.FilePath).Length;
        var json = $"{{\"text\":\"{new string('x', 4000)}\"}}";

        // About 400 pages: far below the writer's own autocheckpoint, so only the background checkpointer copies them.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => store.WriteStateAsync(Write(Grain("unit-" + i), 0, json), CancellationToken.None)));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(fresh.FilePath).Length < emptySize + 100 * 4000 && waited.Elapsed < TestSilos.Patience) await Task.Delay(20);
        Assert.True(new FileInfo(fresh.FilePath).Length >= emptySize + 100 * 4000, "the database file holds the committed states");
    }

    [Fact]
    public async Task WritesBeforeInitializationAreRefused()
    {
        await using var store = new SqliteGrainStore(_database.ConnectionString);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteStateAsync(Write(Grain(), 0, "{}"), CancellationToken.None));
    }
}

using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Storage;

/// <summary>What the SQL engines add to the shared behaviour: transactional failure, schema versions, unreachable engines.</summary>
public abstract class SqlGrainStoreConformanceTests : GrainStoreConformanceTests
{
    protected abstract IReadOnlyList<SchemaMigration> Migrations { get; }

    protected abstract Task<IReadOnlyList<int>> ReadAppliedSchemaVersionsAsync();

    /// <summary>A store whose engine cannot be reached (missing directory, closed port).</summary>
    protected abstract IGrainStore CreateUnreachableStore();

    [Fact]
    public async Task WriteFailingAfterItsStateChangeLeavesNothingAndOtherWritesCommit()
    {
        // A null actor violates NOT NULL on the audit insert, after the state row was already written.
        var broken = Write(Grain("broken"), 0, "{}", Schedule("expire", T0));
        broken = broken with { Audit = broken.Audit with { Actor = null! } };
        var fine = Enumerable.Range(0, 20).Select(i => Write(Grain($"u{i}"), 0, "{}", Schedule("expire", T0))).ToList();

        var writes = fine.Take(10).Append(broken).Concat(fine.Skip(10))
            .Select(w => Task.Run(() => Store.WriteStateAsync(w, CancellationToken.None))).ToList();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(1, writes.Count(w => w.IsFaulted));
        Assert.Null(await Store.ReadStateAsync(Grain("broken"), CancellationToken.None));
        Assert.Empty(await Store.ListRemindersAsync(Grain("broken"), CancellationToken.None));
        Assert.Equal(new StoreCounts(20, 20, 20), await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InstantsAreReadBackInUtc()
    {
        await WriteInstantsWithOffsetsAsync();

        Assert.Equal(TimeSpan.Zero, Assert.Single(await Store.ReadAuditAsync(Grain(), CancellationToken.None)).At.Offset);
        Assert.Equal(TimeSpan.Zero, Assert.Single(await Store.ListRemindersAsync(Grain(), CancellationToken.None)).DueAt.Offset);
    }

    [Fact]
    public async Task EveryMigrationIsRecordedOnceAfterRepeatedInitialization()
    {
        await Store.InitializeAsync(CancellationToken.None);
        await OpenStoreAsync();

        Assert.Equal(Migrations.Select(m => m.Version).Order(), (await ReadAppliedSchemaVersionsAsync()).Order());
    }

    [Fact]
    public async Task MigrationVersionsAreUniqueAndAscending()
    {
        var versions = Migrations.Select(m => m.Version).ToList();
        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.All(Migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task UnreachableEngineIsReportedAsStorageUnavailable()
    {
        await using var store = CreateUnreachableStore();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PingAsync(CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadStateAsync(Grain(), CancellationToken.None));
    }
}

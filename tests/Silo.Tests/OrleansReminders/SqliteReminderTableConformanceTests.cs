using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>The conformance suite on our SQLite table, obtained through UseSqliteReminderService, plus what only a file has.</summary>
public sealed class SqliteReminderTableConformanceTests : ReminderTableConformanceTests
{
    private readonly SqliteTestDatabase _database = new();
    private readonly List<ServiceProvider> _providers = [];

    protected override Task<IReminderTable> StartTableAsync() => OpenTableAsync();

    protected override async Task StopTableAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        _database.Dispose();
    }

    private async Task<IReminderTable> OpenTableAsync()
    {
        var table = Resolve(options => options.FilePath = _database.FilePath);
        await table.StartAsync();
        return table;
    }

    private IReminderTable Resolve(Action<SqliteReminderTableOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.UseSqliteReminderService(configure);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IReminderTable>();
    }

    [Fact]
    public async Task RowsSurviveClosingAndReopeningTheFile()
    {
        var etag = await Table.UpsertRow(Entry(Grain(1), startAt: StartAt.AddTicks(1)));
        await ((IAsyncDisposable)Table).DisposeAsync();

        var reopened = await OpenTableAsync();
        var read = await reopened.ReadRow(Grain(1), "agenda");

        Assert.Equal(StartAt.AddTicks(1), read?.StartAt);
        Assert.Equal(etag, read?.ETag);
        Assert.NotEqual(etag, await reopened.UpsertRow(Entry(Grain(2))));
    }

    [Fact]
    public async Task FileWithANewerSchemaIsRefused()
    {
        await ((IAsyncDisposable)Table).DisposeAsync();
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO orleans_reminder_schema (version, name) VALUES (99, 'from a newer build')";
            command.ExecuteNonQuery();
        }

        var table = Resolve(options => options.FilePath = _database.FilePath);
        var refusal = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => table.StartAsync());

        Assert.Equal(99, refusal.FoundVersion);
        Assert.Contains(_database.FilePath, refusal.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FileAndItsWriteAheadLogAreOwnerOnly()
    {
        await Table.UpsertRow(Entry(Grain(1)));

        var modes = new[] { "", "-wal", "-shm" }.Select(suffix => File.GetUnixFileMode(_database.FilePath + suffix));

        Assert.All(modes, mode => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode));
    }

    [Theory]
    [InlineData(SqliteReminderTable.RangeQuery)]
    [InlineData(SqliteReminderTable.WrappingRangeQuery)]
    public async Task RangeReadsSearchTheGrainHashIndex(string query)
    {
        await UpsertGrainsAsync(50);
        using var connection = _database.OpenConnection();

        var plan = PlanOf(connection, query);

        Assert.All(plan.Where(step => step.StartsWith("SEARCH") || step.StartsWith("SCAN")), UsesHashIndex);
    }

    private static void UsesHashIndex(string step) => Assert.Contains("ix_orleans_reminder_grain_hash", step);

    private static List<string> PlanOf(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read()) plan.Add(reader.GetString(3));
        return plan;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task MissingFoldersOfTheFileAreCreatedOwnerOnly()
    {
        var folder = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "data", "reminders");

        await Resolve(options => options.FilePath = Path.Combine(folder, "reminders.db")).StartAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.True(File.Exists(Path.Combine(folder, "reminders.db")));
    }

    [Fact]
    public void MissingFilePathIsAClearError()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(_ => { }));

        Assert.Contains("FilePath", error.Message);
    }

    [Fact]
    public async Task UsingTheTableBeforeItStartedIsAClearError()
    {
        var table = Resolve(options => options.FilePath = _database.FilePath);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.ReadRows(0, 0));

        Assert.Contains("not started", error.Message);
    }
}

using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

public sealed class SqliteAuditLogConformanceTests : AuditLogConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override async Task<IAuditLog> OpenAsync()
    {
        var log = new SqliteAuditLog(new SqliteAuditLogOptions { FilePath = _database.FilePath });
        await log.InitializeAsync(CancellationToken.None);
        return log;
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EventsSurviveReopeningTheFile()
    {
        var grain = Grain();
        var events = Enumerable.Range(1, 3).Select(v => Event(grain, v, detail: $"version {v}")).ToArray();
        await Log.AppendAsync(events, CancellationToken.None);
        await CloseAsync(Log);

        await using var reopened = new SqliteAuditLog(new SqliteAuditLogOptions { FilePath = _database.FilePath });

        Assert.Equal(events, (await reopened.ReadAsync(grain, 0, 10, CancellationToken.None)).Events);
        await reopened.AppendAsync(events[1], CancellationToken.None);
        await Assert.ThrowsAsync<AuditEventConflictException>(() => reopened.AppendAsync(events[1] with { Outcome = "other" }, CancellationToken.None));
        Assert.Equal(3, await reopened.CountAsync(grain, CancellationToken.None));
    }

    [Fact]
    public void TheSchemaVersionIsRecorded()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";

        Assert.Equal((long)SqliteAuditLogSchema.Migrations.Max(m => m.Version), command.ExecuteScalar());
    }

    [Fact]
    public async Task AFileWithANewerSchemaIsRefused()
    {
        await CloseAsync(Log);
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_version (version, name) VALUES (99, 'from a newer build')";
            command.ExecuteNonQuery();
        }

        await using var newer = new SqliteAuditLog(new SqliteAuditLogOptions { FilePath = _database.FilePath });

        var refused = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => newer.InitializeAsync(CancellationToken.None));
        Assert.Contains("schema version 99", refused.Message);
        Assert.Contains(_database.FilePath, refused.Message);
        await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => newer.AppendAsync(Event(Grain(), 1), CancellationToken.None));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheFileAndItsFolderAreOwnerOnly()
    {
        var folder = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "data", "audit");
        var file = Path.Combine(folder, "audit.db");
        await using var log = new SqliteAuditLog(new SqliteAuditLogOptions { FilePath = file });
        await log.AppendAsync(Event(Grain(), 1), CancellationToken.None);

        Assert.All(new[] { "", "-wal", "-shm" }, suffix => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file + suffix)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }
}

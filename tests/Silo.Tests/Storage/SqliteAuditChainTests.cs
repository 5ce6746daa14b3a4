using Microsoft.Data.Sqlite;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Silo.Tests.Storage;

/// <summary>
/// The SQLite store finds a grain's audit trail through a chain (each event names the grain's previous one, the
/// state row names the newest) instead of an index; migration 3 builds the chain for databases written before it.
/// </summary>
public sealed class SqliteAuditChainTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task ADatabaseFromBeforeTheChainKeepsEveryGrainsTrailAndNewEventsFollowOnIt()
    {
        WriteOldDatabase(
            ("unit", "a", 1, "RegisterUnit"), ("unit", "b", 1, "RegisterUnit"), ("unit", "a", 2, "ScheduleConversation"),
            ("document", "a", 1, "AppendMinutes"), ("unit", "b", 2, "HoldConversation"), ("unit", "a", 3, "HoldConversation"));

        await using (var store = new SqliteGrainStore(_database.ConnectionString))
        {
            await store.InitializeAsync(None);

            Assert.Equal(["RegisterUnit", "ScheduleConversation", "HoldConversation"], Commands(await store.ReadAuditAsync(new GrainId("unit", "a"), None)));
            Assert.Equal(["RegisterUnit", "HoldConversation"], Commands(await store.ReadAuditAsync(new GrainId("unit", "b"), None)));
            Assert.Equal(["AppendMinutes"], Commands(await store.ReadAuditAsync(new GrainId("document", "a"), None)));

            await store.WriteStateAsync(Write(new GrainId("unit", "a"), 3, "SubmitMinutes"), None);
            var trail = await store.ReadAuditAsync(new GrainId("unit", "a"), None);
            Assert.Equal(["RegisterUnit", "ScheduleConversation", "HoldConversation", "SubmitMinutes"], Commands(trail));
            Assert.Equal([1L, 2, 3, 4], trail.Select(e => e.Version));
        }

        using var connection = _database.OpenConnection();
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_audit_event_grain'"));
    }

    [Fact]
    public async Task WritesOfManyGrainsInTheSameTransactionsKeepEachTrailWholeAndInOrder()
    {
        await using var store = new SqliteGrainStore(_database.ConnectionString);
        await store.InitializeAsync(None);
        var grains = Enumerable.Range(0, 40).Select(i => new GrainId(i % 2 == 0 ? "unit" : "document", $"g{i}")).ToArray();

        for (var version = 0; version < 5; version++)
        {
            var expected = version;
            await Task.WhenAll(grains.Select(g => store.WriteStateAsync(Write(g, expected, $"Step{expected + 1}"), None)));
        }

        // A stale write is refused and leaves no event behind.
        await Assert.ThrowsAsync<StaleStateException>(() => store.WriteStateAsync(Write(grains[0], 2, "Stale"), None));

        foreach (var grain in grains)
        {
            var trail = await store.ReadAuditAsync(grain, None);
            Assert.Equal(["Step1", "Step2", "Step3", "Step4", "Step5"], Commands(trail));
            Assert.Equal([1L, 2, 3, 4, 5], trail.Select(e => e.Version));
            Assert.All(trail, e => Assert.Equal(grain, e.Grain));
        }

        Assert.Empty(await store.ReadAuditAsync(new GrainId("unit", "never-written"), None));
        Assert.Equal(200, (await store.CountAsync(None)).AuditEvents);
    }

    public void Dispose() => _database.Dispose();

    private static StateWrite Write(GrainId grain, long expectedVersion, string command) =>
        new(grain, expectedVersion, "{}", new AuditEvent(grain, 0, T0.AddMinutes(expectedVersion), "lead:ada-7", command, "ok", null), []);

    private static string[] Commands(IEnumerable<AuditEvent> trail) => [.. trail.Select(e => e.Command)];

    /// <summary>A database as migrations 1 and 2 left it, with the given audit events in this order.</summary>
    private void WriteOldDatabase(params (string Type, string Key, long Version, string Command)[] events)
    {
        using var connection = _database.OpenConnection();
        Execute(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '')");
        foreach (var migration in SqliteGrainStoreSchema.Migrations.Where(m => m.Version <= 2))
        {
            Execute(connection, migration.Sql);
            Execute(connection, $"INSERT INTO schema_version (version, name) VALUES ({migration.Version}, 'old')");
        }

        foreach (var e in events)
        {
            Execute(connection, $"""
                INSERT INTO audit_event (grain_type, grain_key, version, at, actor, command, outcome)
                VALUES ('{e.Type}', '{e.Key}', {e.Version}, {T0.UtcTicks}, 'lead:ada-7', '{e.Command}', 'ok');
                INSERT INTO grain_state (grain_type, grain_key, version, state_json, updated_at)
                VALUES ('{e.Type}', '{e.Key}', {e.Version}, '{"{}"}', {T0.UtcTicks})
                ON CONFLICT (grain_type, grain_key) DO UPDATE SET version = excluded.version;
                """);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

using Microsoft.Data.Sqlite;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The reminder table's schema as ordered migrations, recorded in a version table of its own so the reminders may
/// share a file with other stores. A file written by a newer build (a version this build does not know) is refused
/// rather than used half-understood.
/// </summary>
internal static class SqliteReminderTableSchema
{
    private const string VersionTable = "orleans_reminder_schema";

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        // grain_hash is GrainId.GetUniformHashCode(), so the ring-range reads of the reminder service use the index.
        // etag is taken from a counter that only grows, so an ETag is never handed out twice, even after a delete.
        new(1, "orleans reminders", """
            CREATE TABLE orleans_reminder (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                grain_hash INTEGER NOT NULL,
                start_at INTEGER NOT NULL,
                period INTEGER NOT NULL,
                etag INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key, reminder_name)) WITHOUT ROWID;
            CREATE INDEX ix_orleans_reminder_grain_hash ON orleans_reminder (grain_hash);
            CREATE TABLE orleans_reminder_etag (last INTEGER NOT NULL);
            INSERT INTO orleans_reminder_etag (last) VALUES (0);
            """),
    ];

    public static int LatestVersion => Migrations.Max(m => m.Version);

    /// <summary>Applies the missing migrations, each in its own write transaction (BEGIN IMMEDIATE, so concurrent
    /// openers wait and then find it done); throws when the file's schema is newer than this build's.</summary>
    public static void Migrate(SqliteConnection connection, string file)
    {
        Execute(connection, null, $"""
            CREATE TABLE IF NOT EXISTS {VersionTable} (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
            """);

        foreach (var migration in Migrations.OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var applied = CurrentVersion(connection, transaction);
            if (applied > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The reminder table in {file} has schema version {applied}, newer than this build's {LatestVersion}: " +
                    "it was written by a newer version of the service. Run that version, or restore a backup taken before the upgrade.");
            }

            if (applied >= migration.Version) continue;
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {VersionTable} (version, name) VALUES ($version, $name)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

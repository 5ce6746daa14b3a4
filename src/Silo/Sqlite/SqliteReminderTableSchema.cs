namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The reminder table's schema as ordered migrations, applied by <see cref="SqliteSchema"/> and recorded in a version
/// table of its own, so the reminders may share a file with other components. A file written by a newer build is
/// refused (<see cref="SqliteSchemaTooNewException"/>).
/// </summary>
internal static class SqliteReminderTableSchema
{
    public const string VersionTable = "orleans_reminder_schema";

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

    public static SqliteSchema Schema { get; } = new(VersionTable, Migrations);
}

using Microsoft.Data.Sqlite;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Storage.Sqlite;

/// <summary>The old grain store's schema as an ordered list of migrations, recorded in <c>schema_version</c>.</summary>
internal static class SqliteGrainStoreSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "grain state and audit trail", """
            CREATE TABLE grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                state_json TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key));
            CREATE TABLE audit_event (
                sequence INTEGER PRIMARY KEY,
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                command TEXT NOT NULL,
                outcome TEXT NOT NULL,
                detail TEXT);
            CREATE INDEX ix_audit_event_grain ON audit_event (grain_type, grain_key, sequence);
            """),
        new(2, "reminders", """
            CREATE TABLE reminder (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                name TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                version INTEGER NOT NULL,
                lease_owner TEXT,
                lease_until INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                trace_parent TEXT,
                PRIMARY KEY (grain_type, grain_key, name)) WITHOUT ROWID;
            CREATE INDEX ix_reminder_due ON reminder (due_at, version);
            CREATE TABLE store_counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO store_counter (name, value) VALUES ('reminder_version', 0);
            """),
        // A grain's audit trail as a chain instead of an index: each event names the grain's previous event and the state
        // row names the newest. An index on (grain, sequence) put one page anywhere in the file into every write's
        // commit (a third of all pages written at 10,000 units); the chain costs nothing beyond the rows written anyway.
        new(3, "audit chain instead of audit index", """
            ALTER TABLE audit_event ADD COLUMN previous INTEGER;
            ALTER TABLE grain_state ADD COLUMN audit_head INTEGER;
            UPDATE audit_event SET previous = (
                SELECT MAX(p.sequence) FROM audit_event p
                WHERE p.grain_type = audit_event.grain_type AND p.grain_key = audit_event.grain_key AND p.sequence < audit_event.sequence);
            UPDATE grain_state SET audit_head = (
                SELECT MAX(a.sequence) FROM audit_event a
                WHERE a.grain_type = grain_state.grain_type AND a.grain_key = grain_state.grain_key);
            DROP INDEX ix_audit_event_grain;
            """),
    ];

    /// <summary>
    /// Applies every migration not yet recorded, each in its own write transaction. BEGIN IMMEDIATE takes
    /// the database's write lock first, so concurrent initializers wait and then see the migration as done.
    /// </summary>
    public static void Migrate(SqliteConnection connection) => SqliteSchema.Migrate(connection, "schema_version", Migrations);
}

using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>The audit file's schema as ordered migrations (applied by <see cref="SqliteSchema"/>); a file written by a newer build is refused.</summary>
internal static class SqliteAuditLogSchema
{
    public const string VersionTable = "schema_version";

    // A rowid table with the key as its index rather than WITHOUT ROWID: rows carry a detail of up to 8,000
    // characters, and SQLite advises WITHOUT ROWID only for rows of a small fraction of a page.
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "audit events keyed by grain and version", """
            CREATE TABLE audit_event (
                grain TEXT NOT NULL,
                version INTEGER NOT NULL,
                at_utc_ticks INTEGER NOT NULL,
                person_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                role_id TEXT NOT NULL,
                on_behalf_of TEXT,
                command TEXT NOT NULL,
                outcome TEXT NOT NULL,
                detail TEXT,
                PRIMARY KEY (grain, version));
            """),
    ];

    public static SqliteSchema Schema { get; } = new(VersionTable, Migrations);
}

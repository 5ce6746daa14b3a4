
namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The SQLite grain storage's tables, as migrations recorded in a version table of its own (so the file may also
/// hold other components' tables). A row per (state name, grain); <c>payload</c> NULL marks a cleared state, whose
/// row stays so versions (the ETags) only grow: an ETag from before a clear never matches again.
/// </summary>
internal static class SqliteGrainStorageSchema
{
    public const string VersionTable = "grain_storage_schema";

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "orleans grain state", """
            CREATE TABLE orleans_grain_state (
                state_name TEXT NOT NULL,
                grain_type TEXT NOT NULL,
                grain_key BLOB NOT NULL,
                version INTEGER NOT NULL,
                payload BLOB,
                PRIMARY KEY (state_name, grain_type, grain_key));
            """),
    ];

    public static SqliteSchema Schema { get; } = new(VersionTable, Migrations);
}

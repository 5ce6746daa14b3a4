using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// One component's tables in a SQLite file: its ordered migrations, recorded in a version table of its own so
/// components may share a file. Applying them (<see cref="Migrate(SqliteConnection)"/>) runs each missing migration
/// once, in its own write transaction; BEGIN IMMEDIATE takes the file's write lock first, so concurrent initializers
/// wait and then see the migration as done.
/// </summary>
internal sealed record SqliteSchema(string VersionTable, IReadOnlyList<SchemaMigration> Migrations)
{
    /// <summary>Applies the missing migrations; a file written by newer code is refused before anything is changed.</summary>
    /// <exception cref="SqliteSchemaTooNewException">The file's schema is newer than <see cref="Migrations"/>.</exception>
    public void Migrate(SqliteConnection connection) => Migrate(connection, VersionTable, Migrations);

    /// <summary>
    /// Applies the missing ones of <paramref name="migrations"/>, recorded in <paramref name="versionTable"/>. A file that
    /// records a version this code does not know was written by newer code: it is refused before anything is changed.
    /// </summary>
    /// <exception cref="SqliteSchemaTooNewException">The file's schema is newer than <paramref name="migrations"/>.</exception>
    public static void Migrate(SqliteConnection connection, string versionTable, IReadOnlyList<SchemaMigration> migrations)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"""
                CREATE TABLE IF NOT EXISTS {versionTable} (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                """;
            create.ExecuteNonQuery();
        }

        var known = migrations.Max(m => m.Version);
        using (var newest = connection.CreateCommand())
        {
            newest.CommandText = $"SELECT MAX(version) FROM {versionTable}";
            if (newest.ExecuteScalar() is long found && found > known)
                throw new SqliteSchemaTooNewException(connection.DataSource, versionTable, found, known);
        }

        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = $"SELECT COUNT(*) FROM {versionTable} WHERE version = $version";
            check.Parameters.AddWithValue("$version", migration.Version);
            if (Convert.ToInt64(check.ExecuteScalar()) > 0) continue;

            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql;
            apply.ExecuteNonQuery();

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {versionTable} (version, name) VALUES ($version, $name)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}

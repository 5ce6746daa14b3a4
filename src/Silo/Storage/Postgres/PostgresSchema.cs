using Npgsql;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Storage.Postgres;

/// <summary>The PostgreSQL schema as an ordered list of migrations, and the code that applies the missing ones.</summary>
internal static class PostgresSchema
{
    /// <summary>SQLSTATE raised by require_one_state_row when a versioned write matched no row.</summary>
    public const string StaleStateSqlState = "TS409";

    /// <summary>Advisory lock key that serializes schema migration between silos ("tilsyn" in ASCII).</summary>
    private const long MigrationLockKey = 0x74696C73796E;

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "grain state and audit trail", $$"""
            CREATE TABLE grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                version bigint NOT NULL,
                state_json text NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (grain_type, grain_key));
            CREATE TABLE audit_event (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                version bigint NOT NULL,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                command text NOT NULL,
                outcome text NOT NULL,
                detail text);
            CREATE INDEX ix_audit_event_grain ON audit_event (grain_type, grain_key, sequence);
            -- Raises inside a batch so a stale write aborts the whole implicit transaction in one round trip.
            CREATE FUNCTION require_one_state_row(written bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
            BEGIN
                IF written <> 1 THEN
                    RAISE EXCEPTION 'stale grain state version' USING ERRCODE = '{{StaleStateSqlState}}';
                END IF;
                RETURN written;
            END
            $fn$;
            """),
        new(2, "reminders", """
            CREATE SEQUENCE reminder_version AS bigint;
            CREATE TABLE reminder (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                name text NOT NULL,
                due_at timestamptz NOT NULL,
                version bigint NOT NULL,
                lease_owner text,
                lease_until timestamptz,
                attempts integer NOT NULL DEFAULT 0,
                trace_parent text,
                PRIMARY KEY (grain_type, grain_key, name));
            CREATE INDEX ix_reminder_due ON reminder (due_at, version);
            """),
    ];

    /// <summary>
    /// Applies every migration not yet recorded, each in its own transaction, while holding a session
    /// advisory lock so silos starting together migrate one after the other.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock($1)", cancellationToken, MigrationLockKey);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            foreach (var migration in Migrations.OrderBy(m => m.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var check = new NpgsqlCommand("SELECT count(*) FROM schema_version WHERE version = $1", connection, transaction))
                {
                    check.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0) continue;
                }

                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                    cancellationToken, migration.Version, migration.Name);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        try
        {
            // No cancellation: a lock left behind would block other silos until this pooled connection closes.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, MigrationLockKey);
        }
        catch (NpgsqlException)
        {
            // The connection broke; the server released the session lock with it. Keep the original error.
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

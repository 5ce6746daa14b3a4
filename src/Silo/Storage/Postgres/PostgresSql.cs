using Npgsql;
using NpgsqlTypes;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Storage.Postgres;

/// <summary>SQL text and parameter helpers of <see cref="PostgresGrainStore"/> (positional parameters, auto-prepared).</summary>
internal static class PostgresSql
{
    public const string ReminderColumns =
        "grain_type, grain_key, name, due_at, version, lease_owner, lease_until, attempts, trace_parent";

    public const string InsertState = """
        WITH written AS (
            INSERT INTO grain_state (grain_type, grain_key, version, state_json, updated_at)
            VALUES ($1, $2, 1, $3, $4)
            ON CONFLICT (grain_type, grain_key) DO NOTHING
            RETURNING 1)
        SELECT require_one_state_row((SELECT count(*) FROM written))
        """;

    public const string UpdateState = """
        WITH written AS (
            UPDATE grain_state SET version = $5 + 1, state_json = $3, updated_at = $4
            WHERE grain_type = $1 AND grain_key = $2 AND version = $5
            RETURNING 1)
        SELECT require_one_state_row((SELECT count(*) FROM written))
        """;

    public const string InsertAudit = """
        INSERT INTO audit_event (grain_type, grain_key, version, at, actor, command, outcome, detail)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    public const string UpsertReminder = """
        INSERT INTO reminder (grain_type, grain_key, name, due_at, version, lease_owner, lease_until, attempts, trace_parent)
        VALUES ($1, $2, $3, $4, nextval('reminder_version'), NULL, NULL, 0, $5)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
            due_at = excluded.due_at, version = excluded.version, lease_owner = NULL, lease_until = NULL,
            attempts = 0, trace_parent = excluded.trace_parent
        """;

    public const string DeleteReminder = "DELETE FROM reminder WHERE grain_type = $1 AND grain_key = $2 AND name = $3";

    // SKIP LOCKED lets concurrent claimers pass over rows another claimer is taking; a row it committed
    // meanwhile is re-checked against the lease condition and dropped, so no row is claimed twice.
    public const string ClaimDue = $"""
        WITH due AS (
            SELECT grain_type, grain_key, name FROM reminder
            WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until < $2)
            ORDER BY due_at, version
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE reminder AS r SET lease_owner = $4, lease_until = $5
        FROM due
        WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.name = due.name
        RETURNING r.grain_type, r.grain_key, r.name, r.due_at, r.version, r.lease_owner, r.lease_until, r.attempts, r.trace_parent
        """;

    // Complete and Release lock their rows in the order given (callers sort it), the same order a state
    // write uses for its reminder changes, so two statements never wait on each other's rows in a cycle.
    private const string LockedRows = """
        WITH target AS (
            SELECT r.grain_type, r.grain_key, r.name, r.version
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS d(grain_type, grain_key, name, version, position)
            JOIN reminder AS r
                ON r.grain_type = d.grain_type AND r.grain_key = d.grain_key AND r.name = d.name AND r.version = d.version
            ORDER BY d.position
            FOR UPDATE OF r)
        """;

    public const string Complete = LockedRows + """

        DELETE FROM reminder AS r USING target AS t
        WHERE r.grain_type = t.grain_type AND r.grain_key = t.grain_key AND r.name = t.name AND r.version = t.version
        """;

    public const string Release = LockedRows + """

        UPDATE reminder AS r SET lease_owner = NULL, lease_until = $5, attempts = r.attempts + 1
        FROM target AS t
        WHERE r.grain_type = t.grain_type AND r.grain_key = t.grain_key AND r.name = t.name AND r.version = t.version
        """;

    public const string ReadState = "SELECT state_json, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2";

    public const string ReadVersion = "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2";

    public const string ListReminders =
        $"SELECT {ReminderColumns} FROM reminder WHERE grain_type = $1 AND grain_key = $2 ORDER BY due_at, version";

    public const string ReadAudit = """
        SELECT sequence, version, at, actor, command, outcome, detail FROM audit_event
        WHERE grain_type = $1 AND grain_key = $2 ORDER BY sequence
        """;

    public const string NextDue = "SELECT min(due_at) FROM reminder";

    public const string Count =
        "SELECT (SELECT count(*) FROM grain_state), (SELECT count(*) FROM audit_event), (SELECT count(*) FROM reminder)";

    public static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Int64(long value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter Int32(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    /// <summary>timestamptz takes UTC only; it keeps microseconds, so finer ticks are truncated.</summary>
    public static NpgsqlParameter Instant(DateTimeOffset value) =>
        new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter TextArray(string[] values) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter Int64Array(long[] values) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };

    public static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static ReminderRow ReadReminder(NpgsqlDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}

using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Storage.Sqlite;

/// <summary>The statements the single writer runs, inside the write queue's batch transaction.</summary>
internal static class SqliteStatements
{
    public const string ReminderColumns =
        "grain_type, grain_key, name, due_at, version, lease_owner, lease_until, attempts, trace_parent";

    private const string ReadStoredVersion =
        "SELECT version, audit_head FROM grain_state WHERE grain_type = $type AND grain_key = $key";

    private const string InsertState = """
        INSERT INTO grain_state (grain_type, grain_key, version, state_json, updated_at, audit_head)
        VALUES ($type, $key, 1, $json, $at, $head)
        """;

    private const string UpdateState = """
        UPDATE grain_state SET version = $expected + 1, state_json = $json, updated_at = $at, audit_head = $head
        WHERE grain_type = $type AND grain_key = $key AND version = $expected
        """;

    private const string InsertAudit = """
        INSERT INTO audit_event (grain_type, grain_key, version, at, actor, command, outcome, detail, previous)
        VALUES ($type, $key, $version, $at, $actor, $command, $outcome, $detail, $previous)
        """;

    private const string UpsertReminder = """
        INSERT INTO reminder (grain_type, grain_key, name, due_at, version, lease_owner, lease_until, attempts, trace_parent)
        VALUES ($type, $key, $name, $due, $version, NULL, NULL, 0, $trace)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
            due_at = excluded.due_at, version = excluded.version, lease_owner = NULL, lease_until = NULL,
            attempts = 0, trace_parent = excluded.trace_parent
        """;

    private const string DeleteReminder =
        "DELETE FROM reminder WHERE grain_type = $type AND grain_key = $key AND name = $name";

    private const string ClaimDueReminders = $"""
        UPDATE reminder SET lease_owner = $owner, lease_until = $until
        WHERE (grain_type, grain_key, name) IN (
            SELECT grain_type, grain_key, name FROM reminder
            WHERE due_at <= $dueBy AND (lease_until IS NULL OR lease_until < $now)
            ORDER BY due_at, version
            LIMIT $max)
        RETURNING {ReminderColumns}
        """;

    private const string CompleteReminder =
        "DELETE FROM reminder WHERE grain_type = $type AND grain_key = $key AND name = $name AND version = $version";

    private const string ReleaseReminder = """
        UPDATE reminder SET lease_owner = NULL, lease_until = $retry, attempts = attempts + 1
        WHERE grain_type = $type AND grain_key = $key AND name = $name AND version = $version
        """;

    /// <summary>
    /// State, audit event and reminder changes of one write. The version check comes first and a stale write
    /// is refused before any row changed (<see cref="SqliteRefusal"/>). The audit event is linked to the grain's
    /// previous one and the state row points at it (see <see cref="SqliteSchema"/>, migration 3).
    /// <paramref name="stateUtf8"/> is the state JSON already encoded by the caller, so the single writer does not transcode it.
    /// </summary>
    public static long WriteState(SqliteSession session, SqliteReminderVersions reminderVersions, StateWrite write, byte[] stateUtf8)
    {
        var grain = write.Grain;
        var stored = session.Statement(ReadStoredVersion).Bind("$type", grain.Type).Bind("$key", grain.Key)
            .Query(row => (Version: row.GetInt64(0), AuditHead: row.IsNull(1) ? (long?)null : row.GetInt64(1)));
        var (storedVersion, previousEvent) = stored.Count == 0 ? (0L, null) : stored[0];
        if (storedVersion != write.ExpectedVersion) throw new SqliteRefusal(new StaleStateException(grain, write.ExpectedVersion));

        var version = write.ExpectedVersion + 1;
        var at = SqliteTime.ToTicks(write.Audit.At);
        var audit = write.Audit;
        var auditSequence = session.Statement(InsertAudit)
            .Bind("$type", grain.Type).Bind("$key", grain.Key).Bind("$version", version).Bind("$at", at)
            .Bind("$actor", audit.Actor).Bind("$command", audit.Command).Bind("$outcome", audit.Outcome).Bind("$detail", audit.Detail)
            .Bind("$previous", previousEvent)
            .Insert();

        var state = write.ExpectedVersion == 0
            ? session.Statement(InsertState)
            : session.Statement(UpdateState).Bind("$expected", write.ExpectedVersion);
        var written = state.Bind("$type", grain.Type).Bind("$key", grain.Key).BindUtf8("$json", stateUtf8).Bind("$at", at)
            .Bind("$head", auditSequence).Execute();
        // Checked above in this transaction, which holds the only write lock: a miss here is a bug, and rolls back.
        if (written != 1) throw new InvalidOperationException($"The state row of {grain} changed under the writer.");

        if (write.Reminders.Count > 0) ApplyReminderChanges(session, reminderVersions, write);
        return version;
    }

    private static void ApplyReminderChanges(SqliteSession session, SqliteReminderVersions reminderVersions, StateWrite write)
    {
        var schedules = write.Reminders.Count(change => change is ReminderChange.Schedule);
        var nextVersion = schedules > 0 ? reminderVersions.Allocate(schedules) : 0L;

        foreach (var change in write.Reminders)
        {
            switch (change)
            {
                case ReminderChange.Schedule schedule:
                    session.Statement(UpsertReminder)
                        .Bind("$type", write.Grain.Type).Bind("$key", write.Grain.Key).Bind("$name", schedule.Name)
                        .Bind("$due", SqliteTime.ToTicks(schedule.DueAt)).Bind("$version", nextVersion++).Bind("$trace", write.TraceParent)
                        .Execute();
                    break;
                case ReminderChange.Cancel cancel:
                    session.Statement(DeleteReminder)
                        .Bind("$type", write.Grain.Type).Bind("$key", write.Grain.Key).Bind("$name", cancel.Name)
                        .Execute();
                    break;
                default:
                    throw new ArgumentException($"Unknown reminder change {change.GetType().Name}.", nameof(write));
            }
        }
    }

    public static IReadOnlyList<ReminderRow> ClaimDue(
        SqliteSession session, DateTimeOffset dueBy, DateTimeOffset leaseNow, DateTimeOffset leaseUntil, string owner, int max)
    {
        var command = session.Statement(ClaimDueReminders)
            .Bind("$owner", owner).Bind("$until", SqliteTime.ToTicks(leaseUntil)).Bind("$dueBy", SqliteTime.ToTicks(dueBy))
            .Bind("$now", SqliteTime.ToTicks(leaseNow)).Bind("$max", max);
        var claimed = command.Query(ReadReminder);

        // RETURNING gives no order guarantee.
        claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : a.Version.CompareTo(b.Version));
        return claimed;
    }

    public static int Complete(SqliteSession session, IReadOnlyList<ReminderRow> delivered)
    {
        var command = session.Statement(CompleteReminder);
        var completed = 0;
        foreach (var row in delivered)
        {
            completed += command.Bind("$type", row.Grain.Type).Bind("$key", row.Grain.Key).Bind("$name", row.Name)
                .Bind("$version", row.Version).Execute();
        }

        return completed;
    }

    public static int Release(SqliteSession session, IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter)
    {
        var command = session.Statement(ReleaseReminder)
            .Bind("$retry", SqliteTime.ToTicks(retryAfter));
        var released = 0;
        foreach (var row in failed)
        {
            released += command.Bind("$type", row.Grain.Type).Bind("$key", row.Grain.Key).Bind("$name", row.Name)
                .Bind("$version", row.Version).Execute();
        }

        return released;
    }

    public static ReminderRow ReadReminder(SqliteStatement row) => new(
        new GrainId(row.GetString(0), row.GetString(1)),
        row.GetString(2),
        SqliteTime.FromTicks(row.GetInt64(3)),
        row.GetInt64(4),
        row.GetNullableString(5),
        row.IsNull(6) ? null : SqliteTime.FromTicks(row.GetInt64(6)),
        row.GetInt32(7),
        row.GetNullableString(8));
}

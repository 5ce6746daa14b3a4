using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>The audit log's SQL and the mapping of its rows; instants are UTC ticks.</summary>
internal static class SqliteAuditLogStatements
{
    private const string Columns = "grain, version, at_utc_ticks, person_id, display_name, role, role_id, on_behalf_of, command, outcome, detail";

    private const string Insert = $"""
        INSERT INTO audit_event ({Columns})
        VALUES ($grain, $version, $at, $person_id, $display_name, $role, $role_id, $on_behalf_of, $command, $outcome, $detail)
        ON CONFLICT (grain, version) DO NOTHING
        """;

    private const string SelectOne = $"SELECT {Columns} FROM audit_event WHERE grain = $grain AND version = $version";

    public const string SelectPage =
        $"SELECT {Columns} FROM audit_event WHERE grain = $grain AND version > $after ORDER BY version LIMIT $limit";

    public const string Count = "SELECT COUNT(*) FROM audit_event WHERE grain = $grain";

    /// <summary>
    /// Inserts the events that are not stored yet (runs on the single writer, inside its transaction). A different stored
    /// event under a key fails the whole operation: as a refusal when nothing was inserted yet (the others of the
    /// group commit keep their transaction), else by throwing, so the writer rolls back and replays the others.
    /// </summary>
    public static int Append(SqliteSession session, IReadOnlyList<AuditEvent> auditEvents)
    {
        var inserted = 0;
        foreach (var auditEvent in auditEvents)
        {
            if (Bind(session.Statement(Insert), auditEvent).Execute() == 1)
            {
                inserted++;
                continue;
            }

            var stored = session.Statement(SelectOne).Bind("$grain", auditEvent.Grain).Bind("$version", auditEvent.Version).Query(Read).Single();
            if (stored == auditEvent) continue;
            var conflict = new AuditEventConflictException(stored, auditEvent);
            if (inserted == 0) throw new SqliteRefusal(conflict);
            throw conflict;
        }

        return inserted;
    }

    public static AuditEvent Read(SqliteStatement row) => new(
        row.GetString(0),
        row.GetInt64(1),
        SqliteTime.FromTicks(row.GetInt64(2)),
        new AuditActor(row.GetString(3), row.GetString(4), row.GetString(5), row.GetString(6), row.GetNullableString(7)),
        row.GetString(8),
        row.GetString(9),
        row.GetNullableString(10));

    private static SqliteStatement Bind(SqliteStatement statement, AuditEvent e) => statement
        .Bind("$grain", e.Grain).Bind("$version", e.Version).Bind("$at", SqliteTime.ToTicks(e.At))
        .Bind("$person_id", e.Actor.PersonId).Bind("$display_name", e.Actor.DisplayName).Bind("$role", e.Actor.Role)
        .Bind("$role_id", e.Actor.RoleId).Bind("$on_behalf_of", e.Actor.OnBehalfOf).Bind("$command", e.Command).Bind("$outcome", e.Outcome).Bind("$detail", e.Detail);
}

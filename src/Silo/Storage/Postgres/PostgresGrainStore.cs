using Npgsql;
using OrleansTilsyn.Contracts.Runtime;
using static OrleansTilsyn.Silo.Storage.Postgres.PostgresSql;

namespace OrleansTilsyn.Silo.Storage.Postgres;

/// <summary>
/// The shared store for a cluster of silos. A state write is one batch (one round trip, one implicit
/// transaction): the versioned state upsert, the audit insert and the reminder changes; a stale version
/// raises inside the batch so nothing of it commits. Reminders are claimed with FOR UPDATE SKIP LOCKED.
/// </summary>
public sealed class PostgresGrainStore : IGrainStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresGrainStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs a small fixed set of statements: prepare them on every physical connection.
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Guard(() => PostgresSchema.MigrateAsync(_dataSource, cancellationToken), cancellationToken);

    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(ReadState, Text(grain.Type), Text(grain.Key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
    }, cancellationToken);

    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(ReadVersion, Text(grain.Type), Text(grain.Key));
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0L;
    }, cancellationToken);

    public async Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var grain = write.Grain;
        var audit = write.Audit;
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(write.ExpectedVersion == 0
            ? BatchCommand(InsertState, Text(grain.Type), Text(grain.Key), Text(write.StateJson), Instant(audit.At))
            : BatchCommand(UpdateState, Text(grain.Type), Text(grain.Key), Text(write.StateJson), Instant(audit.At), Int64(write.ExpectedVersion)));
        var version = write.ExpectedVersion + 1;
        batch.BatchCommands.Add(BatchCommand(InsertAudit,
            Text(audit.Grain.Type), Text(audit.Grain.Key), Int64(version), Instant(audit.At),
            Text(audit.Actor), Text(audit.Command), Text(audit.Outcome), Text(audit.Detail)));
        // Stable sort: changes to one name keep their order; rows are locked in the order Complete/Release use.
        foreach (var change in write.Reminders.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            batch.BatchCommands.Add(change switch
            {
                ReminderChange.Schedule schedule => BatchCommand(UpsertReminder,
                    Text(grain.Type), Text(grain.Key), Text(schedule.Name), Instant(schedule.DueAt), Text(write.TraceParent)),
                ReminderChange.Cancel cancel => BatchCommand(DeleteReminder, Text(grain.Type), Text(grain.Key), Text(cancel.Name)),
                _ => throw new ArgumentException($"Unknown reminder change {change.GetType().Name}.", nameof(write)),
            });
        }

        try
        {
            await Guard(() => batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        }
        catch (StorageUnavailableException exception) when (exception.InnerException is PostgresException { SqlState: PostgresSchema.StaleStateSqlState })
        {
            throw new StaleStateException(grain, write.ExpectedVersion);
        }

        return version;
    }

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(
        DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0) return Task.FromResult<IReadOnlyList<ReminderRow>>([]);
        return Guard(async () =>
        {
            await using var command = Command(ClaimDue, Instant(dueBy), Instant(leaseNow), Int32(max), Text(owner), Instant(leaseNow + lease));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<ReminderRow>();
            while (await reader.ReadAsync(cancellationToken)) claimed.Add(ReadReminder(reader));
            // RETURNING gives no order guarantee.
            claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : a.Version.CompareTo(b.Version));
            return (IReadOnlyList<ReminderRow>)claimed;
        }, cancellationToken);
    }

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        if (delivered.Count == 0) return Task.CompletedTask;
        return Guard(async () =>
        {
            await using var command = Command(Complete, RowKeys(delivered));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Count == 0) return Task.CompletedTask;
        return Guard(async () =>
        {
            await using var command = Command(Release, [.. RowKeys(failed), Instant(retryAfter)]);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(NextDue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
    }, cancellationToken);

    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(ListReminders, Text(grain.Type), Text(grain.Key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(ReadReminder(reader));
        return (IReadOnlyList<ReminderRow>)rows;
    }, cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(ReadAudit, Text(grain.Type), Text(grain.Key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AuditEvent(
                grain,
                reader.GetInt64(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt64(0)));
        }

        return (IReadOnlyList<AuditEvent>)events;
    }, cancellationToken);

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command(Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var command = Command("SELECT 1");
        return await command.ExecuteScalarAsync(cancellationToken);
    }, cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>The rows' keys as parallel arrays, in the one lock order every statement of this store uses.</summary>
    private static NpgsqlParameter[] RowKeys(IReadOnlyList<ReminderRow> rows)
    {
        var ordered = rows
            .OrderBy(r => r.Grain.Type, StringComparer.Ordinal)
            .ThenBy(r => r.Grain.Key, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return
        [
            TextArray(ordered.Select(r => r.Grain.Type).ToArray()),
            TextArray(ordered.Select(r => r.Grain.Key).ToArray()),
            TextArray(ordered.Select(r => r.Name).ToArray()),
            Int64Array(ordered.Select(r => r.Version).ToArray()),
        ];
    }

    private static async Task Guard(Func<Task> action, CancellationToken cancellationToken) =>
        await Guard(async () =>
        {
            await action();
            return true;
        }, cancellationToken);

    /// <summary>Every driver or server failure surfaces as <see cref="StorageUnavailableException"/>; cancellation passes through.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"PostgreSQL store failed: {exception.Message}", exception);
        }
    }
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Storage.Sqlite;

/// <summary>
/// The embedded store for one silo: a SQLite file in WAL mode. All changes go through one writer
/// connection with group commit (<see cref="SqliteWriteQueue"/>); reads use pooled connections of
/// their own and never wait for the writer; WAL checkpoints run beside the writer
/// (<see cref="SqliteCheckpointer"/>). Instants are stored as UTC ticks. The database file is created
/// owner-only (0600) before SQLite opens it, so its WAL and shared-memory files are too (SQLite gives them
/// the database file's mode); files found open to others are named in a warning (<see cref="PrivateFiles"/>).
/// </summary>
public sealed class SqliteGrainStore : IGrainStore
{
    private readonly string _connectionString;
    private readonly string? _databaseFile;
    private readonly ILogger? _logger;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private SqliteSession? _writerSession;
    private SqliteWriteQueue? _writer;
    private SqliteReminderVersions? _reminderVersions;
    private SqliteCheckpointer? _checkpointer;
    private volatile bool _disposed;

    /// <param name="connectionString">A SQLite connection string naming a database file.</param>
    /// <param name="logger">Where warnings about the files' permissions go; none are given without one.</param>
    public SqliteGrainStore(string connectionString, ILogger<SqliteGrainStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            throw new ArgumentException("The SQLite store needs a database file (readers use connections of their own); use InMemoryGrainStore for memory.", nameof(connectionString));
        // The store keeps its own connections open, so the driver's pool would only hold file handles after dispose.
        builder.Pooling = false;
        _connectionString = builder.ToString();
        _databaseFile = builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? null : builder.DataSource;
        _logger = logger;
    }

    /// <summary>The single writer's counters since initialization (zero before).</summary>
    public SqliteWriterStatistics WriterStatistics => _writer?.Statistics ?? default;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null) return;
            if (_databaseFile is not null) PrivateFiles.CreateFileIfMissing(_databaseFile);
            var session = SqliteSession.Open(_connectionString, writer: true);
            try
            {
                SqliteGrainStoreSchema.Migrate(session.Connection);
                // After the WAL mode is set and the schema written, so the -wal and -shm files exist.
                if (_databaseFile is not null && _logger is not null)
                    PrivateFiles.WarnIfLooser(_logger, [_databaseFile, _databaseFile + "-wal", _databaseFile + "-shm"]);
            }
            catch
            {
                session.Dispose();
                throw;
            }

            var reminderVersions = new SqliteReminderVersions(session);
            var writer = new SqliteWriteQueue(session, reminderVersions);
            try
            {
                _checkpointer = new SqliteCheckpointer(_connectionString, () => writer.CommittedBatches);
            }
            catch
            {
                await writer.DisposeAsync();
                session.Dispose();
                throw;
            }

            _writerSession = session;
            _reminderVersions = reminderVersions;
            _writer = writer;
        }
        catch (SqliteException exception)
        {
            throw SqliteWriteQueue.Translate(exception);
        }
        finally
        {
            _initialization.Release();
        }
    }

    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken) => Read(cancellationToken, session =>
        session.Statement("SELECT state_json, version FROM grain_state WHERE grain_type = $type AND grain_key = $key")
            .Bind("$type", grain.Type).Bind("$key", grain.Key)
            .Query(row => new StoredState(row.GetString(0), row.GetInt64(1)))
            .SingleOrDefault());

    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken) => Read(cancellationToken, session =>
        session.Statement("SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key")
            .Bind("$type", grain.Type).Bind("$key", grain.Key)
            .ScalarInt64() ?? 0L);

    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        // Encoded here, on the caller's thread: the single writer only copies bytes.
        var stateUtf8 = Encoding.UTF8.GetBytes(write.StateJson);
        var writer = Writer;
        var reminderVersions = _reminderVersions!;
        return writer.Enqueue(session => SqliteStatements.WriteState(session, reminderVersions, write, stateUtf8), cancellationToken);
    }

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(
        DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0) return Task.FromResult<IReadOnlyList<ReminderRow>>([]);
        return Writer.Enqueue(
            session => SqliteStatements.ClaimDue(session, dueBy, leaseNow, leaseNow + lease, owner, max), cancellationToken);
    }

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        if (delivered.Count == 0) return Task.CompletedTask;
        return Writer.Enqueue(session => SqliteStatements.Complete(session, delivered), cancellationToken);
    }

    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Count == 0) return Task.CompletedTask;
        return Writer.Enqueue(session => SqliteStatements.Release(session, failed, retryAfter), cancellationToken);
    }

    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken) => Read(cancellationToken, session =>
        session.Statement("SELECT MIN(due_at) FROM reminder").ScalarInt64() is { } ticks ? SqliteTime.FromTicks(ticks) : (DateTimeOffset?)null);

    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken) => Read(cancellationToken, session =>
        (IReadOnlyList<ReminderRow>)session.Statement(
                $"SELECT {SqliteStatements.ReminderColumns} FROM reminder WHERE grain_type = $type AND grain_key = $key ORDER BY due_at, version")
            .Bind("$type", grain.Type).Bind("$key", grain.Key)
            .Query(SqliteStatements.ReadReminder));

    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken) => Read(cancellationToken, session =>
        (IReadOnlyList<AuditEvent>)session.Statement(
                """
                WITH RECURSIVE chain (sequence) AS (
                    SELECT audit_head FROM grain_state WHERE grain_type = $type AND grain_key = $key
                    UNION ALL
                    SELECT e.previous FROM audit_event e JOIN chain c ON e.sequence = c.sequence WHERE e.previous IS NOT NULL)
                SELECT e.sequence, e.version, e.at, e.actor, e.command, e.outcome, e.detail
                FROM chain c JOIN audit_event e ON e.sequence = c.sequence ORDER BY e.sequence
                """)
            .Bind("$type", grain.Type).Bind("$key", grain.Key)
            .Query(row => new AuditEvent(
                grain,
                row.GetInt64(1),
                SqliteTime.FromTicks(row.GetInt64(2)),
                row.GetString(3),
                row.GetString(4),
                row.GetString(5),
                row.GetNullableString(6),
                row.GetInt64(0))));

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken) => Read(cancellationToken, session =>
        session.Statement("SELECT (SELECT COUNT(*) FROM grain_state), (SELECT COUNT(*) FROM audit_event), (SELECT COUNT(*) FROM reminder)")
            .Query(row => new StoreCounts(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2)))
            .Single());

    public Task PingAsync(CancellationToken cancellationToken) => Read(cancellationToken, session =>
        session.Statement("SELECT 1").ScalarInt64());

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _initialization.WaitAsync();
        try
        {
            _checkpointer?.Dispose();
            if (_writer is not null) await _writer.DisposeAsync();
            _writerSession?.Dispose();
            DisposeReaders();
        }
        finally
        {
            _initialization.Release();
        }
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private SqliteWriteQueue Writer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer ?? throw new InvalidOperationException("The SQLite store is not initialized: call InitializeAsync first.");
        }
    }

    /// <summary>
    /// Runs a read on a pooled reader connection. SQLite reads are synchronous and short, so they run
    /// on the caller's thread; WAL lets them proceed while the writer commits.
    /// </summary>
    private Task<T> Read<T>(CancellationToken cancellationToken, Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        SqliteSession? session = null;
        try
        {
            session = _readers.TryTake(out var pooled) ? pooled : SqliteSession.Open(_connectionString, writer: false);
            var result = read(session);
            _readers.Add(session);
            if (_disposed) DisposeReaders();
            return Task.FromResult(result);
        }
        catch (Exception exception)
        {
            session?.Dispose();
            if (exception is SqliteException) return Task.FromException<T>(SqliteWriteQueue.Translate(exception));
            throw;
        }
    }
}

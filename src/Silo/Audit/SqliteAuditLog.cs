using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Grains.Audit;
using AuditEvent = OrleansTilsyn.Grains.Audit.AuditEvent;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// The embedded audit log: a SQLite file of its own in WAL mode, written by one writer with group commit
/// (<see cref="SqliteWriteQueue"/>: concurrent appends share a transaction and complete after its COMMIT), read on
/// pooled connections that never wait for the writer, checkpointed beside the writer (<see cref="SqliteCheckpointer"/>).
/// The file holds who did what, so it is created owner-only before SQLite opens it (its -wal and -shm files follow its
/// mode) and files found open to others are named in a warning. Initialized at start by the registration, or on first use.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly string _file;
    private readonly string _connectionString;
    private readonly ILogger? _logger;
    private readonly AuditLogInitialization _initialization;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private SqliteSession? _writerSession;
    private SqliteWriteQueue? _writer;
    private SqliteCheckpointer? _checkpointer;
    private volatile bool _disposed;

    public SqliteAuditLog(SqliteAuditLogOptions options, ILogger<SqliteAuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath, nameof(options.FilePath));
        _file = Path.GetFullPath(options.FilePath);
        // The log keeps its own connections open, so the driver's pool would only hold file handles after dispose.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();
        _logger = logger;
        _initialization = new AuditLogInitialization(InitializeCoreAsync);
    }

    /// <summary>Creates the file and applies the schema; callers need not wait for it (every operation does).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _initialization.EnsureAsync(cancellationToken);

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => AppendAsync([auditEvent], cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var distinct = AuditBatch.Distinct(auditEvents);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writer!.Enqueue(session => SqliteAuditLogStatements.Append(session, distinct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        AuditRules.AfterVersion(afterVersion);
        AuditRules.PageSize(max);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var readAhead = Read(session => session.Statement(SqliteAuditLogStatements.SelectPage)
            .Bind("$grain", grain).Bind("$after", afterVersion).Bind("$limit", max + 1L)
            .Query(SqliteAuditLogStatements.Read));
        return AuditPage.FromReadAhead(readAhead, max);
    }

    public async Task<long> CountAsync(string grain, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return Read(session => session.Statement(SqliteAuditLogStatements.Count).Bind("$grain", grain).ScalarInt64() ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_initialization.Started is { } started)
        {
            try
            {
                await started.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A failed start left nothing open; dispose has nothing to report.
            }
        }

        _checkpointer?.Dispose();
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        _writerSession?.Dispose();
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private async Task InitializeCoreAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(_file)!);
        PrivateFiles.CreateFileIfMissing(_file);
        SqliteSession? session = null;
        SqliteWriteQueue? writer = null;
        try
        {
            session = SqliteSession.Open(_connectionString, writer: true);
            SqliteAuditLogSchema.Migrate(session.Connection);
            // After the WAL mode is set and the schema written, so the -wal and -shm files exist.
            if (_logger is not null) PrivateFiles.WarnIfLooser(_logger, [_file, _file + "-wal", _file + "-shm"]);
            writer = new SqliteWriteQueue(session);
            var queue = writer;
            _checkpointer = new SqliteCheckpointer(_connectionString, () => queue.CommittedBatches);
            _writerSession = session;
            _writer = writer;
        }
        catch (Exception exception)
        {
            if (writer is not null) await writer.DisposeAsync().ConfigureAwait(false);
            session?.Dispose();
            if (exception is SqliteException) throw SqliteWriteQueue.Translate(exception);
            throw;
        }
    }

    /// <summary>Runs a read on a pooled reader connection, on the caller's thread (SQLite reads are short; WAL lets them run beside the writer).</summary>
    private T Read<T>(Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteSession? session = null;
        try
        {
            session = _readers.TryTake(out var pooled) ? pooled : SqliteSession.Open(_connectionString, writer: false);
            var result = read(session);
            _readers.Add(session);
            if (_disposed)
            {
                while (_readers.TryTake(out var reader)) reader.Dispose();
            }

            return result;
        }
        catch (Exception exception)
        {
            session?.Dispose();
            if (exception is SqliteException) throw SqliteWriteQueue.Translate(exception);
            throw;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// One SQLite file of a provider (grain storage, reminder table, audit log) and its connections: WAL, one writer
/// connection with group commit (<see cref="SqliteWriteQueue"/>), pooled reader connections that never wait for the
/// writer, and WAL checkpoints beside the writer (<see cref="SqliteCheckpointer"/>). Opening creates the file
/// owner-only (0600, missing folders 0700) before SQLite opens it, so its -wal and -shm files are too, applies the
/// provider's <see cref="SqliteSchema"/> and names files found open to others in a warning. SQLite failures surface
/// as <see cref="SqliteWriteQueue.Translate"/> makes them.
/// </summary>
internal sealed class SqliteFile : IAsyncDisposable
{
    private readonly SqliteSchema _schema;
    private readonly ILogger _logger;
    private readonly string _startedBy;
    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly SemaphoreSlim _opening = new(1, 1);
    private volatile Writer? _writer;
    private volatile bool _disposed;

    /// <param name="path">The database file; relative to the working folder when not absolute.</param>
    /// <param name="schema">The provider's tables, applied when the file opens.</param>
    /// <param name="logger">Where warnings about the files' permissions go; none are given without one.</param>
    /// <param name="startedBy">What opens the file, for the error when it is used before that (e.g. "the silo starts it").</param>
    public SqliteFile(string path, SqliteSchema schema, ILogger? logger, string startedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _schema = schema;
        _logger = logger ?? NullLogger.Instance;
        _startedBy = startedBy;
        // The file keeps its own connections open, so the driver's pool would only hold file handles after dispose.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
    }

    public string Path { get; }

    /// <summary>The single writer's counters since the file opened (zero before).</summary>
    public SqliteWriterStatistics WriterStatistics => _writer?.Queue.Statistics ?? default;

    /// <summary>Creates the file when missing, brings its schema up to date and starts the writer; once (a failed
    /// open is tried again by the next call). The token stops only the wait for another caller's open.</summary>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer release.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer ??= await StartWriterAsync().ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw SqliteWriteQueue.Translate(exception);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the single writer; its result is reported once its transaction committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = _writer ?? throw NotStarted();
        return writer.Queue.Enqueue(write, cancellationToken);
    }

    /// <summary>Runs a read on a pooled reader connection, on the caller's thread: SQLite reads are short, and WAL lets
    /// them run while the writer commits.</summary>
    public T Read<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null) throw NotStarted();
        cancellationToken.ThrowIfCancellationRequested();
        SqliteSession? session = null;
        try
        {
            session = _readers.TryTake(out var pooled) ? pooled : SqliteSession.Open(_connectionString, writer: false);
            var result = read(session);
            _readers.Add(session);
            if (_disposed) DisposeReaders();
            return result;
        }
        catch (Exception exception)
        {
            session?.Dispose();
            if (exception is SqliteException) throw SqliteWriteQueue.Translate(exception);
            throw;
        }
    }

    /// <summary>Waits for an open under way, lets queued writes finish, then closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _opening.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_writer is { } writer)
            {
                writer.Checkpointer.Dispose();
                await writer.Queue.DisposeAsync().ConfigureAwait(false);
                writer.Session.Dispose();
            }

            DisposeReaders();
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<Writer> StartWriterAsync()
    {
        PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(Path)!);
        PrivateFiles.CreateFileIfMissing(Path);
        var session = SqliteSession.Open(_connectionString, writer: true);
        SqliteWriteQueue? queue = null;
        try
        {
            _schema.Migrate(session.Connection);
            // After WAL mode is set and the schema written, so the -wal and -shm files exist.
            PrivateFiles.WarnIfLooser(_logger, [Path, Path + "-wal", Path + "-shm"]);
            var started = new SqliteWriteQueue(session);
            queue = started;
            var checkpointer = new SqliteCheckpointer(_connectionString, () => started.CommittedBatches);
            return new Writer(session, started, checkpointer);
        }
        catch
        {
            if (queue is not null) await queue.DisposeAsync().ConfigureAwait(false);
            session.Dispose();
            throw;
        }
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private InvalidOperationException NotStarted() => new($"The SQLite file {Path} is not started: {_startedBy}.");

    private sealed record Writer(SqliteSession Session, SqliteWriteQueue Queue, SqliteCheckpointer Checkpointer);
}

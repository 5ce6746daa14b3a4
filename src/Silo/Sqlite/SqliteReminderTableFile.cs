using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The reminder table's SQLite file and its connections, as the grain store keeps its own: one writer with group
/// commit (<see cref="SqliteWriteQueue"/>), pooled readers that never wait for it (WAL), and WAL checkpoints beside
/// the writer (<see cref="SqliteCheckpointer"/>). The file is created owner-only (0600, missing folders 0700) before
/// SQLite opens it, so its WAL files are too; files found open to others are named in a warning.
/// </summary>
internal sealed class SqliteReminderTableFile : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly SemaphoreSlim _opening = new(1, 1);
    private SqliteSession? _writerSession;
    private SqliteWriteQueue? _writer;
    private SqliteCheckpointer? _checkpointer;
    private volatile bool _disposed;

    public SqliteReminderTableFile(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        // The file keeps its own connections open, so the driver's pool would only hold file handles after dispose.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _logger = logger;
    }

    public string Path { get; }

    /// <summary>Creates the file when missing, brings its schema up to date and starts the writer; once.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null) return;
            PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            PrivateFiles.CreateFileIfMissing(Path);
            var session = SqliteSession.Open(_connectionString, writer: true);
            try
            {
                SqliteSchema.Migrate(session.Connection, SqliteReminderTableSchema.VersionTable, SqliteReminderTableSchema.Migrations);
                PrivateFiles.WarnIfLooser(_logger, [Path, Path + "-wal", Path + "-shm"]);
                var writer = new SqliteWriteQueue(session);
                try
                {
                    _checkpointer = new SqliteCheckpointer(_connectionString, () => writer.CommittedBatches);
                }
                catch
                {
                    await writer.DisposeAsync();
                    throw;
                }

                _writerSession = session;
                _writer = writer;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the single writer; its result is reported once its transaction committed.</summary>
    public Task<T> Write<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = _writer ?? throw NotOpen();
        return writer.Enqueue(write, cancellationToken);
    }

    /// <summary>Runs a read on a pooled reader connection, on the caller's thread (SQLite reads are short and synchronous).</summary>
    public Task<T> Read<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null) throw NotOpen();
        cancellationToken.ThrowIfCancellationRequested();
        var session = _readers.TryTake(out var pooled) ? pooled : SqliteSession.Open(_connectionString, writer: false);
        try
        {
            var result = read(session);
            _readers.Add(session);
            if (_disposed) DisposeReaders();
            return Task.FromResult(result);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _opening.WaitAsync();
        try
        {
            _checkpointer?.Dispose();
            if (_writer is not null) await _writer.DisposeAsync();
            _writerSession?.Dispose();
            DisposeReaders();
        }
        finally
        {
            _opening.Release();
        }
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private InvalidOperationException NotOpen() =>
        new($"The SQLite reminder table ({Path}) is not started: the reminder service starts it (IReminderTable.StartAsync).");
}

using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The open SQLite file of a <see cref="SqliteGrainStorage"/>, built from the old store's machinery: WAL, one writer
/// connection with group commit (<see cref="SqliteWriteQueue"/>), pooled reader connections that never wait for the
/// writer, and WAL checkpoints beside the writer (<see cref="SqliteCheckpointer"/>). The file is created owner-only
/// (0600, its folder 0700) before SQLite opens it, so its -wal and -shm files are too.
/// </summary>
internal sealed class SqliteGrainStorageDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteSession _writerSession;
    private readonly SqliteWriteQueue _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private volatile bool _disposed;

    private SqliteGrainStorageDatabase(string connectionString, SqliteSession writerSession, SqliteWriteQueue writer, SqliteCheckpointer checkpointer)
    {
        _connectionString = connectionString;
        _writerSession = writerSession;
        _writer = writer;
        _checkpointer = checkpointer;
    }

    public SqliteWriterStatistics WriterStatistics => _writer.Statistics;

    /// <summary>Creates the file when missing, migrates its schema and starts the writer.</summary>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer release.</exception>
    public static async Task<SqliteGrainStorageDatabase> OpenAsync(string filePath, ILogger logger)
    {
        var fullPath = Path.GetFullPath(filePath);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(fullPath)!);
        PrivateFiles.CreateFileIfMissing(fullPath);
        // The storage keeps its connections open, so the driver's pool would only hold file handles after close.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString();

        var session = SqliteSession.Open(connectionString, writer: true);
        SqliteWriteQueue? writer = null;
        try
        {
            SqliteSchema.Migrate(session.Connection, SqliteGrainStorageSchema.VersionTable, SqliteGrainStorageSchema.Migrations);
            // After WAL mode is set and the schema written, so the -wal and -shm files exist.
            PrivateFiles.WarnIfLooser(logger, [fullPath, fullPath + "-wal", fullPath + "-shm"]);
            writer = new SqliteWriteQueue(session);
            var checkpointer = new SqliteCheckpointer(connectionString, () => writer.CommittedBatches);
            return new SqliteGrainStorageDatabase(connectionString, session, writer, checkpointer);
        }
        catch
        {
            if (writer is not null) await writer.DisposeAsync();
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on the single writer; it completes once its transaction committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.Enqueue(work, cancellationToken);
    }

    /// <summary>Runs a read on a pooled reader connection, on the caller's thread: SQLite reads are short, and WAL lets
    /// them run while the writer commits.</summary>
    public T Read<T>(Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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

    /// <summary>Lets queued writes finish, then closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _checkpointer.Dispose();
        await _writer.DisposeAsync();
        _writerSession.Dispose();
        DisposeReaders();
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// The single writer of a SQLite database with group commit: operations queued by concurrent callers
/// run in one transaction and are reported only after its commit. One failing operation never takes the
/// others down: a refusal that changed nothing (<see cref="SqliteRefusal"/>, e.g. a stale write) just
/// fails that operation; any other failure rolls the transaction back, fails its operation and runs the
/// rest again in a fresh transaction. No per-operation savepoints: they cost more than the rare replay.
/// An operation whose token is cancelled before its batch starts is skipped; once started it completes.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatchSize = 512;
    private const int SmallBatch = 32;

    private readonly Channel<SqliteWriteOperation> _queue =
        Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<SqliteWriteOperation> _batch = new(MaxBatchSize);
    private readonly List<SqliteWriteOperation> _executed = new(MaxBatchSize);
    private readonly SqliteSession _writer;
    private readonly ISqliteTransactionObserver? _observer;
    private readonly Task _loop;
    private long _committedBatches;
    private long _operations;
    private long _replays;
    private long _busyTicks;
    private long _commitTicks;

    public SqliteWriteQueue(SqliteSession writer, ISqliteTransactionObserver? observer = null)
    {
        _writer = writer;
        _observer = observer;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (read by the checkpointer).</summary>
    public long CommittedBatches => Volatile.Read(ref _committedBatches);

    /// <summary>What the writer did so far (for benchmarks): page cache use, pages written, batches, operations, replays, busy and commit time.</summary>
    public SqliteWriterStatistics Statistics => new(
        CacheStatus(SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_HIT), CacheStatus(SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS),
        CacheStatus(SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE),
        Volatile.Read(ref _committedBatches), Volatile.Read(ref _operations), Volatile.Read(ref _replays),
        Stopwatch.GetElapsedTime(0, Volatile.Read(ref _busyTicks)), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _commitTicks)));

    private long CacheStatus(int op)
    {
        SQLitePCL.raw.sqlite3_db_status(_writer.Connection.Handle!, op, out var current, out _, 0);
        return current;
    }

    public Task<T> Enqueue<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        var operation = new SqliteWriteOperation<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(operation)) throw new ObjectDisposedException(nameof(SqliteWriteQueue));
        return operation.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(reader);
            if (_batch.Count < SmallBatch)
            {
                // Let callers that are about to write join this transaction: under load a commit's fixed pages (the audit
                // table's last page, the file header) are then shared by ~30 writes instead of ~8; alone, it costs one yield.
                await Task.Yield();
                Drain(reader);
            }

            var started = Stopwatch.GetTimestamp();
            while (_batch.Count > 0 && !TryRunBatch()) Volatile.Write(ref _replays, _replays + 1);
            Volatile.Write(ref _busyTicks, _busyTicks + Stopwatch.GetTimestamp() - started);
            _batch.Clear();
            _executed.Clear();
        }
    }

    private void Drain(ChannelReader<SqliteWriteOperation> reader)
    {
        while (_batch.Count < MaxBatchSize && reader.TryRead(out var operation))
        {
            if (operation.CancellationToken.IsCancellationRequested) operation.Cancel();
            else _batch.Add(operation);
        }
    }

    /// <summary>
    /// Runs <see cref="_batch"/> in one transaction. Returns false when an operation failed after changing rows:
    /// the transaction was rolled back, that operation failed and was removed, and the rest must run again.
    /// </summary>
    private bool TryRunBatch()
    {
        _executed.Clear();
        try
        {
            // Raw BEGIN/COMMIT (not SqliteTransaction) so the cached statements need no transaction re-binding.
            _writer.Execute("BEGIN IMMEDIATE");
            _observer?.Begun();
            for (var i = 0; i < _batch.Count; i++)
            {
                var operation = _batch[i];
                try
                {
                    operation.Execute(_writer);
                    _executed.Add(operation);
                }
                catch (SqliteRefusal refusal)
                {
                    operation.Fail(refusal.Reason);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    RollBackQuietly();
                    operation.Fail(Translate(exception));
                    _batch.RemoveAt(i);
                    FailRefusedBefore(i);
                    return false;
                }
            }

            _observer?.Committing();
            var committing = Stopwatch.GetTimestamp();
            _writer.Execute("COMMIT");
            Volatile.Write(ref _commitTicks, _commitTicks + Stopwatch.GetTimestamp() - committing);
            _observer?.Committed();
            Volatile.Write(ref _operations, _operations + _executed.Count);
            Volatile.Write(ref _committedBatches, _committedBatches + 1);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RollBackQuietly();
            var failure = Translate(exception);
            foreach (var operation in _batch) operation.Fail(failure);
            _batch.Clear();
            return true;
        }

        foreach (var operation in _executed) operation.Commit();
        return true;
    }

    /// <summary>Refused operations before <paramref name="end"/> already know their outcome: they are not run again.</summary>
    private void FailRefusedBefore(int end)
    {
        var executed = new HashSet<SqliteWriteOperation>(_executed);
        for (var i = end - 1; i >= 0; i--)
        {
            if (!executed.Contains(_batch[i])) _batch.RemoveAt(i);
        }
    }

    private void RollBackQuietly()
    {
        _observer?.RolledBack();
        try
        {
            _writer.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // No transaction was open (BEGIN failed, or SQLite already rolled back after the error).
        }
    }

    public static Exception Translate(Exception exception) => exception switch
    {
        SqliteException sqlite => new StorageUnavailableException($"SQLite store failed: {sqlite.Message}", sqlite),
        _ => exception,
    };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Storage.Sqlite;

/// <summary>
/// The single writer of a SQLite database with group commit: operations queued by concurrent callers
/// are run in one transaction, each inside its own savepoint, so one failing operation (a stale write)
/// is rolled back alone while the others commit together. Nothing is reported before the commit.
/// An operation whose token is cancelled before its batch starts is skipped; once started it completes.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatchSize = 512;

    private readonly Channel<SqliteWriteOperation> _queue =
        Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<SqliteWriteOperation> _batch = new(MaxBatchSize);
    private readonly List<SqliteWriteOperation> _executed = new(MaxBatchSize);
    private readonly SqliteSession _writer;
    private readonly Task _loop;
    private long _committedBatches;

    public SqliteWriteQueue(SqliteSession writer)
    {
        _writer = writer;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (read by the checkpointer).</summary>
    public long CommittedBatches => Volatile.Read(ref _committedBatches);

    public Task<T> Enqueue<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        var operation = new SqliteWriteOperation<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(operation)) throw new ObjectDisposedException(nameof(SqliteGrainStore));
        return operation.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_batch.Count < MaxBatchSize && reader.TryRead(out var operation)) _batch.Add(operation);
            RunBatch();
            _batch.Clear();
            _executed.Clear();
        }
    }

    private void RunBatch()
    {
        try
        {
            // Raw BEGIN/COMMIT (not SqliteTransaction) so the cached commands need no transaction re-binding.
            _writer.Execute("BEGIN IMMEDIATE");
            foreach (var operation in _batch)
            {
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Cancel();
                    continue;
                }

                _writer.Execute("SAVEPOINT operation");
                try
                {
                    operation.Execute(_writer);
                    _writer.Execute("RELEASE operation");
                    _executed.Add(operation);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    _writer.Execute("ROLLBACK TO operation");
                    _writer.Execute("RELEASE operation");
                    operation.Fail(Translate(exception));
                }
            }

            _writer.Execute("COMMIT");
            Volatile.Write(ref _committedBatches, _committedBatches + 1);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RollBackQuietly();
            var failure = Translate(exception);
            foreach (var operation in _batch) operation.Fail(failure);
            return;
        }

        foreach (var operation in _executed) operation.Commit();
    }

    private void RollBackQuietly()
    {
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

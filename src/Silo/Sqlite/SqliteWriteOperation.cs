namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>A unit of work for the single writer: runs inside a batch transaction, completes after commit.</summary>
internal abstract class SqliteWriteOperation(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs the statements; throwing rolls back this operation only (its savepoint).</summary>
    public abstract void Execute(SqliteSession writer);

    /// <summary>Reports success; called only once the batch transaction has committed.</summary>
    public abstract void Commit();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

internal sealed class SqliteWriteOperation<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    : SqliteWriteOperation(cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override void Execute(SqliteSession writer) => _result = work(writer);

    public override void Commit() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// Runs a log's one-time start work (create the file or table) once for all callers: at start from
/// <see cref="AuditLogStartup"/>, and on first use when a grain appends before that. A failed start is tried again
/// by the next caller. A caller's token stops its wait, not the shared work.
/// </summary>
internal sealed class AuditLogInitialization(Func<Task> initialize)
{
    private readonly Lock _lock = new();
    private Task? _task;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var task = _task;
        if (task is { IsCompletedSuccessfully: true }) return Task.CompletedTask;
        lock (_lock)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled) _task = Task.Run(initialize, CancellationToken.None);
            return _task.WaitAsync(cancellationToken);
        }
    }
}

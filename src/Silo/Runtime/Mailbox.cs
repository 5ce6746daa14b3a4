namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// Runs an activation's turns one at a time in arrival order. An idle mailbox runs a posted turn
/// at once on the caller's thread (no queue hop); others queue behind the running turn. Each turn
/// runs in its caller's execution context, so the caller's actor, call chain and span flow in.
/// </summary>
internal sealed class Mailbox(Activation owner)
{
    private readonly Lock _lock = new();
    private readonly Queue<ITurn> _queue = new();
    private bool _running;
    private bool _closed;

    public bool IsIdle
    {
        get
        {
            lock (_lock) return !_running && _queue.Count == 0;
        }
    }

    /// <summary>False when the mailbox was closed (its activation is gone): post to a new activation.</summary>
    public bool TryPost(ITurn turn)
    {
        lock (_lock)
        {
            if (_closed) return false;
            if (_running)
            {
                _queue.Enqueue(turn);
                return true;
            }

            _running = true;
        }

        _ = PumpAsync(turn);
        return true;
    }

    /// <summary>Refuses further turns and hands back those still queued.</summary>
    public ITurn[] Close()
    {
        lock (_lock)
        {
            _closed = true;
            var rest = _queue.ToArray();
            _queue.Clear();
            return rest;
        }
    }

    private async Task PumpAsync(ITurn turn)
    {
        while (true)
        {
            // Changes to the execution context here stay inside this async method.
            if (turn.Context is { } context) ExecutionContext.Restore(context);
            try
            {
                await owner.RunTurnAsync(turn);
            }
            catch (Exception error)
            {
                turn.Fail(error);
            }

            lock (_lock)
            {
                if (!_queue.TryDequeue(out turn!))
                {
                    _running = false;
                    return;
                }
            }
        }
    }
}
